// The parsers against realistic lines of each vendor (vendors/samples.ts), the header forms and times,
// character sets and TCP framing with its faults (issue 13 points 1–2). No database needed.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeLine } from './decode.ts';
import { Framer, MAX_FRAME, isNoise } from './framing.ts';
import { parseHeader } from './header.ts';
import { fingerprintOf, normalise, severityOfPriority } from './normalise.ts';
import { SAMPLES } from './vendors/samples.ts';

const RECEIVED = new Date('2026-12-06T06:05:12Z');

describe('vendor parsers', () => {
  it.each(SAMPLES)('$name', (s) => {
    const bytes = s.gbk ? iconv.encode(s.line, 'gbk') : Buffer.from(s.line);
    const e = normalise(bytes, '127.0.0.1', undefined, RECEIVED);
    expect(e).toMatchObject(s.expect);
    expect(e.raw).toBe(s.line);
    expect(e.receivedAt).toBe(RECEIVED);
  });

  it('a registered vendor wins over detection, and an unknown line is still an event', () => {
    const line = '<13>Dec  6 14:00:00 box something happened';
    expect(normalise(Buffer.from(line), '127.0.0.9', { vendor: 'h3c', charset: null }, RECEIVED)).toMatchObject({
      vendor: 'h3c',
      host: 'box',
      category: 'other',
      message: 'something happened',
    });
    expect(normalise(Buffer.from('no header at all'), '127.0.0.9', undefined, RECEIVED)).toMatchObject({
      vendor: 'generic',
      host: '127.0.0.9',
      severity: 'info',
    });
  });

  it('reads keys whatever their case, and a key named like an object member is only a field', () => {
    const line = '<13>Dec  6 14:00:00 box app: constructor=1 toString=2 __proto__=3 SRC=10.9.8.7 User=bob msg="a \\"b\\" c" level=warning.';
    expect(normalise(Buffer.from(line), '127.0.0.9', undefined, RECEIVED)).toMatchObject({
      vendor: 'generic',
      srcIp: '10.9.8.7',
      user: 'bob',
      message: 'a "b" c',
      severity: 'medium',
    });
  });
});

describe('headers and times', () => {
  it('maps syslog 0–7 onto critical/high/medium/low/info', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(severityOfPriority)).toEqual([
      'critical',
      'critical',
      'critical',
      'high',
      'medium',
      'low',
      'info',
      'info',
    ]);
  });
  it('reads RFC 3164 times as Asia/Shanghai in the year nearest the receive time', () => {
    expect(parseHeader('<13>Dec 31 23:59:00 h a: x', new Date('2027-01-01T00:00:30+08:00')).occurredAt).toEqual(
      new Date('2026-12-31T15:59:00Z'),
    );
    expect(parseHeader('<13>Jan  1 00:00:10 h a: x', new Date('2026-12-31T23:59:59+08:00')).occurredAt).toEqual(
      new Date('2026-12-31T16:00:10Z'),
    );
    expect(parseHeader('<13>Jun  1 08:00:00 h a: x', RECEIVED).occurredAt).toEqual(new Date('2026-06-01T00:00:00Z'));
  });
  it('keeps RFC 5424 offsets and reads the app and message', () => {
    const h = parseHeader('<165>1 2026-12-06T14:05:11.5+08:00 host app 12 ID47 [a b="\\]"] \uFEFFhello', RECEIVED);
    expect(h).toMatchObject({
      facility: 20,
      priority: 5,
      host: 'host',
      app: 'app',
      structured: '[a b="\\]"]',
      message: 'hello',
      occurredAt: new Date('2026-12-06T06:05:11.500Z'),
    });
    expect(parseHeader('<14>1 - - - - - - nil', RECEIVED)).toMatchObject({ host: null, occurredAt: null, message: 'nil' });
  });
  it('never throws on nonsense', () => {
    for (const s of ['', '<', '<999>x', '<13>Feb 30 25:61:00 h', '<13>1 ', '<13>1 a b c d e [unclosed', 'CEF:0|a|b'])
      expect(() => normalise(Buffer.from(s), '::1', undefined, RECEIVED)).not.toThrow();
  });
});

describe('character sets', () => {
  const text = '<188>Dec  6 2026 14:06:00 USG %%01SHELL/4/LOGINFAIL(l):用户登录失败';
  it('reads GBK bytes as Chinese for a source without a setting and for a GBK source', () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(decodeLine(gbk, null)).toBe(text);
    expect(decodeLine(gbk, 'gbk')).toBe(text);
    expect(decodeLine(iconv.encode(text, 'gb18030'), 'gb18030')).toBe(text);
  });
  it('keeps valid UTF-8 as UTF-8 and drops control characters', () => {
    expect(decodeLine(Buffer.from(text), null)).toBe(text);
    expect(decodeLine(Buffer.from('a\u0000b\u001bc'), null)).toBe('a b c');
  });
});

describe('TCP framing', () => {
  const octet = (s: string) => `${Buffer.byteLength(s)} ${s}`;
  it('reads octet-counted and LF frames, split anywhere', () => {
    const f = new Framer();
    const stream = Buffer.from(octet('<13>a b\nc') + octet('<13>二') + '<13>line one\n<13>line two\n');
    const frames = [];
    for (let i = 0; i < stream.length; i += 3) frames.push(...f.push(stream.subarray(i, i + 3)));
    expect(frames.map((x) => x.bytes.toString())).toEqual(['<13>a b\nc', '<13>二', '<13>line one', '<13>line two']);
  });
  it('cuts frames over 64 KiB and counts them, then goes on', () => {
    const f = new Framer();
    const long = 'x'.repeat(MAX_FRAME + 5000);
    const out = [...f.push(Buffer.from(`${octet(long)}${octet('<13>after')}`)), ...f.push(Buffer.from(`${long}\n<13>next\n`))];
    expect(out.map((x) => [x.bytes.length, x.truncated])).toEqual([
      [MAX_FRAME, true],
      [9, false],
      [MAX_FRAME, true],
      [8, false],
    ]);
    expect(f.counts.truncated).toBe(2);
  });
  it('counts a bad octet count and reads the frame as a line', () => {
    const f = new Framer();
    expect(f.push(Buffer.from('12x <13>oops\n<13>ok\n')).map((x) => x.bytes.toString())).toEqual(['12x <13>oops', '<13>ok']);
    expect(f.counts.badOctetCount).toBe(1);
  });
  it('gives a last line without LF when the sender closes', () => {
    const f = new Framer();
    expect(f.push(Buffer.from('<13>no newline'))).toEqual([]);
    expect(f.end().map((x) => x.bytes.toString())).toEqual(['<13>no newline']);
  });
  it('knows binary noise from text', () => {
    expect(isNoise(Buffer.from([0, 1, 2, 3, 200, 4, 5]))).toBe(true);
    expect(isNoise(Buffer.from('<13>正常的一行'))).toBe(false);
  });
});

it('identical events share a fingerprint; a different source address does not; the digest is unchanged', () => {
  const a = { host: 'h', vendor: 'v', category: 'c', srcIp: '10.0.0.1', dstIp: null, rule: null, message: 'm' };
  // sha256 of the JSON array, base64url, 22 characters: rows stored by an earlier version still merge.
  expect(fingerprintOf(a)).toBe(
    createHash('sha256')
      .update(JSON.stringify(['h', 'v', 'c', '10.0.0.1', null, null, 'm']))
      .digest('base64url')
      .slice(0, 22),
  );
  expect(fingerprintOf(a)).toBe(fingerprintOf({ ...a }));
  expect(fingerprintOf(a)).not.toBe(fingerprintOf({ ...a, srcIp: '10.0.0.2' }));
});
