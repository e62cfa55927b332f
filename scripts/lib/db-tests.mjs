// Which test files touch a database, so the PostgreSQL run repeats only those: a parser or a pure
// calendar test gives the same answer on either database, and running it twice costs CI minutes.
// A file counts when it names the PostgreSQL test variables, or when it or any file it imports from
// the repository (followed transitively) is the test harness or the database client.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const DB_FILES = ['src/server/test/harness.ts', 'src/server/kernel/db/client.ts'];
const DB_WORDS = /\b(TEST_DATABASE_URL|YUNWEI_TEST_DB)\b/;
const IMPORT = /(?:import|export)\s(?!type\s)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * The test files under `src/` and `scripts/` that need a database, relative to `root`.
 * @param {string} root
 * @returns {string[]}
 */
export function databaseTestFiles(root) {
  const dbFiles = new Set(DB_FILES.map((f) => resolve(root, f)));
  /** @type {Map<string, boolean>} */
  const memo = new Map();
  /** @param {string} file @returns {boolean} */
  const needsDb = (file) => {
    const known = memo.get(file);
    if (known !== undefined) return known;
    memo.set(file, false); // an import cycle answers from the rest of the graph
    let result = dbFiles.has(file);
    if (!result && existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        if (result) break;
        const target = resolve(dirname(file), m[1] ?? m[2]);
        result = [target, `${target}.ts`, `${target}.mjs`, join(target, 'index.ts')].some(
          (t) => existsSync(t) && statSync(t).isFile() && needsDb(t),
        );
      }
    }
    memo.set(file, result);
    return result;
  };
  return [...walk(join(root, 'src')), ...walk(join(root, 'scripts'))]
    .filter((f) => f.endsWith('.test.ts') && (DB_WORDS.test(readFileSync(f, 'utf8')) || needsDb(f)))
    .map((f) => relative(root, f))
    .sort();
}
