// A .zip written as a stream (PKWARE APPNOTE 4.3): each entry deflated as its pieces arrive, its CRC
// and sizes in a data descriptor after it, the central directory at the end. Memory holds one piece
// and the directory (a few dozen bytes per entry), never an entry whole. Names are UTF-8 (flag 11).
// Without ZIP64: a package past 4 GiB or 65,535 entries is refused with a clear error.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: UTF-8 names
const LIMIT = 0xffffffff;

interface Entry {
  name: Buffer;
  crc: number;
  csize: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** DOS date and time of an instant in China time (the zip format has no time zone). */
function dosTime(at: Date): { time: number; date: number } {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export type Put = (piece: Buffer | string) => Promise<void>;

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly out: Writable;
  private readonly at: { time: number; date: number };

  constructor(out: Writable, at: Date) {
    this.out = out;
    this.at = dosTime(at);
  }

  /** Bytes written so far. */
  get written(): number {
    return this.offset;
  }

  private async write(b: Buffer): Promise<void> {
    this.offset += b.length;
    if (this.offset > LIMIT) throw new Error('导出包超过 4 GiB（未启用 ZIP64），请联系开发方');
    if (!this.out.write(b)) await once(this.out, 'drain');
  }

  /** Adds one entry whose content `fill` hands over piece by piece through `put`. */
  async add(name: string, fill: (put: Put) => Promise<void>): Promise<void> {
    if (this.entries.length >= 0xffff) throw new Error('导出包超过 65535 个文件（未启用 ZIP64），请联系开发方');
    const e: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, csize: 0, size: 0, offset: this.offset, ...this.at };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(FLAGS, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(e.time, 10);
    head.writeUInt16LE(e.date, 12);
    head.writeUInt16LE(e.name.length, 26);
    await this.write(Buffer.concat([head, e.name]));
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
      if (e.size > LIMIT) throw new Error(`文件 ${name} 超过 4 GiB（未启用 ZIP64）`);
      if (!deflate.write(b)) await once(deflate, 'drain');
    };
    try {
      await fill(put);
    } finally {
      deflate.end();
      await pumped;
    }
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(e.crc >>> 0, 4);
    desc.writeUInt32LE(e.csize, 8);
    desc.writeUInt32LE(e.size, 12);
    await this.write(desc);
    this.entries.push(e);
  }

  /** Writes the central directory; the caller then ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0 (unzip then reads the UTF-8 names)
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(FLAGS, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(e.time, 12);
      c.writeUInt16LE(e.date, 14);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.csize, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
      c.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([c, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}
