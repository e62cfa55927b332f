// Prefill of a sheet at the moment it opens (issue 14 point 1): each item with a source reads the
// device's state from monitoring (reachable, CPU, memory, temperature, interface errors, open alerts) and from
// configuration backup (days since the last successful backup), through their api.ts. A device is
// monitoring's when linked to the asset or carrying its name; configuration backup's by its name.
// Signature age (days since a security product's last signature update) comes from security
// operations' board, by asset. Temperature is the hottest sensor monitoring read (R-MON-07); a device
// without temperature sensors says "no data".
import type { PrefillSource } from '../../../common/inspections.ts';
import type { Ctx } from '../../kernel/context.ts';
import { lastBackups } from '../configbackup/api.ts';
import { deviceHealth, type DeviceHealth } from '../monitoring/api.ts';
import { signatureAges, type SignatureAge } from '../secops/api.ts';
import { FAULT, OK } from './evaluate.ts';
import type { PrefillRow } from './tables.ts';

export interface PrefillDevice {
  assetId: string;
  name: string;
}

/** What the sheet's devices read now, by `assetId|source`; a source without data answers value null and why. */
export interface PrefillProvider {
  read(ctx: Ctx, devices: readonly PrefillDevice[], sources: ReadonlySet<PrefillSource>): Promise<Map<string, PrefillRow>>;
}

export const prefillKey = (assetId: string, source: string) => `${assetId}|${source}`;
const round1 = (n: number) => String(Math.round(n * 10) / 10);
const none = (source: PrefillSource, note: string): PrefillRow => ({ value: null, source, note });

function fromMonitoring(source: PrefillSource, h: DeviceHealth | undefined): PrefillRow {
  if (!h) return none(source, '监控未纳管该设备');
  const at = h.polledAt ? `监控 ${h.polledAt.toISOString()}` : '监控尚未采集';
  const n = (v: number | null, what: string): PrefillRow =>
    v === null ? none(source, `监控无${what}数据`) : { value: round1(v), source, note: at };
  switch (source) {
    case 'reachable':
      return h.reachable === null ? none(source, '监控尚未探测') : { value: h.reachable ? OK : FAULT, source, note: at };
    case 'cpu':
      return n(h.cpuPct, ' CPU ');
    case 'memory':
      return n(h.memPct, '内存');
    case 'temperature':
      return n(h.temperatureC, '温度');
    case 'if_errors':
      return n(h.ifErrors, '接口');
    case 'open_alerts':
      return { value: String(h.openAlerts), source, note: at };
    default:
      return none(source, '无数据');
  }
}

/** The real sources: monitoring and configbackup as they are now. */
export const modulePrefill: PrefillProvider = {
  async read(ctx, devices, sources) {
    const out = new Map<string, PrefillRow>();
    if (!devices.length || !sources.size) return out;
    const mon = ['reachable', 'cpu', 'memory', 'temperature', 'if_errors', 'open_alerts'].some((s) => sources.has(s as PrefillSource))
      ? await deviceHealth(ctx, { assetIds: devices.map((d) => d.assetId), names: devices.map((d) => d.name) })
      : [];
    const backups = sources.has('backup_age')
      ? await lastBackups(
          ctx,
          devices.map((d) => d.name),
        )
      : new Map<string, Date | null>();
    const signatures = sources.has('signature_age')
      ? new Map((await signatureAges(ctx)).map((a) => [a.assetId, a]))
      : new Map<string, SignatureAge>();
    const now = ctx.now().getTime();
    for (const d of devices) {
      const h = mon.find((x) => x.assetId === d.assetId) ?? mon.find((x) => x.name === d.name);
      for (const s of sources) {
        let row: PrefillRow;
        if (s === 'backup_age') {
          const at = backups.get(d.name);
          row =
            at === undefined
              ? none(s, '未纳入配置备份')
              : at === null
                ? none(s, '从未备份成功')
                : { value: round1((now - at.getTime()) / 86_400_000), source: s, note: `上次备份 ${at.toISOString()}` };
        } else if (s === 'signature_age') {
          const a = signatures.get(d.assetId);
          row = !a
            ? none(s, '非安全产品或未登记特征库')
            : a.ageDays === null
              ? none(s, '未记录特征库更新')
              : { value: String(a.ageDays), source: s, note: `特征库 ${a.signatureVersion || '—'}，更新于 ${a.updatedAt}` };
        } else row = fromMonitoring(s, h);
        out.set(prefillKey(d.assetId, s), row);
      }
    }
    return out;
  },
};

let provider: PrefillProvider = modulePrefill;
/** Tests put a double in place (and back with `modulePrefill`). */
export function setPrefillProvider(p: PrefillProvider): void {
  provider = p;
}
export const currentPrefill = (): PrefillProvider => provider;
