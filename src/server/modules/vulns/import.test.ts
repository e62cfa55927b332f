// Importing scans (issue 13 point 5): real nmap XML of a port this test opens on 127.0.0.1, Nessus and
// OpenVAS files written from their public formats, CSV with a saved mapping (GBK, as 绿盟 writes it);
// findings matched to assets by management IP, deduplicated across re-imports, and a fixed finding
// verified by the next scan that no longer shows it.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFinding, TImportResult } from '../../../common/vulns.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { assetAt, listen, nessusFile, nmapXml, openvasFile } from './test/samples.ts';

let t: TestApp;
let eng: Agent;
let agency: Agent;
let srv: string;

const upload = (a: Agent, filename: string, content: string | Buffer, fields: Record<string, string> = {}, query = '') =>
  a.upload(`/api/vulns/import${query}`, { filename, content: typeof content === 'string' ? Buffer.from(content) : content, fields });
const imported = async (a: Agent, filename: string, content: string | Buffer, fields: Record<string, string> = {}) => {
  const r = await upload(a, filename, content, fields);
  expect(r.statusCode, r.body).toBe(201);
  return json<TImportResult>(r);
};
const findings = async (a: Agent, query: string) => json<{ items: TFinding[]; total: number }>(await a.get(`/api/vulns/findings?${query}`));

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.sec', ['engineer'], { serviceLines: ['SEC'] });
  agency = await t.userAgent('agency.sec', ['agency_contact']);
  srv = await assetAt(t.ctx, 'SRV-TEST-1', '192.0.2.10');
});
afterAll(() => t?.close());

describe('nmap XML from a real scan of 127.0.0.1', () => {
  it('reads the open port and its service as a finding, detected without a format', async () => {
    const l = await listen();
    try {
      const xml = await nmapXml(l.port);
      expect(xml).toContain('<nmaprun');
      const res = await imported(eng, 'nmap-local.xml', xml);
      expect(res).toMatchObject({ format: 'nmap', scanner: 'nmap', new: 1, updated: 0, closed: 0, hosts: 1, unmatched: ['127.0.0.1'] });
      const list = await findings(agency, 'address=127.0.0.1');
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({ port: l.port, protocol: 'tcp', severity: 'info', state: 'open', assetId: null, dueDate: null });
      expect(list.items[0]!.title).toMatch(new RegExp(`^开放端口 ${l.port}/tcp`));
      // The same scan again: the same finding, updated, not a duplicate.
      const again = await imported(eng, 'nmap-local.xml', xml, { format: 'nmap' });
      expect(again).toMatchObject({ new: 0, updated: 1 });
      expect((await findings(agency, 'address=127.0.0.1')).total).toBe(1);
    } finally {
      await l.close();
    }
  }, 90_000);
});

describe('Nessus and OpenVAS', () => {
  const hosts = ['192.0.2.10', '192.0.2.99'];
  const items = [
    {
      host: '192.0.2.10',
      port: 443,
      plugin: '42873',
      name: 'SSL Medium Strength Cipher Suites Supported (SWEET32)',
      severity: 3,
      cve: 'CVE-2016-2183',
    },
    { host: '192.0.2.10', port: 22, plugin: '90317', name: 'SSH Weak Algorithms Supported', severity: 2 },
    { host: '192.0.2.99', port: 80, plugin: '11219', name: 'Nessus SYN scanner', severity: 0 },
  ];

  it('matches findings to the asset by management IP, lists the unmatched address, and dedups re-imports', async () => {
    const first = await imported(eng, 'weekly.nessus', nessusFile(hosts, items));
    expect(first).toMatchObject({
      format: 'nessus',
      new: 3,
      updated: 0,
      closed: 0,
      hosts: 2,
      unmatched: ['192.0.2.99'],
      unmatchedCount: 1,
    });
    const onAsset = await findings(agency, `assetId=${srv}`);
    expect(onAsset.total).toBe(2);
    const sweet = onAsset.items.find((f) => f.cve === 'CVE-2016-2183')!;
    expect(sweet).toMatchObject({
      severity: 'high',
      port: 443,
      protocol: 'tcp',
      assetNumber: 'SRV-TEST-1',
      pluginId: '42873',
      state: 'open',
    });
    expect(sweet.description).toContain('& more <details>'); // entities of XML itself are read
    expect((await findings(agency, 'unmatched=true')).items.map((f) => f.address)).toContain('192.0.2.99');

    const again = await imported(eng, 'weekly.nessus', nessusFile(hosts, items));
    expect(again).toMatchObject({ new: 0, updated: 3, closed: 0 });
    expect((await findings(agency, 'address=192.0.2.10')).total).toBe(2);
  });

  it('verifies a fixed finding when the next scan of the address no longer shows it', async () => {
    const ssh = (await findings(eng, 'address=192.0.2.10&severity=medium')).items[0]!;
    expect((await eng.post(`/api/vulns/findings/${ssh.id}/state`, { action: 'start' })).statusCode).toBe(200);
    const fixed = json<TFinding>(await eng.post(`/api/vulns/findings/${ssh.id}/state`, { action: 'fixed' }));
    expect(fixed).toMatchObject({ state: 'fixed', verifiedAt: null });
    // Next week the SSH finding is gone, the SWEET32 one stays; 192.0.2.99 is not in this scan.
    const res = await imported(eng, 'next.nessus', nessusFile(['192.0.2.10'], [items[0]!]));
    expect(res).toMatchObject({ new: 0, updated: 1, closed: 1, notSeen: 0 });
    const after = json<TFinding>(await eng.get(`/api/vulns/findings/${ssh.id}`));
    expect(after.state).toBe('verified');
    expect(after.verifiedAt).toBeTruthy();
    // It comes back a month later: open again, with a new due date.
    const back = await imported(eng, 'later.nessus', nessusFile(['192.0.2.10'], items.slice(0, 2)));
    expect(back).toMatchObject({ new: 0, updated: 2, reopened: 1 });
    expect(json<TFinding>(await eng.get(`/api/vulns/findings/${ssh.id}`))).toMatchObject({ state: 'open', verifiedAt: null });
  });

  it('reads OpenVAS results (numeric severity, CVE refs, general/tcp) and merges a CVE Nessus also found', async () => {
    const res = await imported(
      eng,
      'gvm-report.xml',
      openvasFile(
        ['192.0.2.10', '192.0.2.20'],
        [
          {
            host: '192.0.2.10',
            port: 443,
            plugin: '1.3.6.1.4.1.25623.1.0.108031',
            name: 'SSL/TLS: Report Vulnerable Cipher Suites',
            severity: 7.5,
            cve: 'CVE-2016-2183',
          },
          { host: '192.0.2.20', port: 0, plugin: '1.3.6.1.4.1.25623.1.0.105937', name: 'OS End Of Life Detection', severity: 10 },
          {
            host: '192.0.2.20',
            port: 161,
            protocol: 'udp',
            plugin: '1.3.6.1.4.1.25623.1.0.103914',
            name: 'SNMP Default Community',
            severity: 5.0,
          },
        ],
      ),
    );
    // The nested detection <result> is not a finding; the SWEET32 CVE on 192.0.2.10:443 is Nessus's finding.
    expect(res).toMatchObject({ format: 'openvas', new: 2, updated: 1, hosts: 2 });
    const other = await findings(agency, 'address=192.0.2.20&sort=severity');
    expect(other.items.map((f) => [f.severity, f.port, f.protocol])).toEqual([
      ['critical', null, 'tcp'],
      ['medium', 161, 'udp'],
    ]);
    expect((await findings(agency, 'address=192.0.2.10&q=CVE-2016-2183')).total).toBe(1);
  });
});

describe('CSV and Excel exports of Chinese scanners', () => {
  it('reads a GBK CSV through the mapping saved for the scanner', async () => {
    const mapping = {
      scanner: '绿盟RSAS',
      columns: { address: '主机地址', title: '漏洞名称', severity: '危险程度', port: '服务端口', cve: 'CVE编号', solution: '解决办法' },
      severityWords: { 高: 'high', 中: 'medium', 低: 'low' },
    };
    const put = await eng.put('/api/vulns/mappings', mapping);
    expect(put.statusCode, put.body).toBe(200);
    const csv = [
      '主机地址,服务端口,漏洞名称,危险程度,CVE编号,解决办法',
      '192.0.2.30,3306,"MySQL 弱口令, 可远程登录",高,,修改口令',
      '192.0.2.30,80,Apache HTTP Server 路径穿越,中,CVE-2021-41773,升级至 2.4.51',
    ].join('\r\n');
    const res = await imported(eng, 'rsas.csv', iconv.encode(csv, 'gbk'), { format: 'csv', scanner: '绿盟RSAS' });
    expect(res).toMatchObject({ format: 'csv', scanner: 'csv:绿盟RSAS', new: 2, hosts: 1 });
    const list = await findings(agency, 'address=192.0.2.30&sort=severity');
    expect(list.items.map((f) => [f.title, f.severity, f.port, f.cve])).toEqual([
      ['MySQL 弱口令, 可远程登录', 'high', 3306, null],
      ['Apache HTTP Server 路径穿越', 'medium', 80, 'CVE-2021-41773'],
    ]);
    expect((await eng.get('/api/vulns/mappings')).json()).toEqual([mapping]);
  });

  it('refuses a CSV whose headers the mapping does not name, with a Chinese message', async () => {
    const r = await upload(eng, 'x.csv', 'a,b\n1,2\n', { format: 'csv' });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ detail: string }>().detail).toMatch(/表头缺少地址、漏洞名称、风险等级/);
  });

  it('exports the filtered board as Excel, and agency roles cannot import', async () => {
    const x = await agency.get('/api/vulns/findings/export?severity=high');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    expect((await upload(agency, 'weekly.nessus', nessusFile(['192.0.2.10'], []))).statusCode).toBe(403);
  });
});
