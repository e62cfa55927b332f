// Demo data (issue 13 point 10): the security engineer `eng.sec` imported the weekly Nessus scan of the
// security and server zones eight days ago (through the import a user runs, so matching, dedup and due
// dates are the real ones). The demo assets' management IPs appear only as data, never contacted. The
// story left behind: two findings past their due date, one being fixed, one fixed awaiting the next
// scan, a false-positive request awaiting the agency, a hardening plan and a pentest report.
import type { Ctx } from '../../kernel/context.ts';
import { as } from '../../demo/actors.ts';
import { requestException, moveFinding } from './flow.ts';
import { listFindings } from './findings.ts';
import { importScan } from './import.ts';
import { createHardening, createPentest, createPlan } from './plans.ts';

const DAY = 86_400_000;

/** [address, port, pluginID, name, Nessus severity 0–4, CVE] — demo devices plus one address no asset has. */
const ITEMS: [string, number, string, string, number, string?][] = [
  ['10.9.0.1', 443, '187896', 'OpenSSL 3.0.x < 3.0.12 多个漏洞', 4, 'CVE-2023-5678'],
  ['10.9.0.1', 22, '70658', 'SSH 服务器支持 CBC 模式加密算法', 1],
  ['10.9.0.2', 443, '35291', 'SSL 证书使用弱哈希算法签名', 2],
  ['10.9.0.2', 161, '41028', 'SNMP 使用默认团体名 public', 3, 'CVE-1999-0517'],
  ['10.9.1.10', 8443, '142960', 'Apache Tomcat 9.0.x < 9.0.83 请求走私漏洞', 3, 'CVE-2023-46589'],
  ['10.9.1.10', 3389, '18405', '远程桌面服务中间人攻击风险', 2],
  ['10.9.1.20', 443, '156164', 'Apache Log4j 2.x < 2.16.0 远程代码执行（Log4Shell）', 4, 'CVE-2021-44228'],
  ['10.9.1.20', 80, '10107', 'HTTP 服务器类型与版本信息泄露', 0],
  ['10.9.0.5', 443, '42873', 'SSL 支持中等强度加密套件', 2],
  ['10.9.0.8', 23, '42263', 'Telnet 服务未加密', 3],
  ['10.9.3.77', 445, '57608', 'SMB 未强制签名', 2],
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function nessusReport(): string {
  const hosts = [...new Set(ITEMS.map((i) => i[0]))];
  const body = hosts.map((h) => {
    const items = ITEMS.filter((i) => i[0] === h).map(
      ([, port, plugin, name, sev, cve]) =>
        `<ReportItem port="${port}" protocol="${port === 161 ? 'udp' : 'tcp'}" severity="${sev}" pluginID="${plugin}" pluginName="${esc(name)}">` +
        `<description>${esc(name)}。</description><solution>升级到厂商发布的修复版本，或按加固基线调整配置。</solution>${cve ? `<cve>${cve}</cve>` : ''}</ReportItem>`,
    );
    return `<ReportHost name="${h}"><HostProperties><tag name="host-ip">${h}</tag></HostProperties>${items.join('')}</ReportHost>`;
  });
  return `<?xml version="1.0" ?><NessusClientData_v2><Report name="安全区与服务器区周扫描">${body.join('')}</Report></NessusClientData_v2>`;
}

export async function loadVulnDemo(ctx: Ctx): Promise<void> {
  const now = ctx.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const sec = await as(ctx, 'eng.sec', at(8));
  const plan = await createPlan(sec, {
    name: '安全区与服务器区周扫描',
    range: '10.9.0.0/16',
    cadence: 'weekly',
    firstDue: at(8).toISOString().slice(0, 10),
  });
  await importScan(sec, { fileName: 'weekly-security-zone.nessus', bytes: Buffer.from(nessusReport()), format: 'nessus', planId: plan.id });

  const { items } = await listFindings(sec, { page: 1, pageSize: 100 });
  const byPlugin = (p: string) => items.find((f) => f.pluginId === p)!;
  await moveFinding(await as(ctx, 'eng.sec', at(6)), byPlugin('142960').id, { action: 'start', note: '已联系厂商获取补丁' });
  await moveFinding(await as(ctx, 'eng.sec', at(3)), byPlugin('42263').id, { action: 'fixed', note: '已关闭 Telnet，改用 SSH' });
  await requestException(await as(ctx, 'eng.sec', at(2)), byPlugin('42873').id, {
    kind: 'false_positive',
    reason: '该端口为 IPS 管理口，仅允许运维网段访问，扫描器误识别了加密套件',
  });
  await createHardening(await as(ctx, 'eng.sec', at(5)), {
    name: '防火墙与日志审计加固（第一批）',
    dueDate: at(-10).toISOString().slice(0, 10),
    findingIds: [byPlugin('187896').id, byPlugin('70658').id, byPlugin('156164').id],
  });
  await createPentest(await as(ctx, 'eng.sec', at(4)), {
    title: '门户网站渗透测试',
    tester: '第三方安全服务商',
    testedOn: at(5).toISOString().slice(0, 10),
    summary: '外网门户的授权渗透测试，发现 2 个问题。',
    findings: [
      { address: '10.9.1.10', port: 8443, protocol: 'tcp', title: '管理后台存在弱口令', severity: 'high' },
      { address: '10.9.1.10', port: 8443, protocol: 'tcp', title: '登录接口未限制失败次数', severity: 'medium' },
    ],
  });
}
