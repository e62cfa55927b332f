// Report files written from the public formats (Nessus v2 .nessus, GVM get_reports XML) for the tests:
// the structure the scanners emit, with the hosts and findings a test chooses.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';

export interface SampleItem {
  host: string;
  port: number;
  protocol?: string;
  plugin: string;
  name: string;
  /** Nessus 0–4 / a CVSS score for OpenVAS. */
  severity: number;
  cve?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function nessusFile(hosts: string[], items: SampleItem[]): string {
  const body = hosts
    .map(
      (h) => `  <ReportHost name="${h}">
    <HostProperties><tag name="HOST_START">Mon Mar  4 10:00:00 2024</tag><tag name="host-ip">${h}</tag><tag name="operating-system">Linux Kernel 5.10</tag></HostProperties>
${items
  .filter((i) => i.host === h)
  .map(
    (
      i,
    ) => `    <ReportItem port="${i.port}" svc_name="www" protocol="${i.protocol ?? 'tcp'}" severity="${i.severity}" pluginID="${i.plugin}" pluginName="${esc(i.name)}" pluginFamily="Web Servers">
      <description>${esc(i.name)} &amp; more &lt;details&gt;</description>
      <plugin_name>${esc(i.name)}</plugin_name>
      <risk_factor>High</risk_factor>
      <solution>Upgrade to the latest version.</solution>
      ${i.cve ? `<cve>${i.cve}</cve>` : ''}
      <cvss3_base_score>8.1</cvss3_base_score>
    </ReportItem>`,
  )
  .join('\n')}
  </ReportHost>`,
    )
    .join('\n');
  return `<?xml version="1.0" ?>
<NessusClientData_v2>
<Policy><policyName>Basic Network Scan</policyName></Policy>
<Report name="weekly" xmlns:cm="http://www.nessus.org/cm">
${body}
</Report>
</NessusClientData_v2>
`;
}

export function openvasFile(hosts: string[], items: SampleItem[]): string {
  const results = items
    .map(
      (i, n) => `<result id="r-${n}">
  <name>${esc(i.name)}</name>
  <owner><name>admin</name></owner>
  <host>${i.host}<asset asset_id="a-${n}"/><hostname>host-${n}</hostname></host>
  <port>${i.port ? `${i.port}/${i.protocol ?? 'tcp'}` : 'general/tcp'}</port>
  <nvt oid="${i.plugin}">
    <type>nvt</type><name>${esc(i.name)}</name><family>General</family><cvss_base>${i.severity}</cvss_base>
    <tags>summary=Test|solution_type=VendorFix</tags>
    <solution type="VendorFix">Update the software.</solution>
    <refs>${i.cve ? `<ref type="cve" id="${i.cve}"/>` : ''}<ref type="url" id="https://example.invalid/advisory"/></refs>
  </nvt>
  <threat>High</threat>
  <severity>${i.severity.toFixed(1)}</severity>
  <qod><value>98</value><type>remote_banner</type></qod>
  <description>Installed version: 1.0</description>
  <detection><result id="d-${n}"><details><detail><name>product</name><value>cpe:/a:x</value></detail></details></result></detection>
</result>`,
    )
    .join('\n');
  const hostBlocks = hosts
    .map((h) => `<host><ip>${h}</ip><start>2024-03-04T10:00:00Z</start><end>2024-03-04T10:20:00Z</end></host>`)
    .join('\n');
  return `<report id="7f0c" format_id="a994b278-1f62-11e1-96ac-406186ea4fc5" extension="xml" content_type="text/xml">
<owner><name>admin</name></owner><name>2024-03-04T10:00:00Z</name>
<report id="7f0c"><gmp><version>22.4</version></gmp><scan_run_status>Done</scan_run_status>
<results start="1" max="1000">
${results}
</results>
${hostBlocks}
</report>
</report>
`;
}

/** A TCP listener on 127.0.0.1 that greets like an SSH server, for nmap -sV to find. */
export async function listen(): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((s) => {
    s.on('error', () => {});
    s.end('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

/** Real nmap XML of one port on 127.0.0.1 only (issue 13: nmap scans nothing else). */
export async function nmapXml(port: number): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'nmap',
    ['-sV', '-Pn', '-n', '--version-light', '-p', String(port), '-oX', '-', '127.0.0.1'],
    {
      timeout: 60_000,
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  return stdout;
}

/** An asset of the register with this management IP (inserted directly: the register is not under test). */
export async function assetAt(ctx: Ctx, number: string, ip: string): Promise<string> {
  const now = ctx.now().toISOString();
  const r = await ctx.db.execute<{ id: string }>(sql`
    INSERT INTO assets (number, name, class_code, kind, status, mgmt_ip, created_at, updated_at)
    VALUES (${number}, ${`测试服务器 ${number}`}, 'A02010104', 'server', 'in_use', ${ip}, ${now}::timestamptz, ${now}::timestamptz)
    RETURNING id`);
  return (r as { rows: { id: string }[] }).rows[0]!.id;
}
