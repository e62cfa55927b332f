// A collector's disk spool (issue 13 point 1; ARCHITECTURE.md principle 5): rows are appended to segment
// files and fsync'd before the append resolves, several appends sharing one fsync (group commit). A
// record is `u32 length, u32 CRC-32, JSON` (little-endian); its position (segment, end offset) is its
// identity, which spool-writer.ts stores as the high-water mark in the same transaction as the rows.
// Each open starts a new segment and never appends to an old one, so a record torn by a kill -9 ends
// only its own segment. The highest segment ever made is never deleted while its process runs, so
// numbers only grow; segments are deleted once every record in them is committed. One process per
// directory (a `lock` file with its pid).
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/** A place in the spool: the segment and a byte offset in it (the end of a record). */
export interface Pos {
  seg: number;
  off: number;
}
export const cmpPos = (a: Pos, b: Pos): number => a.seg - b.seg || a.off - b.off;

const HEAD = 8;
const CHUNK = 1 << 20;
/** A length above this is damage, not a record. */
const MAX_RECORD = 256 << 20;
const SEG = /^(\d{16})\.seg$/;
const segName = (seg: number) => `${String(seg).padStart(16, '0')}.seg`;
const DATE = '$yw.date';

/** Rows are JSON values and Dates (kept as Dates). */
export function encodeRow(row: unknown): Buffer {
  return Buffer.from(
    JSON.stringify(row, function (this: Record<string, unknown>, k, v: unknown) {
      const raw = this[k];
      return raw instanceof Date ? { [DATE]: raw.getTime() } : v;
    }),
  );
}
export function decodeRow(payload: Buffer): unknown {
  return JSON.parse(payload.toString(), (_k, v: unknown) => {
    if (v && typeof v === 'object' && DATE in v) {
      const ms = (v as Record<string, number | null>)[DATE];
      return new Date(ms ?? Number.NaN);
    }
    return v;
  });
}

export interface SpoolRecord {
  payload: Buffer;
  end: Pos;
}

interface Waiter {
  resolve: (end: Pos) => void;
  reject: (e: unknown) => void;
}

export class Spool {
  readonly dir: string;
  /** Identity of this spool's records: a new spool (no segments) gets a new one. */
  id = '';
  /** Segment → bytes on disk (for the segment being written: bytes durably written). */
  private readonly segs = new Map<number, number>();
  private writeSeg = 0;
  private fh: FileHandle | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private reader: { seg: number; fh: FileHandle } | null = null;
  private readonly segmentBytes: number;
  /** Segments whose end was cut short by a torn or damaged record (counted once each). */
  torn = 0;
  private tornSeen = new Set<number>();

  private constructor(dir: string, segmentBytes: number) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
  }

  static async open(dir: string, segmentBytes: number): Promise<Spool> {
    const s = new Spool(dir, segmentBytes);
    await mkdir(dir, { recursive: true });
    await lock(dir);
    for (const name of await readdir(dir)) {
      const m = SEG.exec(name);
      if (m) s.segs.set(Number(m[1]), (await stat(join(dir, name))).size);
    }
    const idFile = join(dir, 'id');
    const old = s.segs.size ? await readFile(idFile, 'utf8').catch(() => '') : '';
    s.id = /^[\w-]{8,64}$/.test(old.trim()) ? old.trim() : randomUUID();
    if (s.id !== old.trim()) {
      await writeFile(`${idFile}.tmp`, s.id + '\n');
      await rename(`${idFile}.tmp`, idFile);
    }
    await s.startSegment(Math.max(0, ...s.segs.keys()) + 1);
    return s;
  }

  /** Bytes on disk in segments not yet deleted, and appends not yet written. */
  get bytes(): number {
    let n = this.pendingBytes;
    for (const size of this.segs.values()) n += size;
    return n;
  }
  /** The segment this process writes; the ones below it were written before it started. */
  get current(): number {
    return this.writeSeg;
  }

  /** Appends the records; resolves with the end of the last one once it is on disk (fsync). */
  append(payloads: Buffer[]): Promise<Pos> {
    return new Promise((resolve, reject) => {
      for (const p of payloads) {
        const head = Buffer.alloc(HEAD);
        head.writeUInt32LE(p.length, 0);
        head.writeUInt32LE(crc32(p), 4);
        this.pending.push(head, p);
        this.pendingBytes += HEAD + p.length;
      }
      this.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing || !this.waiters.length) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
    const data = Buffer.concat(this.pending);
    const waiters = this.waiters;
    this.pending = [];
    this.pendingBytes = 0;
    this.waiters = [];
    try {
      if (this.segs.get(this.writeSeg)! >= this.segmentBytes) await this.startSegment(this.writeSeg + 1);
      const at = this.segs.get(this.writeSeg)!;
      let done = 0;
      while (done < data.length) done += (await this.fh!.write(data, done, data.length - done, at + done)).bytesWritten;
      await this.fh!.datasync();
      this.segs.set(this.writeSeg, at + data.length);
      const end = { seg: this.writeSeg, off: at + data.length };
      for (const w of waiters) w.resolve(end);
    } catch (e) {
      // Positional writes: the next flush writes over whatever part of this one reached the file.
      for (const w of waiters) w.reject(e);
    }
  }

  private async startSegment(seg: number): Promise<void> {
    const fh = await open(join(this.dir, segName(seg)), 'w');
    await this.fh?.close();
    this.fh = fh;
    this.writeSeg = seg;
    this.segs.set(seg, 0);
    // The new file's directory entry is durable too (a power cut, not only a kill).
    const d = await open(this.dir, 'r');
    await d.sync().finally(() => d.close());
  }

  /**
   * Up to `max` records after `from`, and where the next read starts. Reads only what is on disk; a
   * torn or damaged record in an old segment ends that segment (counted in `torn`).
   */
  async read(from: Pos, max: number): Promise<{ records: SpoolRecord[]; next: Pos; atEnd: boolean }> {
    const out: SpoolRecord[] = [];
    let pos = from;
    while (out.length < max) {
      const seg = [...this.segs.keys()].filter((s) => s >= pos.seg).sort((a, b) => a - b)[0];
      if (seg === undefined) return { records: out, next: pos, atEnd: true };
      if (seg !== pos.seg) pos = { seg, off: 0 };
      const limit = this.segs.get(seg)!;
      if (pos.off >= limit) {
        if (seg === this.writeSeg) return { records: out, next: pos, atEnd: true };
        pos = { seg: seg + 1, off: 0 };
        continue;
      }
      const fh = await this.readHandle(seg);
      let buf = await readAt(fh, pos.off, Math.min(limit - pos.off, CHUNK));
      let i = 0;
      while (out.length < max && i + HEAD <= buf.length) {
        const len = buf.readUInt32LE(i);
        const fits = len <= MAX_RECORD && pos.off + i + HEAD + len <= limit;
        if (fits && i + HEAD + len > buf.length) {
          if (i > 0) break;
          buf = await readAt(fh, pos.off, HEAD + len);
        }
        const payload = fits ? buf.subarray(i + HEAD, i + HEAD + len) : null;
        if (!payload || crc32(payload) !== buf.readUInt32LE(i + 4)) {
          if (seg === this.writeSeg) throw new Error(`spool segment ${seg} damaged at ${pos.off + i}`);
          this.markTorn(seg);
          i = limit - pos.off;
          break;
        }
        i += HEAD + len;
        out.push({ payload: Buffer.from(payload), end: { seg, off: pos.off + i } });
      }
      // No progress with bytes left: fewer than a header's worth at the end of the segment (torn), or
      // a file shorter than it was.
      if (i === 0 && out.length < max) {
        if (seg === this.writeSeg) throw new Error(`spool segment ${seg} unreadable at ${pos.off}`);
        this.markTorn(seg);
        i = limit - pos.off;
      }
      pos = { seg, off: pos.off + i };
    }
    return { records: out, next: pos, atEnd: false };
  }

  private markTorn(seg: number): void {
    if (this.tornSeen.has(seg)) return;
    this.tornSeen.add(seg);
    this.torn++;
  }

  private async readHandle(seg: number): Promise<FileHandle> {
    if (this.reader?.seg === seg) return this.reader.fh;
    await this.reader?.fh.close();
    this.reader = { seg, fh: await open(join(this.dir, segName(seg)), 'r') };
    return this.reader.fh;
  }

  /** Deletes the segments every record of which is committed (up to `committed`), never the one written. */
  async release(committed: Pos): Promise<void> {
    for (const [seg, size] of [...this.segs]) {
      if (seg === this.writeSeg) continue;
      if (!(seg < committed.seg || (seg === committed.seg && committed.off >= size))) continue;
      if (this.reader?.seg === seg) {
        await this.reader.fh.close();
        this.reader = null;
      }
      await rm(join(this.dir, segName(seg)), { force: true });
      this.segs.delete(seg);
    }
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.reader?.fh.close();
    this.reader = null;
    await this.fh?.close();
    this.fh = null;
    await rm(join(this.dir, 'lock'), { force: true });
    IN_USE.delete(this.dir);
  }
}

/** Spool directories this process has open. */
const IN_USE = new Set<string>();

/**
 * One process per spool directory (two nodes given one data directory would write each other's
 * records twice): the `lock` file names the process holding it; a dead one's lock is taken over.
 */
async function lock(dir: string): Promise<void> {
  const file = join(dir, 'lock');
  const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  if (IN_USE.has(dir) || (pid > 0 && pid !== process.pid && alive(pid)))
    throw new Error(
      `spool ${dir} is in use by process ${IN_USE.has(dir) ? process.pid : pid} (remove its lock file if that process is not Yunwei)`,
    );
  IN_USE.add(dir);
  await writeFile(file, `${process.pid}\n`);
}

async function readAt(fh: FileHandle, at: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, at + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}
