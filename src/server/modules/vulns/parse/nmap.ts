// nmap XML (-oX): every open port is an informational finding (its service and version in the title),
// and NSE scripts that report a vulnerability (vuln category: "State: VULNERABLE", or CVE ids as
// vulners prints them) are findings of their own (R-SEC-04). Every host that is up counts as covered.
import type { TSeverity } from '../../../../common/vulns.ts';
import { walkXml } from './xml.ts';
import type { ImportLimits, ParsedFinding, ParsedScan } from './types.ts';
import { addFinding, firstCve } from './common.ts';

interface Port {
  protocol: string;
  port: number;
  open: boolean;
  service: string;
}

export function parseNmap(bytes: Buffer, limits: ImportLimits): ParsedScan {
  const scan: ParsedScan = { scanner: 'nmap', hosts: new Set(), findings: [] };
  let address: string | null = null;
  let up = false;
  let pending: ParsedFinding[] = [];
  let port: Port | null = null;
  const scriptFinding = (id: string, output: string, at: Port | null): void => {
    const vulnerable = /State:\s*(LIKELY\s+)?VULNERABLE/i.test(output);
    const cve = firstCve(output);
    if (!vulnerable && !cve) return;
    // vulners lists CVEs with CVSS scores: the highest one decides; a VULNERABLE state is high.
    const scores = [...output.matchAll(/\b(?:CVE-\d{4}-\d+)\s+(\d+(?:\.\d)?)/g)].map((m) => Number(m[1]));
    const top = scores.length ? Math.max(...scores) : vulnerable ? 7.5 : 5;
    const severity: TSeverity = top >= 9 ? 'critical' : top >= 7 ? 'high' : top >= 4 ? 'medium' : 'low';
    const title = output.split('\n').find((l) => l.trim() && !/^\s*(State|IDs|Risk factor):/i.test(l)) ?? id;
    pending.push({
      address: '',
      port: at?.port ?? null,
      protocol: at?.protocol ?? '',
      pluginId: `nse:${id}`,
      cve,
      title: `${id}: ${title.trim()}`.slice(0, 300),
      severity,
      description: output,
      solution: '',
    });
  };
  walkXml(
    bytes,
    {
      open(name, a, path) {
        if (name === 'host' && path.length === 2) {
          address = null;
          up = false;
          pending = [];
        } else if (name === 'status' && path.at(-2) === 'host') up = a.state === 'up';
        else if (name === 'address' && path.at(-2) === 'host' && (a.addrtype === 'ipv4' || a.addrtype === 'ipv6')) address = a.addr ?? null;
        else if (name === 'port') port = { protocol: a.protocol ?? 'tcp', port: Number(a.portid), open: false, service: '' };
        else if (name === 'state' && port) port.open = a.state === 'open';
        else if (name === 'service' && port)
          port.service = [a.name, a.product, a.version, a.extrainfo ? `(${a.extrainfo})` : ''].filter(Boolean).join(' ');
        else if (name === 'script') {
          // The output attribute is the whole text; the <elem> children repeat it as a table.
          const at = path.at(-2) === 'port' ? port : null;
          scriptFinding(a.id ?? 'script', a.output ?? '', at);
        }
      },
      close(name, _text, path) {
        if (name === 'port' && port) {
          if (port.open && Number.isInteger(port.port))
            pending.push({
              address: '',
              port: port.port,
              protocol: port.protocol,
              pluginId: 'open-port',
              cve: null,
              title: `开放端口 ${port.port}/${port.protocol}${port.service ? `：${port.service}` : ''}`,
              severity: 'info',
              description: port.service,
              solution: '确认该端口确为业务所需；不需要的服务应关闭或以访问控制限制来源。',
            });
          port = null;
        } else if (name === 'host' && path.length === 2) {
          if (address && up) {
            scan.hosts.add(address);
            for (const f of pending) addFinding(scan, { ...f, address }, limits);
          }
          pending = [];
        }
      },
    },
    limits,
  );
  return scan;
}
