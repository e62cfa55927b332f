// One received frame to an event row for the syslog receiver (receiver.ts, streams.ts): noise is
// counted and dropped, the source's registered vendor and charset applied, the filter rules checked.
import type { CollectorContext } from '../../kernel/collectors/types.ts';
import { passes, readFilters, type FilterRule } from './filters.ts';
import { isNoise } from './framing.ts';
import { normalise, type EventRow, type SourceSetting } from './normalise.ts';
import { evtSources } from './tables.ts';

/** Registered sources' vendor and charset, re-read at most this often. */
const SETTINGS_MS = 5000;

export class Settings {
  private map = new Map<string, SourceSetting>();
  private rules: FilterRule[] = [];
  private at = 0;
  private loading: Promise<void> | null = null;
  private readonly c: CollectorContext<EventRow>;
  constructor(c: CollectorContext<EventRow>) {
    this.c = c;
  }
  /** The source's setting and the filter rules, as of at most SETTINGS_MS ago. */
  async get(address: string): Promise<{ setting: SourceSetting | undefined; rules: readonly FilterRule[] }> {
    if (Date.now() - this.at > SETTINGS_MS) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      await this.loading;
    }
    return { setting: this.map.get(address), rules: this.rules };
  }
  private async load(): Promise<void> {
    const rows = await this.c.db
      .select({ address: evtSources.address, vendor: evtSources.vendor, charset: evtSources.charset })
      .from(evtSources);
    this.map = new Map(rows.map((r) => [r.address, { vendor: r.vendor, charset: r.charset }]));
    this.rules = await readFilters(this.c.db);
    this.at = Date.now();
  }
}

/** The runtime always gives count() and site (optional in the type for hand-driven test contexts). */
export const count = (c: CollectorContext<EventRow>, name: string, n = 1) => c.count?.(name, n);

/** An IPv4-mapped IPv6 address as the IPv4 address devices are registered by. */
export const plain = (a: string | undefined) => (a ?? '').replace(/^::ffff:(?=\d+\.)/, '');

export async function toRow(c: CollectorContext<EventRow>, settings: Settings, bytes: Buffer, address: string, truncated: boolean) {
  if (isNoise(bytes)) {
    count(c, 'noise');
    return null;
  }
  count(c, 'received');
  const { setting, rules } = await settings.get(address);
  const row = normalise(bytes, address, setting, c.now(), truncated);
  if (passes(rules, row)) return row;
  count(c, 'filtered');
  return null;
}
