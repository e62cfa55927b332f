// Nessus v2 (.nessus): ReportHost (its host-ip property, else its name) holding ReportItems with
// pluginID, severity 0–4, port/protocol, cve, description and solution (R-SEC-04). Every ReportHost is
// covered.
import type { TSeverity } from '../../../../common/vulns.ts';
import { walkXml } from './xml.ts';
import type { ImportLimits, ParsedFinding, ParsedScan } from './types.ts';
import { addFinding, isAddress } from './common.ts';

const LEVELS: TSeverity[] = ['info', 'low', 'medium', 'high', 'critical'];

export function parseNessus(bytes: Buffer, limits: ImportLimits): ParsedScan {
  const scan: ParsedScan = { scanner: 'nessus', hosts: new Set(), findings: [] };
  let hostName = '';
  let hostIp = '';
  let items: ParsedFinding[] = [];
  let item: ParsedFinding | null = null;
  let tagName = '';
  walkXml(
    bytes,
    {
      open(name, a) {
        if (name === 'ReportHost') {
          hostName = a.name ?? '';
          hostIp = '';
          items = [];
        } else if (name === 'tag') tagName = a.name ?? '';
        else if (name === 'ReportItem') {
          const port = Number(a.port);
          item = {
            address: '',
            port: Number.isInteger(port) && port > 0 && port <= 65535 ? port : null,
            protocol: (a.protocol ?? '').toLowerCase(),
            pluginId: a.pluginID ?? '',
            cve: null,
            title: (a.pluginName ?? a.pluginID ?? '').slice(0, 300),
            severity: LEVELS[Number(a.severity)] ?? 'info',
            description: '',
            solution: '',
          };
        }
      },
      close(name, text) {
        if (name === 'tag' && tagName === 'host-ip') hostIp = text;
        else if (item && name === 'cve') item.cve ??= text.toUpperCase();
        else if (item && name === 'description') item.description = text;
        else if (item && name === 'solution') item.solution = text;
        else if (item && name === 'plugin_name' && !item.title) item.title = text.slice(0, 300);
        else if (name === 'ReportItem' && item) {
          if (item.pluginId) items.push(item);
          item = null;
        } else if (name === 'ReportHost') {
          const address = hostIp || hostName;
          if (!isAddress(address)) return;
          scan.hosts.add(address);
          for (const f of items) addFinding(scan, { ...f, address }, limits);
          items = [];
        }
      },
    },
    limits,
  );
  return scan;
}
