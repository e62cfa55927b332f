export declare const SERVER_SOURCE: string;
export declare const SERVER_BUNDLE: string;
export declare const CLI_SOURCE: string;
export declare const CLI_BUNDLE: string;
/** True when the bundle (dist/server/main.mjs by default) exists and no source is newer. */
export declare function serverBundleFresh(root: string, bundle?: string): boolean;
/** Bundles the server and CLI sources into dist/server/main.mjs and dist/cli/main.mjs; false when esbuild is missing or the build failed. */
export declare function bundleServer(root: string): Promise<boolean>;
/** What the `yunwei` command runs: its bundle when fresh, else the sources. */
export declare function cliEntry(root: string): string;
/** What `npm start` runs: the bundle ((re)built when stale), else the sources. */
export declare function serverEntry(root: string): Promise<string>;
