export declare const SERVER_SOURCE: string;
export declare const SERVER_BUNDLE: string;
/** True when dist/server/main.mjs exists and no server source is newer. */
export declare function serverBundleFresh(root: string): boolean;
/** Bundles the server sources into dist/server/main.mjs; false when esbuild is missing or the build failed. */
export declare function bundleServer(root: string): Promise<boolean>;
/** What `npm start` runs: the bundle ((re)built when stale), else the sources. */
export declare function serverEntry(root: string): Promise<string>;
