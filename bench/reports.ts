// The monthly summary at scale (issue 15, Speed: "monthly summary for a year of demo data at the scale of
// the benches (1M tickets …) generated in < 30 s as Word and PDF"). Through real HTTP against the real
// app, signed in as the project manager:
//   - baseline: a fresh database with the demo (bootstrap demo on), the last ended month's report
//     generated (POST /api/reports), then downloaded as Word and as PDF;
//   - at scale: a fresh database with 1,000,000 tickets over two years and their SLA clocks
//     (lib/desk-seed.ts, as the desk bench seeds them), the same month generated and downloaded.
// Each step timed alone; the total of generate + Word and generate + PDF compared with the 30 s target.
// Not part of `npm run bench` (it takes minutes): `node bench/reports.ts`, writes its section of
// docs/performance.md. PostgreSQL on BENCH_DATABASE_URL or TEST_DATABASE_URL (required).
//     With them, BENCH_REPORT_INTERFACES interfaces (5,000, the issue's size) with the month's hourly rollups
//     and their devices' probes (lib/interfaces-seed.ts), which the network analysis reads.
// Knobs: BENCH_REPORT_TICKETS (1000000), BENCH_REPORT_OPEN (100000), BENCH_REPORT_INTERFACES (5000).
import { randomBytes } from 'node:crypto';
import * as prettier from 'prettier';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCalendarDays, dateOf } from '../src/common/dates.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { createUser } from '../src/server/kernel/auth/users.ts';
import { closePdfBrowser, htmlToPdf, pdfBrowserStats } from '../src/server/kernel/office/pdf.ts';
import { periodOf } from '../src/server/modules/reports/periods.ts';
import { KIND_SECTIONS, SECTIONS } from '../src/server/modules/reports/sections.ts';
import { ensureAllSeries, moduleMigrations, registryOf } from '../src/server/site.ts';
import { cleanupAll, onCleanup } from './lib/cleanup.ts';
import { seedDesk } from './lib/desk-seed.ts';
import { seedInterfaceHours } from './lib/interfaces-seed.ts';
import { freshDb } from './lib/seed.ts';
import { benchCtx, startBenchApp } from './lib/session.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = join(ROOT, 'docs/performance.md');
const BEGIN = '<!-- reports-bench:begin -->';
const END = '<!-- reports-bench:end -->';
const PM = { username: 'bench_pm', password: 'Bench-Pass-1' };
const TARGET_S = 30;

const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL or TEST_DATABASE_URL: a PostgreSQL server to create the bench databases on');
const TICKETS = Number(process.env.BENCH_REPORT_TICKETS ?? 1_000_000);
const OPEN = Number(process.env.BENCH_REPORT_OPEN ?? 100_000);
const INTERFACES = Number(process.env.BENCH_REPORT_INTERFACES ?? 5_000);

interface Run {
  label: string;
  tickets: number;
  seedS: number | null;
  /** Interfaces with the month's hourly rollups (0: the demo's own devices). */
  interfaces: number;
  generateS: number;
  docxS: number;
  docxKiB: number;
  pdfS: number;
  pdfKiB: number;
  sections: number;
  ticketsInMonth: number;
  /** Each evidence provider's read, seconds. */
  evidence: [string, number][];
  /** An empty page printed by a Chromium launched for it, and by the running one (decision 0005). */
  chromiumS: number;
  chromiumWarmS: number;
  /** The first Word file, Chromium not running yet (it launches to draw the charts). */
  docxColdS: number;
  /** Chromium launches over the three downloads (1: the PDF and the second Word file reused it). */
  launches: number;
}

const secs = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await fn();
  return [v, (performance.now() - t) / 1000];
};

async function post(base: string, headers: Record<string, string>, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(600_000),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as unknown;
}

async function download(base: string, headers: Record<string, string>, path: string): Promise<number> {
  const res = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(600_000) });
  const buf = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${buf.toString('utf8').slice(0, 500)}`);
  return buf.length;
}

/** One database: bootstrap (demo or not), the pm, optionally the desk at scale, then the report timed. */
async function run(label: string, demo: boolean, tickets: number, month: string): Promise<Run> {
  const bdb = await freshDb(url!);
  onCleanup(`${label} database`, () => bdb.drop());
  const secretKey = randomBytes(32);
  const ctx = benchCtx(bdb.database, secretKey, 'bench-reports');
  // Every module's tables, as a node's start migrates them (freshDb migrates the kernel's).
  const registry = registryOf();
  await bdb.database.migrate(moduleMigrations(registry));
  await ensureAllSeries(bdb.database, registry);
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo, demoPassword: demo ? 'Demo-Pass-1' : null });
  await createUser(
    ctx,
    { username: PM.username, displayName: '压测项目经理', password: PM.password, roles: ['contractor_pm'], serviceLines: [] },
    { mustChangePassword: false, allowRoles: true },
  );
  let seedS: number | null = null;
  if (tickets) {
    let last = performance.now();
    const t = performance.now();
    await seedDesk(bdb.database, {
      total: tickets,
      open: OPEN,
      now: new Date(),
      onProgress: (done) => {
        if (performance.now() - last > 15_000) {
          last = performance.now();
          console.log(`    … ${done.toLocaleString('en')} tickets in ${((performance.now() - t) / 1000).toFixed(0)} s`);
        }
      },
    });
    seedS = (performance.now() - t) / 1000;
    console.log(`  ${label}: seeded ${tickets.toLocaleString('en')} tickets in ${seedS.toFixed(1)} s`);
  }
  // Where generating spends its time: each section's evidence provider read alone, in process.
  const p = periodOf('monthly', month);
  const interfaces = tickets ? INTERFACES : 0;
  if (interfaces) {
    const t = performance.now();
    const rows = await seedInterfaceHours(ctx, interfaces, new Date(p.from), new Date(p.to));
    console.log(
      `  ${label}: ${interfaces.toLocaleString('en')} interfaces, ${rows.toLocaleString('en')} hourly rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  const evidence: [string, number][] = [];
  for (const id of KIND_SECTIONS.monthly) {
    const def = SECTIONS.find((s) => s.id === id)!;
    const e = registry.evidence.get(def.evidence);
    if (!e) continue;
    const [, s] = await secs(() => e.read(ctx, e.params.parse({ from: p.from, to: p.to })));
    evidence.push([def.evidence, s]);
  }
  console.log(`  ${label}: evidence ${evidence.map(([id, s]) => `${id} ${s.toFixed(2)}`).join(', ')} s`);
  // What Chromium alone costs on this machine now: a launch printing an empty page, then a print on the
  // browser kept running; closed again so the first download below pays the launch as a server would.
  await closePdfBrowser();
  const [, chromiumS] = await secs(() => htmlToPdf('<!doctype html><p>空</p>'));
  const [, chromiumWarmS] = await secs(() => htmlToPdf('<!doctype html><p>空</p>'));
  await closePdfBrowser();
  const app = await startBenchApp(bdb.database, secretKey, `${label} app`, PM);
  try {
    const [report, generateS] = await secs(
      async () =>
        (await post(app.base, app.headers, '/api/reports', { kind: 'monthly', date: month })) as {
          id: string;
          version: { sections: { id: string; rows: unknown[][] }[] };
        },
    );
    const tickets0 = report.version.sections.find((s) => s.id === 'tickets');
    const total = tickets0?.rows.at(-1)?.[2] as { n: number } | undefined;
    const file = (f: string) => `/api/reports/${report.id}/versions/1/file/${f}`;
    const launched = pdfBrowserStats().launches;
    const [, docxColdS] = await secs(() => download(app.base, app.headers, file('docx')));
    const [pdf, pdfS] = await secs(() => download(app.base, app.headers, file('pdf')));
    const [docx, docxS] = await secs(() => download(app.base, app.headers, file('docx')));
    const launches = pdfBrowserStats().launches - launched;
    const r: Run = {
      label,
      tickets: tickets,
      seedS,
      interfaces,
      generateS,
      docxS,
      docxKiB: docx / 1024,
      pdfS,
      pdfKiB: pdf / 1024,
      sections: report.version.sections.length,
      ticketsInMonth: total?.n ?? 0,
      evidence,
      chromiumS,
      chromiumWarmS,
      docxColdS,
      launches,
    };
    console.log(
      `  ${label}: generate ${generateS.toFixed(2)} s, first Word ${docxColdS.toFixed(2)} s, Word ${docxS.toFixed(2)} s (${r.docxKiB.toFixed(0)} KiB), PDF ${pdfS.toFixed(2)} s (${r.pdfKiB.toFixed(0)} KiB), ${launches} Chromium launch(es); ${r.sections} sections, ${r.ticketsInMonth.toLocaleString('en')} tickets in the month`,
    );
    return r;
  } finally {
    await app.close();
    await bdb.drop();
  }
}

function render(runs: Run[], month: string, took: number): string {
  const f = (n: number) => n.toFixed(2);
  const rows = runs.map((r) => {
    const worst = r.generateS + Math.max(r.docxS, r.pdfS);
    const first = r.generateS + r.docxColdS;
    const ok = (t: number) => (t < TARGET_S ? 'yes' : '**no**');
    return `| ${r.label} | ${r.tickets ? r.tickets.toLocaleString('en') : 'demo'} | ${r.interfaces ? r.interfaces.toLocaleString('en') : 'demo'} | ${r.ticketsInMonth.toLocaleString('en')} | ${f(r.generateS)} | ${f(r.docxColdS)} | ${f(r.docxS)} | ${r.docxKiB.toFixed(0)} | ${f(r.pdfS)} | ${r.pdfKiB.toFixed(0)} | ${f(r.generateS + r.docxS)} | ${f(r.generateS + r.pdfS)} | ${ok(worst)} / ${ok(first)} |`;
  });
  return [
    BEGIN,
    '## Monthly report at scale (issue 15)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`node bench/reports.ts\` (${took.toFixed(0)} s in all) on PostgreSQL, through real HTTP as the project manager: the monthly report of ${month.slice(0, 7)} generated (\`POST /api/reports\`: every section's evidence provider read, the version stored), then downloaded as Word and as PDF (\`GET …/file/docx\`, \`…/file/pdf\`: charts drawn on the server, the PDF printed by Chromium). Baseline: the same month on the demo data; at scale: ${TICKETS.toLocaleString('en')} tickets over two years with their SLA clocks (seeded as the desk bench seeds them) and ${INTERFACES.toLocaleString('en')} interfaces on ${Math.ceil(INTERFACES / 48)} devices with the month's hourly rollups and probes (\`bench/lib/interfaces-seed.ts\`), which the network analysis reads. Target: generate + file < ${TARGET_S} s.`,
    '',
    '| database | tickets | interfaces | tickets in the month | generate s | first Word s (Chromium launch) | Word s | Word KiB | PDF s | PDF KiB | generate + Word s | generate + PDF s | < 30 s (Chromium running / first file) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    'The server keeps one Chromium between prints (kernel/office/pdf.ts, decision 0005): the first Word file of a run launches it (Chromium draws the charts as PNG), the PDF and the second Word file after it reuse it; "Word s" and "PDF s" are what a user waits while the browser runs, "first Word" what the first export after a start or an idle close costs. Chromium launches over the three downloads: ' +
      runs.map((r) => `${r.label} ${r.launches}`).join(', ') +
      '.',
    '',
    'Where the time goes: each evidence provider read alone (in process, seconds), an empty page printed by a Chromium launched for it, and by the one kept running.',
    '',
    `| database | ${runs[0]!.evidence.map(([id]) => id).join(' | ')} | Chromium launch + print | print, running |`,
    `| --- | ${runs[0]!.evidence.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...runs.map(
      (r) =>
        `| ${r.label} | ${r.evidence.map(([, s]) => s.toFixed(2)).join(' | ')} | ${r.chromiumS.toFixed(2)} | ${r.chromiumWarmS.toFixed(2)} |`,
    ),
    END,
  ].join('\n');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  // The last ended month (China time): a day of the month before this one.
  const today = dateOf(new Date());
  const month = addCalendarDays(`${today.slice(0, 7)}-01`, -1);
  console.log(`monthly report of ${month.slice(0, 7)}`);
  const runs = [
    await run('demo data (baseline)', true, 0, month),
    await run(`${(TICKETS / 1e6).toFixed(1)}M tickets, ${(INTERFACES / 1e3).toFixed(0)}k interfaces`, false, TICKETS, month),
  ];
  const md = render(runs, month, (performance.now() - t0) / 1000);
  const doc = readFileSync(DOC, 'utf8');
  const i = doc.indexOf(BEGIN);
  const j = doc.indexOf(END);
  const text = i >= 0 && j > i ? doc.slice(0, i) + md + doc.slice(j + END.length) : `${doc.trimEnd()}\n\n${md}\n`;
  // Formatted as Prettier would, so that `prettier --check .` (npm test) holds after a run.
  writeFileSync(DOC, await prettier.format(text, { ...((await prettier.resolveConfig(DOC)) ?? {}), filepath: DOC }));
  console.log(`wrote ${DOC}`);
}

try {
  await main();
} finally {
  await cleanupAll();
}
