// OpenVAS / GVM report XML (get_reports, format XML): <results><result> with host, port "443/tcp" or
// "general/tcp", nvt oid, name, CVE refs, solution, threat and a numeric severity; the report's own
// <host><ip> entries are the covered hosts (R-SEC-04). Results nested under <detection> are details
// of another result, not findings.
import { walkXml } from './xml.ts';
import type { ImportLimits, ParsedFinding, ParsedScan } from './types.ts';
import { addFinding, isAddress, portOf, severityOf, severityOfScore } from './common.ts';

export function parseOpenvas(bytes: Buffer, limits: ImportLimits): ParsedScan {
  const scan: ParsedScan = { scanner: 'openvas', hosts: new Set(), findings: [] };
  let r: (ParsedFinding & { score: number | null; threat: string }) | null = null;
  let depth = 0; // the depth of the open <result> in <results>
  const blank = (): NonNullable<typeof r> => ({
    address: '',
    port: null,
    protocol: '',
    pluginId: '',
    cve: null,
    title: '',
    severity: 'info',
    description: '',
    solution: '',
    score: null,
    threat: '',
  });
  walkXml(
    bytes,
    {
      open(name, a, path) {
        if (name === 'result' && path.at(-2) === 'results') {
          r = blank();
          depth = path.length;
        } else if (r && name === 'nvt' && path.length === depth + 1) r.pluginId = a.oid ?? '';
        else if (r && name === 'ref' && a.type?.toLowerCase() === 'cve' && path.length === depth + 3)
          r.cve ??= (a.id ?? '').toUpperCase() || null;
      },
      close(name, text, path) {
        if (path.at(-2) === 'host' && name === 'ip' && path.at(-3) === 'report' && isAddress(text)) scan.hosts.add(text);
        if (!r) return;
        const level = path.length - depth; // 1: a child of <result>, 2: a child of <nvt>
        if (level === 1 && name === 'host') r.address = text;
        else if (level === 1 && name === 'port') Object.assign(r, portOf(text));
        else if (level === 1 && name === 'name') r.title ||= text.slice(0, 300);
        else if (level === 2 && name === 'name' && path.at(-2) === 'nvt') r.title = text.slice(0, 300);
        else if (level === 1 && name === 'threat') r.threat = text;
        else if (level === 1 && name === 'severity') r.score = text === '' ? null : Number(text);
        else if (level === 1 && name === 'description') r.description = text;
        else if (level === 2 && name === 'solution' && path.at(-2) === 'nvt') r.solution = text;
        else if (level === 0 && name === 'result') {
          const f = r;
          r = null;
          if (!isAddress(f.address) || !f.pluginId) return;
          // A numeric severity is the NVT's CVSS; the threat word is the fallback (a log result is info).
          f.severity =
            f.score !== null && Number.isFinite(f.score) && f.score >= 0 ? severityOfScore(f.score) : (severityOf(f.threat) ?? 'info');
          const { score: _s, threat: _t, ...finding } = f;
          scan.hosts.add(finding.address);
          addFinding(scan, finding, limits);
        }
      },
    },
    limits,
  );
  return scan;
}
