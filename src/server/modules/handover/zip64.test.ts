// ZIP64 in the package writer, checked by the tools people open packages with: Info-ZIP's `unzip -t`
// (every CRC and size), `zipinfo` (what the directory says) and Python's zipfile. A package of 70,000
// entries — past the classic format's 65,535 — is written the ZIP64 way at its end and read whole;
// a small package forced to ZIP64 from every local header on opens the same; a small package left
// alone stays classic (no zip64 record, so the oldest readers still open it).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipWriter, type ZipOptions } from './zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'yw-zip64-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(name: string, entries: [string, string][], opts?: ZipOptions): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const zip = new ZipWriter(out, new Date('2026-01-05T10:00:00+08:00'), opts);
  for (const [n, text] of entries) await zip.add(n, (put) => put(text));
  await zip.finish();
  out.end();
  await finished(out);
  return path;
}

const PY = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    names = z.namelist()
    last = z.read(names[-1]).decode('utf-8')
    print(len(names), bad, last, sep='\\t')
`;
/** Python's zipfile: how many entries, the first bad one (None), the last entry's text. */
const python = (path: string) =>
  execFileSync('python3', ['-c', PY, path], { maxBuffer: 1 << 24 })
    .toString('utf8')
    .trim()
    .split('\t');
const unzipTest = (path: string) => execFileSync('unzip', ['-t', path], { maxBuffer: 1 << 28 }).toString('utf8');
const pyTest = (path: string) => execFileSync('python3', ['-m', 'zipfile', '-t', path]).toString('utf8');
/** Whether the package ends with a zip64 end of central directory record (its signature in the tail). */
const tail = (path: string) => readFileSync(path).subarray(-200);
const hasZip64End = (path: string) => tail(path).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]));

describe('ZIP64', () => {
  it('writes 70,000 entries that unzip, zipinfo and Python read whole', async () => {
    const N = 70_000;
    const entries: [string, string][] = Array.from({ length: N }, (_, i) => [`t/${String(i).padStart(5, '0')}.txt`, `行 ${i}\n`]);
    const path = await write('many.zip', entries);
    expect(hasZip64End(path)).toBe(true);
    const t = unzipTest(path);
    expect(t).toContain('No errors detected');
    expect(t.match(/ OK$/gm)).toHaveLength(N);
    expect(execFileSync('zipinfo', ['-t', path]).toString('utf8')).toMatch(/^70000 files, /);
    expect(python(path)).toEqual(['70000', 'None', `行 ${N - 1}`]);
  }, 300_000);

  it('forces ZIP64 on a small package, which still opens with unzip -t and python3 -m zipfile -t', async () => {
    const path = await write(
      'forced.zip',
      [
        ['数据/a.csv', 'id,name\r\n1,甲\r\n'],
        ['b.jsonl', '{"id":1}\n'.repeat(1000)],
      ],
      { zip64: true },
    );
    expect(hasZip64End(path)).toBe(true);
    // Every local header carries the zip64 extra field (id 0x0001, 16 bytes of zero sizes).
    const bytes = readFileSync(path);
    expect(bytes.readUInt16LE(4)).toBe(45);
    expect(bytes.readUInt32LE(18)).toBe(0xffffffff);
    expect(bytes.readUInt16LE(28)).toBe(20);
    expect(unzipTest(path)).toMatch(/testing: 数据\/a\.csv +OK[\s\S]*No errors detected/);
    pyTest(path); // exits non-zero on any bad entry
    expect(execFileSync('zipinfo', ['-v', path]).toString('utf8')).toMatch(/minimum software version required to extract:\s+4\.5/);
    expect(python(path)).toEqual(['2', 'None', '{"id":1}\n'.repeat(1000).trim()]);
    execFileSync('unzip', ['-q', '-o', path, '-d', join(dir, 'forced')]);
    expect(readFileSync(join(dir, 'forced', '数据', 'a.csv'), 'utf8')).toBe('id,name\r\n1,甲\r\n');
  }, 60_000);

  it('leaves a small package classic', async () => {
    const path = await write('small.zip', [['a.txt', 'a\n']]);
    expect(hasZip64End(path)).toBe(false);
    expect(readFileSync(path).readUInt16LE(4)).toBe(20);
    expect(unzipTest(path)).toContain('No errors detected');
    expect(python(path)).toEqual(['1', 'None', 'a']);
  });
});
