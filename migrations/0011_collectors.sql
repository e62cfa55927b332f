CREATE TABLE "collector_leases" (
	"collector" text NOT NULL,
	"shard" integer NOT NULL,
	"node" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "collector_leases_collector_shard_pk" PRIMARY KEY("collector","shard")
);
--> statement-breakpoint
CREATE TABLE "collector_nodes" (
	"node" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"lease_ms" integer NOT NULL,
	"collectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"health" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "collector_leases_node_idx" ON "collector_leases" USING btree ("node");