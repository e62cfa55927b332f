// A .zip written as a stream (PKWARE APPNOTE 6.3.10): each entry deflated as its pieces arrive, its CRC
// and sizes in a data descriptor after it, the central directory at the end. Memory holds one piece
// and the directory (a few dozen bytes per entry), never an entry whole. Names are UTF-8 (flag 11).
//
// ZIP64 (APPNOTE 4.3.9, 4.3.14–4.3.16, 4.5.3) where the package needs it: an entry past 4 GiB gets a
// data descriptor with 8-byte sizes; an entry whose size or offset does not fit 32 bits gets the zip64
// extra field in the central directory; past 65,535 entries or a directory beyond 4 GiB, the zip64 end
// of central directory record and its locator precede the classic end record (whose fields then say
// 0xFFFF / 0xFFFFFFFF). As Go's archive/zip does for streamed entries, a small package stays classic.
// `zip64: true` writes every entry the ZIP64 way from its local header on (the zip64 extra field with
// zero sizes, read by streaming readers before the 8-byte descriptor) — for tests and for callers
// that know the package will be large.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: UTF-8 names
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const V20 = 20; // version needed: deflate
const V45 = 45; // version needed: ZIP64

interface Entry {
  name: Buffer;
  crc: number;
  csize: number;
  size: number;
  offset: number;
  time: number;
  date: number;
  /** Written the ZIP64 way from its local header (forced). */
  zip64: boolean;
}

/** DOS date and time of an instant in China time (the zip format has no time zone). */
function dosTime(at: Date): { time: number; date: number } {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** A zip64 extended information extra field (header id 1) holding the given 8-byte values. */
function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

export type Put = (piece: Buffer | string) => Promise<void>;

export interface ZipOptions {
  /** Every entry and the end record the ZIP64 way, whatever the sizes (default: only where needed). */
  zip64?: boolean;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly out: Writable;
  private readonly at: { time: number; date: number };
  private readonly force: boolean;

  constructor(out: Writable, at: Date, opts: ZipOptions = {}) {
    this.out = out;
    this.at = dosTime(at);
    this.force = opts.zip64 ?? false;
  }

  /** Bytes written so far. */
  get written(): number {
    return this.offset;
  }

  /** Entries added so far. */
  get count(): number {
    return this.entries.length;
  }

  private async write(b: Buffer): Promise<void> {
    this.offset += b.length;
    if (!this.out.write(b)) await once(this.out, 'drain');
  }

  /** Adds one entry whose content `fill` hands over piece by piece through `put`. */
  async add(name: string, fill: (put: Put) => Promise<void>): Promise<void> {
    const e: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, csize: 0, size: 0, offset: this.offset, zip64: this.force, ...this.at };
    const extra = e.zip64 ? zip64Extra([0, 0]) : Buffer.alloc(0);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(e.zip64 ? V45 : V20, 4);
    head.writeUInt16LE(FLAGS, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(e.time, 10);
    head.writeUInt16LE(e.date, 12);
    if (e.zip64) {
      head.writeUInt32LE(MAX32, 18);
      head.writeUInt32LE(MAX32, 22);
    }
    head.writeUInt16LE(e.name.length, 26);
    head.writeUInt16LE(extra.length, 28);
    await this.write(Buffer.concat([head, e.name, extra]));
    const deflate = createDeflateRaw();
    const pumped = (async () => {
      for await (const c of deflate as AsyncIterable<Buffer>) {
        e.csize += c.length;
        await this.write(c);
      }
    })();
    const put: Put = async (piece) => {
      const b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      if (!b.length) return;
      e.crc = crc32(b, e.crc);
      e.size += b.length;
      if (!deflate.write(b)) await once(deflate, 'drain');
    };
    try {
      await fill(put);
    } finally {
      deflate.end();
      await pumped;
    }
    const wide = e.zip64 || e.size >= MAX32 || e.csize >= MAX32;
    const desc = Buffer.alloc(wide ? 24 : 16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(e.crc >>> 0, 4);
    if (wide) {
      desc.writeBigUInt64LE(BigInt(e.csize), 8);
      desc.writeBigUInt64LE(BigInt(e.size), 16);
    } else {
      desc.writeUInt32LE(e.csize, 8);
      desc.writeUInt32LE(e.size, 12);
    }
    await this.write(desc);
    this.entries.push(e);
  }

  /** One central directory record: the zip64 extra holds the fields that do not fit (all, if forced). */
  private central(e: Entry): Buffer {
    const big = (v: number) => e.zip64 || v >= MAX32;
    const wide = [e.size, e.csize, e.offset].filter(big);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    const version = wide.length ? V45 : V20;
    c.writeUInt16LE(0x0300 | version, 4); // made by: Unix (unzip then reads the UTF-8 names and modes)
    c.writeUInt16LE(version, 6);
    c.writeUInt16LE(FLAGS, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(e.time, 12);
    c.writeUInt16LE(e.date, 14);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(big(e.csize) ? MAX32 : e.csize, 20);
    c.writeUInt32LE(big(e.size) ? MAX32 : e.size, 24);
    c.writeUInt16LE(e.name.length, 28);
    const extra = wide.length ? zip64Extra(wide) : Buffer.alloc(0);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    c.writeUInt32LE(big(e.offset) ? MAX32 : e.offset, 42);
    return Buffer.concat([c, e.name, extra]);
  }

  /** Writes the central directory and the end records; the caller then ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    // Records gathered into pieces of at most 64 KiB: 100,000 entries are not 100,000 writes.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for (const e of this.entries) {
      const c = this.central(e);
      if (pendingBytes + c.length > 64 * 1024) {
        await this.write(Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
      }
      pending.push(c);
      pendingBytes += c.length;
    }
    if (pending.length) await this.write(Buffer.concat(pending));
    const n = this.entries.length;
    const size = this.offset - start;
    const zip64 = this.force || n >= MAX16 || size >= MAX32 || start >= MAX32;
    if (zip64) {
      const at = this.offset;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      rec.writeBigUInt64LE(44n, 4); // size of the rest of the record
      rec.writeUInt16LE(0x0300 | V45, 12);
      rec.writeUInt16LE(V45, 14);
      rec.writeBigUInt64LE(BigInt(n), 24);
      rec.writeBigUInt64LE(BigInt(n), 32);
      rec.writeBigUInt64LE(BigInt(size), 40);
      rec.writeBigUInt64LE(BigInt(start), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeBigUInt64LE(BigInt(at), 8);
      loc.writeUInt32LE(1, 16); // one disk
      await this.write(Buffer.concat([rec, loc]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? MAX16 : n, 8);
    end.writeUInt16LE(zip64 ? MAX16 : n, 10);
    end.writeUInt32LE(zip64 ? MAX32 : size, 12);
    end.writeUInt32LE(zip64 ? MAX32 : start, 16);
    await this.write(end);
  }
}
