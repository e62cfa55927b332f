// Signature-update lines in the security products' own syslog (issue 13 point 6, R-SEC-07), read into
// which library was updated to which version and when. Data-driven like the events module's vendor
// parsers: each vendor a detector and a reader. Huawei USG follows its documented UPDATE messages
// (`UPDATE/6/DOWNLOAD_OK` …, `Module=IPS-SDB`, `DownloadVersion=`/`NewVersion=`/`LoadVersion=`); the
// Hillstone (StoneOS `EVENT@MGMT`) and Sangfor (`日志类型:升级日志`) wordings are modelled on those
// products' update logs and want checking against a real device's output.

export type Library = 'engine' | 'signature' | 'virus';
export interface UpdateLine {
  vendor: string;
  library: Library;
  version: string;
  /** The sender's time when the line carries one (else the caller's receive time applies). */
  at: Date | null;
}

/** Which library a module or object name means: anti-virus, engine, else the attack signatures. */
function libraryOf(name: string): Library {
  if (/\bAV\b|AV-|virus|病毒/i.test(name)) return 'virus';
  if (/engine|引擎/i.test(name)) return 'engine';
  return 'signature';
}
const VERSION = /^[\w.-]{1,60}$/;

interface UpdateReader {
  vendor: string;
  detect: RegExp;
  read(line: string): Omit<UpdateLine, 'vendor' | 'at'> | null;
}

const kv = (line: string, key: string) => new RegExp(`(?:^|[\\s(,])${key}=([^,)\\s]+)`, 'i').exec(line)?.[1] ?? null;

const READERS: UpdateReader[] = [
  {
    // %%01UPDATE/6/DOWNLOAD_OK(l):Succeeded in downloading the new version. (SyslogId=1, User=**, IP=**,
    // Module=IPS-SDB, Pre-UpdateVersion=…, DownloadVersion=…, Status=auto-update, Duration(s)=12)
    vendor: 'huawei',
    detect: /%%\d{2}UPDATE\/\d\/(?:DOWNLOAD_OK|SUCCESS|LOAD_OK|UPDATE_OK|INSTALL_OK)\b/,
    read: (line) => {
      const module = kv(line, 'Module');
      const version = kv(line, 'NewVersion') ?? kv(line, 'DownloadVersion') ?? kv(line, 'LoadVersion') ?? kv(line, 'CurrentVersion');
      return module && version ? { library: libraryOf(module), version } : null;
    },
  },
  {
    // EVENT@MGMT: IPS signature database has been updated to version 3.0.190 successfully.
    vendor: 'hillstone',
    detect: /@(?:MGMT|EVENT|SYSTEM):.*(?:signature|database|engine).*updated/i,
    read: (line) => {
      const m =
        /:\s*(.+?)\s+(?:signature database|database|engine)?\s*(?:has been |was |is )?updated to(?: version)?\s+([\w.-]+?)\.?(?:\s|$)/i.exec(
          line,
        );
      return m ? { library: libraryOf(`${m[1]} ${/engine/i.test(line) ? 'engine' : ''}`), version: m[2]! } : null;
    },
  },
  {
    // 日志类型:升级日志, 升级对象:IPS漏洞特征库, 升级前版本:…, 升级后版本:20261201, 升级结果:成功
    vendor: 'sangfor',
    detect: /日志类型[:：]\s*(?:系统)?升级日志/,
    read: (line) => {
      if (/结果[:：]\s*失败/.test(line)) return null;
      const what = /升级(?:对象|内容)[:：]\s*([^,，]+)/.exec(line)?.[1];
      const version = /升级后版本[:：]\s*([^,，\s]+)/.exec(line)?.[1] ?? /(?<!前)版本[:：]\s*([^,，\s]+)/.exec(line)?.[1];
      return what && version ? { library: libraryOf(what), version } : null;
    },
  },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const beijing = (y: number, mo: number, d: number, hms: string) =>
  new Date(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${hms}+08:00`);

/**
 * The time in the line, read as Beijing time: year first (`2026-12-01 03:00:00`), or the syslog header
 * (`Dec  1 2026 03:00:00`, Huawei's; `Dec  1 03:00:00` without a year: the latest such time not after `ref`).
 */
function lineTime(line: string, ref: Date): Date | null {
  const iso = /\b(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(line);
  const bsd = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{1,2})\s+(?:(\d{4})\s+)?(\d{2}:\d{2}:\d{2})/.exec(line);
  let d: Date | null = null;
  if (iso) d = beijing(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4]!);
  else if (bsd) {
    const [mo, day] = [MONTHS.indexOf(bsd[1]!) + 1, Number(bsd[2])];
    const y = bsd[3] ? Number(bsd[3]) : ref.getUTCFullYear();
    d = beijing(y, mo, day, bsd[4]!);
    if (!bsd[3] && d > ref) d = beijing(y - 1, mo, day, bsd[4]!);
  }
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** The update a line reports, or null when it is no (successful) update line. */
export function parseUpdateLine(line: string, ref: Date): UpdateLine | null {
  for (const r of READERS) {
    if (!r.detect.test(line)) continue;
    const u = r.read(line);
    if (!u || !VERSION.test(u.version)) return null;
    return { vendor: r.vendor, ...u, at: lineTime(line, ref) };
  }
  return null;
}

/** Words an update line contains (the events store is searched for these before parsing). */
export const UPDATE_WORDS = ['UPDATE/', 'updated to', '升级日志'] as const;
