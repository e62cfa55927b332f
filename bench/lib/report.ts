// Tables for stdout and docs/performance.md.
import type { LatencyResult } from './latency.ts';
import type { ColdStartResult } from './coldstart.ts';
import type { Measured } from './load.ts';
import type { ScenarioInfo, ScenarioId } from './servers.ts';

export interface DbRun {
  label: 'PostgreSQL' | 'PGlite';
  version: string;
  results: Map<ScenarioId, Measured>;
  /** The page query's plan, node by node, and the count's. */
  pagePlan: string;
  countPlan: string;
  /** (c) at the issue's 4 closed-loop clients. */
  closedLoop: LatencyResult;
}

export interface Report {
  date: Date;
  machine: string;
  node: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  coldStart: ColdStartResult | null;
  scenarios: ScenarioInfo[];
  runs: DbRun[];
  elapsedSeconds: number;
}

type Row = string[];

/** Renders rows as a Markdown table and as aligned plain text (first row = header). */
export function table(rows: Row[], align: ('l' | 'r')[]): { md: string; text: string } {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => (align[i] === 'r' ? ' '.repeat(widths[i]! - width(s)) + s : s + ' '.repeat(widths[i]! - width(s)));
  const md = [
    `| ${rows[0]!.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`,
    ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const text = [
    rows[0]!.map(pad).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map((r) => r.map(pad).join('  ')),
  ].join('\n');
  return { md, text };
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const pct = (n: number) => (Number.isNaN(n) ? '—' : `${Math.round(n * 100) || 0}%`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export interface Rendered {
  markdown: string;
  text: string;
}

export function render(r: Report): Rendered {
  const md: string[] = [];
  const tx: string[] = [];
  const run = (label: DbRun['label']) => r.runs.find((x) => x.label === label);
  const get = (label: DbRun['label'], id: ScenarioId) => run(label)?.results.get(id);
  const rps = (label: DbRun['label'], id: ScenarioId) => get(label, id)?.requestsPerSecond ?? NaN;

  md.push('# Performance', '');
  md.push(
    `Measured ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (\`bench/run.ts\`, ${f0(r.elapsedSeconds)} s), ` +
      'which rewrites this file. PostgreSQL: a new database on `BENCH_DATABASE_URL` or `TEST_DATABASE_URL`, else a throwaway ' +
      'cluster it starts and stops itself.',
    '',
  );
  md.push(
    `**Machine:** ${r.machine}; Node ${r.node}. The machine has **2 cores and is shared and noisy**: absolute figures move by ` +
      `tens of percent from run to run, so **the ratios matter more than the absolutes**. The load generator (autocannon in a ` +
      `child process), the servers under test and PostgreSQL all share those 2 cores.`,
    '',
  );
  tx.push(
    '',
    `Yunwei bench — ${r.date.toISOString()} — ${r.machine}, Node ${r.node} (2 shared cores: ratios matter more than absolutes)`,
    '',
  );

  // Cold start
  if (r.coldStart) {
    const c = r.coldStart;
    const restart = median(c.restartMs);
    const t = table(
      [
        ['embedded start (PGlite, YUNWEI_DEMO=1)', 'measured', 'target', 'verdict'],
        [
          'fresh clone: `npm start` after `npm ci` (web, bundles and migrated database template built at install), empty data dir (template + demo), until /api/health answers',
          `${f0(c.firstStartMs)} ms`,
          '< 10000 ms',
          verdict(c.firstStartMs < 10_000),
        ],
        [
          `\`npm start\` again on the same data dir until /api/health answers (median of ${c.restartMs.length}: ${c.restartMs.map(f0).join(', ')} ms)`,
          `${f0(restart)} ms`,
          '< 3000 ms',
          verdict(restart < 3000),
        ],
        [
          `idle RSS ${c.idleWaitMs / 1000} s after that start (VmRSS; peak VmHWM ${f0(c.idlePeakRssMb)} MB)`,
          `${f0(c.idleRssMb)} MB`,
          '< 250 MB',
          verdict(c.idleRssMb < 250),
        ],
      ],
      ['l', 'r', 'r', 'l'],
    );
    md.push('## Cold start and idle memory', '', t.md, '');
    tx.push('Cold start and idle memory', t.text, '');
  }

  // Throughput
  const labels = r.runs.map((x) => x.label);
  const header: Row = ['scenario'];
  for (const l of labels) header.push(`${l} req/s`, `${l} p99 ms`, `${l} errors`);
  const rows: Row[] = [header];
  for (const s of r.scenarios) {
    const row: Row = [s.diagnostic ? `_${s.label}_` : `**${s.label}**`];
    for (const l of labels) {
      const x = get(l, s.id);
      row.push(x ? f0(x.requestsPerSecond) : '—', x ? f1(x.latencyP99Ms) : '—', x ? String(x.non2xx + x.errors + x.timeouts) : '—');
    }
    rows.push(row);
  }
  const tt = table(rows, ['l', ...labels.flatMap(() => ['r', 'r', 'r'] as const)]);
  const plain = table(
    rows.map((row) => [row[0]!.replace(/^(\*\*|_)|(\*\*|_)$/g, ''), ...row.slice(1)]),
    ['l', ...labels.flatMap(() => ['r', 'r', 'r'] as const)],
  );
  md.push(
    `## Throughput at ${r.connections} connections`,
    '',
    `autocannon, ${r.connections} connections, ${r.warmupSeconds} s warm-up (discarded) then ${r.durationSeconds} s measured, ` +
      'every server on 127.0.0.1 in the same process as the database (as the product runs PGlite). ' +
      `Data: one party with 5,000 people (plus 25 in another party); every list returns 50 rows of that party ordered by name. ` +
      'Errors = non-2xx + connection errors + timeouts (any non-zero fails the bench). ' +
      'After the chain (a) → (c), (b) and (c) run twice more, alternating, and each row of the two is the median of its three runs ' +
      "(requests/s), so that a burst of the machine's other tenants lands on both sides of the target's ratio. " +
      `Databases: ${r.runs.map((x) => x.version).join('; ')}.`,
    '',
    tt.md,
    '',
    "Rows in bold are the three the issue asks for; rows in italics are diagnostics that split (c)'s cost:",
    '(b2) is (b) done the way the app lists (`personStore.list`: the page and its total in one statement, the total a count of the filter stopped after 1,001 matches, ' +
      'and a count that reached that cap remembered 5 s per process and forgotten on any write the process answers, `kernel/db/paged-total.ts`: ' +
      'here, as when a list is opened again or paged, nearly every request finds it remembered), ',
    "(b3) adds the kernel's session lookup (`resolveSession`: one query for session⋈user with the user's role codes, its answer kept 2 s per process and forgotten on any write the process answers, so here nearly every request finds it cached; what each role grants is cached 5 s per process), ",
    '(c0) is the real app with logging off (what the tests build), (c) the real app with the default `LOG_LEVEL=info` ',
    '(one request log line per request, written to /dev/null here).',
    '',
  );
  tx.push(`Throughput at ${r.connections} connections (${r.warmupSeconds} s warm-up + ${r.durationSeconds} s)`, plain.text, '');

  // Targets and ratios
  const pgB = rps('PostgreSQL', 'b');
  const pgC = rps('PostgreSQL', 'c');
  const pgA = rps('PostgreSQL', 'a');
  const glB = rps('PGlite', 'b');
  const glC = rps('PGlite', 'c');
  const glA = rps('PGlite', 'a');
  const closed = (l: DbRun['label']) => r.runs.find((x) => x.label === l)?.closedLoop;
  const p99 = closed('PostgreSQL')?.p99Ms ?? NaN;
  const cpuOf = (l: DbRun['label'], id: ScenarioId) => {
    const x = get(l, id);
    return x ? x.cpuServerUs + (x.cpuDbUs ?? 0) : NaN;
  };
  const ratios = table(
    [
      ['ratio / figure', 'PostgreSQL', 'PGlite', 'target', 'verdict'],
      ['(c)/(b) requests/s', f2(pgC / pgB), f2(glC / glB), '>= 0.70 on PostgreSQL', verdict(pgC / pgB >= 0.7)],
      [
        "(c)/(b2) requests/s: the kernel's own cost (same SQL work: count + page)",
        f2(pgC / rps('PostgreSQL', 'b2')),
        f2(glC / rps('PGlite', 'b2')),
        '—',
        '—',
      ],
      ['(c)/(a) requests/s', f2(pgC / pgA), f2(glC / glA), '—', '—'],
      ['(c0)/(b) requests/s (logging off)', f2(rps('PostgreSQL', 'c0') / pgB), f2(rps('PGlite', 'c0') / glB), '—', '—'],
      ['p99 of (c) at 4 closed-loop clients, ms', f1(p99), f1(closed('PGlite')?.p99Ms ?? NaN), '< 20 ms on PostgreSQL', verdict(p99 < 20)],
      ['p50 of (c) at 4 closed-loop clients, ms', f1(closed('PostgreSQL')?.p50Ms ?? NaN), f1(closed('PGlite')?.p50Ms ?? NaN), '—', '—'],
      [
        `p99 of (c) at ${r.connections} always-busy connections, ms (Little's law, below)`,
        f1(get('PostgreSQL', 'c')?.latencyP99Ms ?? NaN),
        f1(get('PGlite', 'c')?.latencyP99Ms ?? NaN),
        '—',
        '—',
      ],
      [
        "(c)/(b) estimated from CPU: (b)'s CPU per request ÷ (c)'s",
        f2(cpuOf('PostgreSQL', 'b') / cpuOf('PostgreSQL', 'c')),
        f2(cpuOf('PGlite', 'b') / cpuOf('PGlite', 'c')),
        '—',
        '—',
      ],
      ['(b) PGlite / PostgreSQL requests/s', '—', f2(glB / pgB), '—', '—'],
    ],
    ['l', 'r', 'r', 'r', 'l'],
  );
  md.push('## Targets and ratios', '', ratios.md, '');
  tx.push('Targets and ratios', ratios.text, '');

  // CPU per request, by process
  const cpuHeader: Row = ['scenario'];
  for (const l of labels) {
    if (l === 'PostgreSQL') cpuHeader.push('PostgreSQL: Node', 'PostgreSQL: server', 'PostgreSQL: load gen');
    else cpuHeader.push('PGlite: Node + PGlite', 'PGlite: load gen');
  }
  const cpuRows: Row[] = [cpuHeader];
  const us = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? '—' : f0(n));
  for (const s of r.scenarios) {
    const row: Row = [s.label];
    for (const l of labels) {
      const x = get(l, s.id);
      if (l === 'PostgreSQL') row.push(us(x?.cpuServerUs), us(x?.cpuDbUs), us(x?.cpuLoadGenUs));
      else row.push(us(x?.cpuServerUs), us(x?.cpuLoadGenUs));
    }
    cpuRows.push(row);
  }
  const cpuT = table(cpuRows, ['l', ...cpuHeader.slice(1).map(() => 'r' as const)]);
  md.push(
    '## CPU time per request',
    '',
    'CPU µs (user + system) per request during the measured run, by process: the Node process serving the requests ' +
      '(PGlite runs inside it), the PostgreSQL server (postmaster and backends, read from /proc; "—" when it is not on this ' +
      'machine), and the load generator. Unlike requests/s, CPU time is not lowered by other tenants of the machine, so it ' +
      'is the steadier way to compare scenarios.',
    '',
    cpuT.md,
    '',
  );
  tx.push('CPU µs per request, by process', cpuT.text, '');

  // Where (c)'s time goes: the CPU each step from (b) to (c) adds (Node + database server)
  const steps: [ScenarioId, ScenarioId, string][] = [
    ['b', 'b2', "+ the paged list's total (count of the filter, capped at 1,001)"],
    ['b2', 'b3', '+ session lookup (session⋈user + role codes, cached 2 s)'],
    ['b3', 'c0', "+ the app's HTTP kernel (security headers, cookies, hooks, Zod, response schema)"],
    ['c0', 'c', '+ request logging at LOG_LEVEL=info'],
  ];
  const cost = cpuOf;
  const stepHeader: Row = ['from (b) to (c)'];
  for (const l of labels) {
    if (l === 'PostgreSQL') stepHeader.push('PostgreSQL: Node µs', 'PostgreSQL: server µs', 'PostgreSQL: share of (c)');
    else stepHeader.push('PGlite: µs', 'PGlite: share of (c)');
  }
  const stepRows: Row[] = [stepHeader];
  const delta = (l: DbRun['label'], from: ScenarioId, to: ScenarioId, f: (x: Measured) => number | null) => {
    const a = get(l, from);
    const b = get(l, to);
    const va = a ? f(a) : null;
    const vb = b ? f(b) : null;
    return va === null || vb === null ? NaN : vb - va;
  };
  const signed = (n: number) => (Number.isNaN(n) ? '—' : `${n >= 0 ? '+' : ''}${f0(n)}`);
  stepRows.push([
    '(b) one 50-row query',
    ...labels.flatMap((l) => {
      const x = get(l, 'b');
      const share = pct(cost(l, 'b') / cost(l, 'c'));
      return l === 'PostgreSQL' ? [us(x?.cpuServerUs), us(x?.cpuDbUs), share] : [us(x?.cpuServerUs), share];
    }),
  ]);
  for (const [from, to, what] of steps)
    stepRows.push([
      `(${from}) → (${to}) ${what}`,
      ...labels.flatMap((l) => {
        const share = pct((cost(l, to) - cost(l, from)) / cost(l, 'c'));
        return l === 'PostgreSQL'
          ? [signed(delta(l, from, to, (x) => x.cpuServerUs)), signed(delta(l, from, to, (x) => x.cpuDbUs)), share]
          : [signed(delta(l, from, to, (x) => x.cpuServerUs)), share];
      }),
    ]);
  stepRows.push([
    '(c) total',
    ...labels.flatMap((l) => {
      const x = get(l, 'c');
      return l === 'PostgreSQL' ? [us(x?.cpuServerUs), us(x?.cpuDbUs), '100%'] : [us(x?.cpuServerUs), '100%'];
    }),
  ]);
  const st = table(stepRows, ['l', ...stepHeader.slice(1).map(() => 'r' as const)]);
  md.push(
    "## Where (c)'s time goes",
    '',
    "The CPU each step from (b) to (c) adds per request (Node process and database server), and its share of (c)'s total. " +
      'The scenarios run in this order, one after the other; other tenants of the machine still move CPU per request by ' +
      '10–15% between runs, so read a small step (or a negative one) as noise.',
    '',
    st.md,
    '',
  );
  tx.push("Where (c)'s time goes (CPU µs per request added by each step)", st.text, '');
  // Reading
  const reading: string[] = [];
  for (const l of labels) {
    const b = get(l, 'b');
    const c = get(l, 'c');
    if (!b || !c) continue;
    const share = (from: ScenarioId, to: ScenarioId) => pct((cost(l, to) - cost(l, from)) / cost(l, 'c'));
    const split = c.cpuDbUs === null ? '' : ` (Node ${f0(c.cpuServerUs)} + ${l} ${f0(c.cpuDbUs)})`;
    const splitB = b.cpuDbUs === null ? '' : ` (${f0(b.cpuServerUs)} + ${f0(b.cpuDbUs)})`;
    reading.push(
      `- **${l}:** (c) serves ${f0(c.requestsPerSecond)} req/s, ${f2(c.requestsPerSecond / b.requestsPerSecond)} of (b)'s ${f0(b.requestsPerSecond)}` +
        `${l === 'PostgreSQL' ? ` (target >= 0.70: ${verdict(c.requestsPerSecond / b.requestsPerSecond >= 0.7)})` : ''}. ` +
        `Per request (c) costs ${f0(cost(l, 'c'))} µs of CPU${split} against (b)'s ${f0(cost(l, 'b'))}${splitB}: ` +
        `the paged list's capped count adds ${share('b', 'b2')} of (c)'s CPU, the session lookup ${share('b2', 'b3')}, ` +
        `the app's HTTP kernel ${share('b3', 'c0')}, request logging ${share('c0', 'c')}.`,
    );
  }
  const cPg = get('PostgreSQL', 'c');
  const p99Closed = r.runs.find((x) => x.label === 'PostgreSQL')?.closedLoop.p99Ms ?? NaN;
  if (cPg)
    reading.push(
      `- **Latency:** with ${r.connections} connections always busy, mean latency = ${r.connections} / throughput (Little's law), ` +
        `so a p99 under 20 ms needs well over ${f0((r.connections / 20) * 1000)} req/s; (c) on PostgreSQL serves ` +
        `${f0(cPg.requestsPerSecond)} req/s (mean ${f1(cPg.latencyMeanMs)} ms, p99 ${f1(cPg.latencyP99Ms)} ms). ` +
        `The issue's latency target is read at 4 closed-loop clients (each waits for its answer before the next request): p99 ${f1(p99Closed)} ms on PostgreSQL.`,
    );
  const aRuns = r.runs.filter((x) => {
    const a = x.results.get('a');
    return a && a.cpuLoadGenUs >= 0.5 * a.cpuServerUs;
  });
  if (aRuns.length)
    reading.push(
      `- **(a) is bounded by the load generator too:** autocannon spends about as much CPU per request as the bare server ` +
        `(${aRuns.map((x) => `${x.label}: ${f0(x.results.get('a')!.cpuLoadGenUs)} vs ${f0(x.results.get('a')!.cpuServerUs)} µs`).join('; ')}) ` +
        'on the same 2 cores, so (a) and the (c)/(a) ratio understate what Fastify alone can do.',
    );
  reading.push(
    '- **What (c) does that (b) does not:** up to 3 SQL statements per request instead of 1 — the page, a count of the ' +
      'filter for `total` stopped after 1,001 matches, and the session lookup (session⋈user with the role codes) unless this process ' +
      'read that session less than 2 s ago — then the security headers (computed once at start), ' +
      'cookie parsing, the permission check, Zod parsing of the query, and the response schema.',
  );
  for (const x of r.runs)
    reading.push(
      `- **Plans on ${x.label}:** page: ${x.pagePlan}; capped count: ${x.countPlan} (5,000 of the table's 5,025 rows are in the party).`,
    );
  md.push('## Reading', '', ...reading, '');
  tx.push('Reading', ...reading.map((x) => x.replace(/\*\*/g, '').replace(/`/g, '')), '');
  return { markdown: md.join('\n'), text: tx.join('\n') };
}

/** Figures of a measured route: the cells both query tables start with (latency, rate, ratio to the baseline). */
export function latencyCells(label: string, run: string, r: LatencyResult, baseline: LatencyResult | null): string[] {
  const n0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
  const n1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
  return [label, run, n1(r.p50Ms), n1(r.p95Ms), n1(r.p99Ms), n0(r.perSecond), baseline ? n1(r.p95Ms / baseline.p95Ms) : '1.0'];
}
