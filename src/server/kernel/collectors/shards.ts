// Which node should handle what: a target key hashes to one of a fixed number of shards per collector,
// and each shard goes to the live node with the highest rendezvous (highest-random-weight) score. Every
// node computes the same answer from the same membership, and a node joining or leaving moves only
// the shards it wins or held (about 1/N of them), so targets stay where they are otherwise.
// Who actually handles a shard is decided by its lease (leases.ts); this is only who asks for it.
import { createHash } from 'node:crypto';

function hash32(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0);
}

/** The shard of a target key within a collector; stable across nodes, processes and versions. */
export function shardOf(collector: string, key: string, shards: number): number {
  return hash32(`${collector}\u0000${key}`) % shards;
}

/** The node that should hold the shard among the given live nodes; null when there is none. */
export function ownerOf(collector: string, shard: number, nodes: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const node of nodes) {
    const score = hash32(`${collector}\u0000${shard}\u0000${node}`);
    // Ties (1 in 2^32) go to the smaller node id so every node breaks them the same way.
    if (score > bestScore || (score === bestScore && best !== null && node < best)) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

/** The shards of a collector that `me` should hold, given the live nodes running that collector. */
export function wantedShards(collector: string, shards: number, nodes: readonly string[], me: string): number[] {
  const wanted: number[] = [];
  for (let s = 0; s < shards; s++) if (ownerOf(collector, s, nodes) === me) wanted.push(s);
  return wanted;
}
