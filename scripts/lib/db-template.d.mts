/** Writes dist/pgdata-template/<key>.tar for the current migrations; false when it failed. */
export declare function makeDatabaseTemplate(root: string): boolean;
