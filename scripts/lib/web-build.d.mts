/** Builds dist/web when missing or older than its sources; false when the build failed. */
export declare function buildWebIfNeeded(root: string): boolean;
