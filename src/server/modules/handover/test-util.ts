// Helpers of the handover tests: a package unpacked by `unzip` (which checks every CRC), and CSVs read
// back by Python's csv module (quoted fields may hold commas, quotes and line breaks).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function unzipTo(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'yw-handover-'));
  writeFileSync(join(dir, 'package.zip'), bytes);
  execFileSync('unzip', ['-q', '-o', join(dir, 'package.zip'), '-d', join(dir, 'x')]);
  return join(dir, 'x');
}

const PY = `
import csv, json, sys
out = {}
for path in sys.argv[1:]:
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    out[path] = {'header': rows[0] if rows else [], 'rows': max(len(rows) - 1, 0)}
print(json.dumps(out))
`;

/** Each CSV's header and number of records as Python's csv module reads them (an independent reader). */
export function csvShapes(paths: string[]): Record<string, { header: string[]; rows: number }> {
  return JSON.parse(execFileSync('python3', ['-c', PY, ...paths], { maxBuffer: 64 << 20 }).toString('utf8')) as Record<
    string,
    { header: string[]; rows: number }
  >;
}
