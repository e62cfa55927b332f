// `npm test` (lint group): the shape rules of the source tree (issue 10).
//   - no source file over 400 lines, except generated ones (migrations, the calendar's data files);
//   - no block of 10 or more lines copied between or within files (jscpd, .jscpd.json).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 400;
const SOURCE = /\.(ts|tsx|mjs|js)$/;
const GENERATED = [/^migrations\//, /\/migrations\//, /^src\/server\/kernel\/calendar\/data\//, /\.d\.ts$/];

const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'bench', 'e2e', 'scripts'], {
  encoding: 'utf8',
})
  .stdout.split('\n')
  .filter((f) => SOURCE.test(f) && !GENERATED.some((g) => g.test(f)));
const long = files
  .map((f) => ({ f, n: readFileSync(f, 'utf8').split('\n').length - 1 }))
  .filter((x) => x.n > MAX_LINES)
  .sort((a, b) => b.n - a.n);
for (const x of long) console.error(`${x.f}: ${x.n} lines (at most ${MAX_LINES}; split it by concern)`);

const cpd = spawnSync('jscpd', ['--config', '.jscpd.json'], { encoding: 'utf8', shell: false });
if (cpd.error) {
  console.error(`jscpd did not run (${cpd.error.message}): run npm ci first`);
  process.exit(1);
}
// eslint-disable-next-line no-control-regex -- jscpd colours its report
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
if (cpd.status !== 0)
  console.error(
    plain(cpd.stdout)
      .split('\n')
      .filter((l) => /Clone found|^\s+(- )?\S+\.\w+ \[|Found \d+ clones/.test(l))
      .join('\n') || cpd.stderr,
  );

console.log(
  `${files.length} source files: ${long.length} over ${MAX_LINES} lines; copied blocks: ${cpd.status === 0 ? 'none' : 'see above'}`,
);
process.exit(long.length || cpd.status !== 0 ? 1 : 0);
