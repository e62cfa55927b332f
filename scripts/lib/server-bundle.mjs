// The server's sources and the npm packages they use bundled into one ESM file (dist/server/main.mjs)
// at install, so that a start loads one file instead of ~550 TypeScript files through Node's type
// stripping and ~970 package files through module resolution (docs/decisions/0012-server-bundle.md,
// 0014-restart-and-idle-memory.md); the `yunwei` command likewise (dist/cli/main.mjs). The packages
// listed in BUNDLE_EXTERNAL stay in node_modules, and every
// `import.meta.url` of a source keeps pointing at its source file, so folders found next to a source (migrations,
// calendar data, the web bundle, package.json) resolve as they do when the sources run. `npm run dev`
// and the tests run the sources; `npm start` runs the bundle when it is newer than them.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export const SERVER_SOURCE = 'src/server/main.ts';
export const SERVER_BUNDLE = 'dist/server/main.mjs';
export const CLI_SOURCE = 'src/cli/main.ts';
export const CLI_BUNDLE = 'dist/cli/main.mjs';
/**
 * Packages left in node_modules, loaded from there at run time: those that find files next to
 * themselves (PGlite's .wasm and .data through import.meta.url, swagger-ui's static pages, net-snmp's
 * MIB folder), native addons and their optional native parts (argon2; ssh2 → cpu-features and its
 * crypto binding; pg → pg-native), and the large ones imported only at first use (PDF printing through
 * playwright-core, Excel, Word, charts, e-mail), which would otherwise be parsed at every start.
 */
export const BUNDLE_EXTERNAL = [
  '@electric-sql/*',
  '@node-rs/*',
  '@fastify/swagger-ui',
  'net-snmp',
  'ssh2',
  'cpu-features',
  'pg-native',
  'playwright-core',
  'exceljs',
  'docx',
  'echarts',
  'nodemailer',
];
/** What the bundles are made of: a change in any of them makes them stale. */
const INPUTS = ['src/server', 'src/common', 'src/cli', 'package.json', 'package-lock.json'];

/** Newest modification time of a file or of any file below a directory (0 when absent). */
function newest(/** @type {string} */ path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs; // a deleted file changes its folder's time
  for (const e of readdirSync(path, { withFileTypes: true })) t = Math.max(t, newest(join(path, e.name)));
  return t;
}

/**
 * True when the bundle exists and no source is newer.
 * @param {string} root
 */
export function serverBundleFresh(root, bundle = SERVER_BUNDLE) {
  const out = join(root, bundle);
  if (!existsSync(out)) return false;
  return statSync(out).mtimeMs >= Math.max(...INPUTS.map((p) => newest(join(root, p))));
}

/**
 * The bundle's text with every non-ASCII character of the Basic Multilingual Plane written as a \\uXXXX
 * escape. One such character anywhere (a Chinese comment or message, a dash in a package's comment)
 * makes V8 hold the whole ~8 MB source as a two-byte string for the life of the process; ASCII
 * text is held at one byte a character (about 10 MB less resident memory, measured 2026-12-07).
 * esbuild already escapes string literals; what is left sits in comments, regular expression
 * literals and template literals, where the escape means the same character, except in a tagged
 * template's raw text (the `sql` tag reads the cooked text; a line that mentions `.raw` is left as
 * it is). A character after an odd run of backslashes (an identity escape) loses one of them. Lines keep their numbers, so the source map's line mapping holds.
 * @param {string} text
 */
export function asciiSource(text) {
  return text
    .split('\n')
    .map((line) =>
      /[\u0080-\uffff]/.test(line) && !line.includes('.raw')
        ? // A character escaped by an odd run of backslashes (`\，` in a regular expression) loses one of them.
          line.replace(
            /(\\*)([\u0080-\ud7ff\ue000-\uffff])/g,
            (_, bs, c) => `${bs.slice(bs.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          )
        : line,
    )
    .join('\n');
}

/**
 * Bundles the server and the CLI with esbuild (a development dependency: an install without it runs the sources).
 * Returns true when the bundle was written.
 * @param {string} root
 */
export async function bundleServer(root) {
  /** @type {typeof import('esbuild')} */
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.warn('提示 note: esbuild is not installed; the server runs from its sources (a slower start).');
    return false;
  }
  // Both bundles sit two folders below the root, so a source's path relative to either is the same.
  const outDir = dirname(join(root, SERVER_BUNDLE));
  try {
    const result = await esbuild.build({
      entryPoints: { 'server/main': join(root, SERVER_SOURCE), 'cli/main': join(root, CLI_SOURCE) },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      // The npm packages are bundled too (resolving and loading ~900 files from node_modules was a third of a
      // restart's CPU), except those that must stay files of their own: see BUNDLE_EXTERNAL.
      external: BUNDLE_EXTERNAL,
      // Bundled CommonJS packages call require() for Node's built-ins, which an ES module lacks.
      banner: {
        js: "import { createRequire as __ywCreateRequire } from 'node:module';\nconst require = __ywCreateRequire(import.meta.url);",
      },
      outdir: join(root, 'dist'),
      outExtension: { '.js': '.mjs' },
      // Not loaded by default (a start with --enable-source-maps maps stack traces to the sources).
      sourcemap: 'linked',
      logLevel: 'error',
      write: false,
      plugins: [
        {
          name: 'source-relative-import-meta-url',
          setup(b) {
            b.onLoad({ filter: /\.ts$/ }, async (args) => {
              if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
              let contents = await readFile(args.path, 'utf8');
              if (contents.includes('import.meta.url')) {
                // Relative to the bundle, so that a moved or copied checkout still finds its folders.
                const rel = relative(outDir, args.path).split(sep).join('/');
                contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
              }
              return { contents, loader: 'ts' };
            });
          },
        },
      ],
    });
    for (const f of result.outputFiles) {
      mkdirSync(dirname(f.path), { recursive: true });
      // Written aside then renamed, so that a command starting meanwhile reads the old file or the new one.
      const tmp = `${f.path}.${process.pid}.tmp`;
      writeFileSync(tmp, f.path.endsWith('.mjs') ? asciiSource(f.text) : f.contents);
      renameSync(tmp, f.path);
    }
    return true;
  } catch (e) {
    console.warn(
      `警告 warning: the server bundle did not build (${e instanceof Error ? e.message : String(e)}); the server runs from its sources.`,
    );
    return false;
  }
}

/**
 * The file the `yunwei` command runs: its bundle when no source is newer, else the sources (it does
 * not build: commands may run side by side, and a stale bundle costs only a slower start).
 * @param {string} root
 */
export function cliEntry(root) {
  if (process.env.YUNWEI_SERVER_BUNDLE !== '0' && serverBundleFresh(root, CLI_BUNDLE)) return join(root, CLI_BUNDLE);
  return join(root, CLI_SOURCE);
}

/**
 * The file `npm start` runs: the bundle, (re)built when missing or older than the sources; the sources
 * when it cannot be built or YUNWEI_SERVER_BUNDLE=0.
 * @param {string} root
 */
export async function serverEntry(root) {
  if (process.env.YUNWEI_SERVER_BUNDLE === '0') return join(root, SERVER_SOURCE);
  if (serverBundleFresh(root) || (await bundleServer(root))) return join(root, SERVER_BUNDLE);
  return join(root, SERVER_SOURCE);
}
