export interface ThrowawayCluster {
  url: string;
  dir: string;
  /** Stops the server and removes the cluster; idempotent. */
  stop(): void;
  /** Stops the server only (pg_ctl stop -m fast); the data and the port stay. */
  halt(): void;
  /** Starts the halted server again on the same port. */
  resume(): void;
}
export declare function startThrowawayCluster(): Promise<ThrowawayCluster>;
