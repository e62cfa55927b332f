// The time-series section of the report (bench/timeseries.ts), for stdout and docs/performance.md.
// Every figure is next to its baseline from the same run; the ratio is what to read.
import type { SeriesConfig, SeriesRun } from '../timeseries.ts';
import { table } from './report.ts';
import { QUERIES } from './series-work.ts';

export const SERIES_BEGIN = '<!-- bench:series:begin -->';
export const SERIES_END = '<!-- bench:series:end -->';

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const k = (n: number) => n.toLocaleString('en');
const mb = (b: number | undefined) => (b === undefined ? '—' : `${f0(b / 1048576)} MB`);

function tables(r: SeriesRun, baselineId: string): { md: string; text: string } {
  const base = r.tables.find((t) => t.id === baselineId)!;
  const rows: string[][] = [
    ['table', 'insert rows/s', '× baseline', 'size', ...QUERIES.map((q) => `${q.id} ms (× baseline)`), 'daily report reads'],
  ];
  for (const t of r.tables)
    rows.push([
      t.id === baselineId ? `_${t.label}_` : t.label,
      f0(t.insert.rowsPerSecond),
      f2(t.insert.rowsPerSecond / base.insert.rowsPerSecond),
      mb(t.bytes),
      ...QUERIES.map((q) => `${f1(t.queries[q.id]!)} (${f2(t.queries[q.id]! / base.queries[q.id]!)})`),
      `${t.plan.relations.length} table${t.plan.relations.length === 1 ? '' : 's'}: ${t.plan.chain}`,
    ]);
  return table(rows, ['l', 'r', 'r', 'r', ...QUERIES.map(() => 'r' as const), 'l']);
}

function retention(r: SeriesRun): { md: string; text: string } {
  const base = r.retention.find((x) => x.vacuumMs !== undefined) ?? r.retention[0]!;
  const writer = r.retention.some((x) => x.writer);
  const rows: string[][] = [
    [
      'retention of the older half',
      'time',
      '× DELETE',
      'rows before → after',
      'size before → after',
      'after VACUUM / refill',
      ...(writer ? ['200-row appends meanwhile: count, longest'] : []),
    ],
  ];
  for (const x of r.retention)
    rows.push([
      x.label,
      `${f0(x.ms)} ms`,
      r.retention.length > 1 ? f2(x.ms / base.ms) : '—',
      `${k(x.rowsBefore)} → ${k(x.rowsAfter)}`,
      `${mb(x.bytesBefore)} → ${mb(x.bytesAfter)}`,
      x.vacuumMs !== undefined
        ? `VACUUM ${f0(x.vacuumMs)} ms → ${mb(x.bytesAfterVacuum)}`
        : x.bytesAfterRefill !== undefined
          ? `${mb(x.bytesAfterRefill)} after writing as many rows again`
          : '',
      ...(writer ? [x.writer ? `${x.writer.inserts}, ${f0(x.writer.longestMs)} ms` : '—'] : []),
    ]);
  return table(rows, ['l', 'r', 'r', 'r', 'r', 'l', ...(writer ? (['r'] as const) : [])]);
}

export function renderSeries(runs: SeriesRun[], c: SeriesConfig, date: Date, elapsedSeconds: number): { markdown: string; text: string } {
  const md: string[] = [SERIES_BEGIN, '## Time series (kernel/timeseries)', ''];
  const tx: string[] = ['', 'Time series', ''];
  md.push(
    `Measured ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (series part: ${f0(elapsedSeconds)} s; alone: ` +
      '`npm run bench -- --only=series`). `bench/timeseries.ts` writes monitoring samples (500 targets, four metrics, evenly ' +
      `spread in time order) through the product's \`appendRows\`, ${k(c.batchSize)} rows per statement, every batch into each ` +
      'table in turn so the noise of the shared machine falls on all of them alike; then `VACUUM ANALYZE`, then each range query ' +
      `${c.queryRuns} times per table on different days and hours, interleaved (medians). The decision these figures carry: ` +
      '[0008](decisions/0008-time-series-partitions.md).',
    '',
  );
  for (const r of runs) {
    const pg = r.label === 'PostgreSQL';
    md.push(
      `### ${r.label}: ${r.days} days × ${k(r.rowsPerDay)} samples = ${k(r.days * r.rowsPerDay)} rows per table`,
      '',
      `${r.version}. ` +
        (pg
          ? 'Baseline: the same table unpartitioned (BRIN on time, b-tree on (target, at)). '
          : "Baseline: the same plain table without an index on time (PGlite's series is a plain table; the question is its index). ") +
        'Queries: `hour` = one hour, all targets, count and average; `dayTarget` = one day of one target in time order (the ' +
        'device chart); `dayReport` = one Shanghai day, all targets, average and maximum per target (the daily report). ' +
        '"Reads" = the tables (partitions) in its `EXPLAIN`, and its plan.',
      '',
    );
    const t = tables(r, pg ? 'plain' : 'none');
    md.push(t.md, '');
    tx.push(`${r.label} (${r.version}), ${r.days} days × ${k(r.rowsPerDay)} rows`, t.text.replace(/(^| {2})_|_( {2}|$)/gm, '$1$2'), '');
    if (r.create.length) {
      const ct = table(
        [
          ['making the partitions of the range and a week ahead', 'partitions', 'time', 'per partition'],
          ...r.create.map((x) => [x.label, String(x.partitions), `${f0(x.ms)} ms`, `${f1(x.ms / x.partitions)} ms`]),
        ],
        ['l', 'r', 'r', 'r'],
      );
      md.push(ct.md, '');
      tx.push(ct.text, '');
    }
    const rt = retention(r);
    md.push(
      `Retention: keep ${r.retentionDays} of the ${r.days} days` +
        (pg ? ', while another connection appends 200 recent rows at a time to the same table (a collector during the hourly job).' : '.'),
      '',
      rt.md,
      '',
    );
    tx.push(rt.text, '');
    if (r.steady.length) {
      md.push(`Hourly maintenance with nothing to do (median of 3): ${r.steady.map((s) => `${s.label} ${f0(s.ms)} ms`).join('; ')}.`, '');
      tx.push(`Steady maintenance: ${r.steady.map((s) => `${s.label} ${f0(s.ms)} ms`).join('; ')}`, '');
    }
    if (r.stats) {
      const line =
        `Health figures (median of 3, on the ${pg ? 'partitioned' : 'BRIN'} table${pg ? ' after retention' : ''}; its retention set to 10 years, so ` +
        'the oldest row is searched over the whole span, as in the first year of a site): `seriesStats` (oldest and newest row found by ' +
        `halving time windows, each probe answered by an index) ${f1(r.stats.probeMs)} ms, next to a plain \`SELECT min(at), max(at)\` ` +
        `(reads every row: BRIN cannot answer it) ${f1(r.stats.naiveMs)} ms.`;
      md.push(line, '');
      tx.push(line.replace(/`/g, ''), '');
    }
    if (r.partman && 'skipped' in r.partman) {
      md.push(`pg_partman: skipped: ${r.partman.skipped}.`, '');
      tx.push(`pg_partman: skipped: ${r.partman.skipped}`, '');
    } else if (r.partman)
      md.push(
        `pg_partman ${r.partman.version} (Debian's postgresql-15-partman), no background worker: \`run_maintenance\` called as a job would.`,
        '',
      );
  }
  md.push(SERIES_END);
  return { markdown: md.join('\n'), text: tx.join('\n') };
}
