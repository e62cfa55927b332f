// TCP syslog framing (RFC 6587), decided per frame as rsyslog does: a frame that starts with a digit
// is octet-counted (`LEN SP MSG`), anything else runs to the next LF. Frames longer than MAX_FRAME are
// cut (the rest skipped) and counted; an octet count that is not one (`12x`, absurdly large) is counted
// and the frame read as a line instead. Over TLS (RFC 5425, `strict`) the first frame decides for the
// connection, and on an octet-counted one a bad count stops the framer (the caller closes). Nothing
// here can throw on what a sender sends.

/** 64 KiB: rsyslog's largest default message is 8 KiB; devices' longest lines are a few KiB. */
export const MAX_FRAME = 64 * 1024;

export interface Frame {
  bytes: Buffer;
  truncated: boolean;
}

export interface FrameCounts {
  truncated: number;
  badOctetCount: number;
}

export class Framer {
  /**
   * RFC 5425 (TLS): the first frame decides the connection's framing; on an octet-counted connection a
   * frame without a valid count cannot be framed past, so the framer stops (`broken`) instead of
   * guessing at lines. Plain TCP (not strict) decides per frame, as rsyslog does.
   */
  private readonly strict: boolean;
  private mode: 'octets' | 'lines' | null = null;
  /** Strict only: a bad octet count was met; the caller closes the connection. */
  broken = false;
  private buf: Buffer = Buffer.alloc(0);
  /** Bytes of an over-long frame still to skip (octet-counted), or -1 to skip to the next LF. */
  private skip = 0;
  readonly counts: FrameCounts = { truncated: 0, badOctetCount: 0 };

  constructor(o: { strict?: boolean } = {}) {
    this.strict = o.strict ?? false;
  }

  /** Complete frames in the bytes so far. */
  push(chunk: Buffer): Frame[] {
    if (this.broken) return [];
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Frame[] = [];
    for (;;) {
      if (this.broken) return out;
      if (this.skip === -1) {
        const lf = this.buf.indexOf(10);
        if (lf < 0) {
          this.buf = Buffer.alloc(0);
          return out;
        }
        this.buf = this.buf.subarray(lf + 1);
        this.skip = 0;
      } else if (this.skip > 0) {
        const n = Math.min(this.skip, this.buf.length);
        this.buf = this.buf.subarray(n);
        this.skip -= n;
        if (this.skip > 0) return out;
      }
      while (this.buf.length && (this.buf[0] === 10 || this.buf[0] === 13 || this.buf[0] === 0)) this.buf = this.buf.subarray(1);
      if (!this.buf.length) return out;
      const digit = this.buf[0]! >= 0x30 && this.buf[0]! <= 0x39;
      if (this.strict) this.mode ??= digit ? 'octets' : 'lines';
      if (this.mode === 'octets' && !digit) {
        this.stop();
        return out;
      }
      const f = digit && this.mode !== 'lines' ? this.octets() : this.line();
      if (f === null) return out;
      if (f !== 'again') out.push(f);
    }
  }

  /** What is left when the sender closes: a last line without its LF. */
  end(): Frame[] {
    const rest = this.buf;
    this.buf = Buffer.alloc(0);
    if (this.skip !== 0 || !rest.length || this.broken) return [];
    // An octet-counted frame the sender did not finish: what came is kept, marked and counted as cut.
    const count = /^\d{1,10} /.exec(rest.subarray(0, 11).toString('latin1'));
    if (!count) return [{ bytes: rest, truncated: false }];
    this.counts.truncated++;
    return [{ bytes: Buffer.from(rest.subarray(count[0].length)), truncated: true }];
  }

  private octets(): Frame | null | 'again' {
    const sp = this.buf.indexOf(32);
    const head = this.buf.subarray(0, sp < 0 ? Math.min(this.buf.length, 11) : sp).toString('latin1');
    if (sp < 0 && this.buf.length < 11 && /^\d+$/.test(head)) return null; // the count is still arriving
    if (!/^\d{1,10}$/.test(head) || sp < 0 || sp > 10) {
      if (this.mode === 'octets') return this.stop();
      this.counts.badOctetCount++;
      return this.line();
    }
    const len = Number(head);
    const body = this.buf.subarray(sp + 1);
    if (len > MAX_FRAME) {
      if (body.length < MAX_FRAME) return null;
      this.counts.truncated++;
      this.skip = len - MAX_FRAME;
      this.buf = body.subarray(MAX_FRAME);
      return { bytes: Buffer.from(body.subarray(0, MAX_FRAME)), truncated: true };
    }
    if (body.length < len) return null;
    this.buf = body.subarray(len);
    return { bytes: Buffer.from(body.subarray(0, len)), truncated: false };
  }

  /** Strict, octet-counted: a frame that is not `LEN SP MSG`; nothing after it can be framed. */
  private stop(): null {
    this.counts.badOctetCount++;
    this.broken = true;
    this.buf = Buffer.alloc(0);
    return null;
  }

  private line(): Frame | null {
    const lf = this.buf.indexOf(10);
    if (lf < 0 || lf > MAX_FRAME) {
      if (this.buf.length <= MAX_FRAME) return null;
      this.counts.truncated++;
      const bytes = Buffer.from(this.buf.subarray(0, MAX_FRAME));
      this.buf = this.buf.subarray(MAX_FRAME);
      this.skip = -1;
      return { bytes, truncated: true };
    }
    const bytes = Buffer.from(this.buf.subarray(0, lf));
    this.buf = this.buf.subarray(lf + 1);
    return { bytes, truncated: false };
  }
}

/** Mostly control bytes: binary noise (a port scan, a wrong protocol), counted and not stored. */
export function isNoise(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  let bad = 0;
  for (const b of bytes) if (b < 9 || (b > 13 && b < 32) || b === 127) bad++;
  return bad * 10 > bytes.length;
}
