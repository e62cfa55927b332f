// Shard assignment: stable, balanced, and a node joining or leaving moves only its share.
import { describe, expect, it } from 'vitest';
import { ownerOf, shardOf, wantedShards } from './shards.ts';

const SHARDS = 256;
const nodes = (n: number) => Array.from({ length: n }, (_, i) => `host-${i}:${1000 + i}`);
const assignment = (ns: string[]) => Array.from({ length: SHARDS }, (_, s) => ownerOf('monitor.icmp', s, ns));

describe('shard assignment', () => {
  it('puts a target key in the same shard every time, and spreads keys over the shards', () => {
    expect(shardOf('monitor.icmp', '10.0.0.1', 64)).toBe(shardOf('monitor.icmp', '10.0.0.1', 64));
    const counts = new Array<number>(64).fill(0);
    for (let i = 0; i < 6400; i++) counts[shardOf('monitor.icmp', `10.0.${i >> 8}.${i & 255}`, 64)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });

  it('gives every shard to exactly one node, the same whatever order the nodes are listed in', () => {
    const ns = nodes(3);
    expect(assignment(ns)).toEqual(assignment([...ns].reverse()));
    const mine = ns.map((n) => wantedShards('monitor.icmp', SHARDS, ns, n));
    expect(mine.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: SHARDS }, (_, s) => s));
    for (const m of mine) expect(m.length).toBeGreaterThan(SHARDS / 3 / 2); // roughly a third each
  });

  it.each([1, 2, 3, 5, 8])('moves only about 1/N of the shards, all to the newcomer, when a node joins %i others', (n) => {
    const before = assignment(nodes(n));
    const grown = nodes(n + 1);
    const after = assignment(grown);
    const moved = after.filter((o, s) => o !== before[s]);
    expect(moved.every((o) => o === grown[n])).toBe(true);
    const share = SHARDS / (n + 1);
    expect(moved.length).toBeGreaterThan(share * 0.5);
    expect(moved.length).toBeLessThan(share * 1.6);
  });

  it('moves only the shards of a node that leaves', () => {
    const ns = nodes(4);
    const before = assignment(ns);
    const after = assignment(ns.filter((n) => n !== ns[2]));
    after.forEach((o, s) => {
      if (before[s] !== ns[2]) expect(o).toBe(before[s]);
      else expect(o).not.toBe(ns[2]);
    });
  });

  it('gives a collector with no live node no owner, and splits different collectors differently', () => {
    expect(ownerOf('monitor.icmp', 0, [])).toBeNull();
    const ns = nodes(2);
    const a = Array.from({ length: SHARDS }, (_, s) => ownerOf('monitor.icmp', s, ns));
    const b = Array.from({ length: SHARDS }, (_, s) => ownerOf('monitor.snmp', s, ns));
    expect(a).not.toEqual(b);
  });
});
