// Hostile and broken imports (issue 13, bad input): XXE and billion laughs refused before any entity is
// read or expanded, malformed XML a 4xx with a Chinese message and nothing stored, and a 100k-finding
// file imported with bounded memory and exactly its rows.
import { createServer } from 'node:http';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TImportResult } from '../../../common/vulns.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { parseReport } from './parse/index.ts';
import { IMPORT_LIMITS } from './parse/types.ts';
import { vulnFindings, vulnScans } from './tables.ts';
import { nessusFile } from './test/samples.ts';

let t: TestApp;
let eng: Agent;

beforeAll(async () => {
  t = await testApp({ uploadMaxMb: 64 });
  eng = await t.userAgent('eng.sec', ['engineer'], { serviceLines: ['SEC'] });
});
afterAll(() => t?.close());

const rows = async () => ({
  scans: Number((await t.ctx.db.select({ n: count() }).from(vulnScans))[0]!.n),
  findings: Number((await t.ctx.db.select({ n: count() }).from(vulnFindings))[0]!.n),
});
const send = (filename: string, content: string, fields: Record<string, string> = {}) =>
  eng.upload('/api/vulns/import', { filename, content: Buffer.from(content), fields });

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE nmaprun [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n ')}
]>
<nmaprun><host><status state="up"/><address addr="192.0.2.1" addrtype="ipv4"/><ports><port protocol="tcp" portid="80"><state state="open"/><service name="&lol9;"/></port></ports></host></nmaprun>`;

describe('XML that would read files or expand entities', () => {
  it('refuses XXE (file and network) and billion laughs without reading or expanding anything', async () => {
    let fetched = 0;
    const http = createServer((_q, s) => {
      fetched++;
      s.end('<!ENTITY x "pwned">');
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const port = (http.address() as { port: number }).port;
    try {
      const before = await rows();
      const files = {
        'xxe-file.nessus': `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><NessusClientData_v2><Report><ReportHost name="192.0.2.1"><ReportItem port="1" protocol="tcp" severity="1" pluginID="1" pluginName="&xxe;"/></ReportHost></Report></NessusClientData_v2>`,
        'xxe-dtd.xml': `<?xml version="1.0"?><!DOCTYPE nmaprun SYSTEM "http://127.0.0.1:${port}/evil.dtd"><nmaprun/>`,
        'xxe-param.xml': `<?xml version="1.0"?><!DOCTYPE nmaprun [<!ENTITY % ext SYSTEM "http://127.0.0.1:${port}/p.dtd"> %ext;]><nmaprun/>`,
        'laughs.xml': LAUGHS,
      };
      for (const [name, body] of Object.entries(files)) {
        const r = await send(name, body);
        expect(r.statusCode, name).toBe(400);
        expect(r.headers['content-type']).toMatch(/problem\+json/);
        const problem = r.json<{ code: string; detail: string }>();
        expect(problem.code).toBe('vulns.xml_doctype');
        expect(problem.detail).toMatch(/拒绝解析/);
        expect(r.body).not.toContain('root:'); // nothing of /etc/passwd
        expect(r.body).not.toContain('lollol');
      }
      // An entity reference with no DOCTYPE at all is simply malformed.
      const bare = await send('bare.xml', '<nmaprun><host><address addr="192.0.2.1" addrtype="ipv4"/>&lol9;</host></nmaprun>', {
        format: 'nmap',
      });
      expect(bare.statusCode).toBe(400);
      expect(bare.json<{ code: string }>().code).toBe('vulns.xml_invalid');
      expect(fetched).toBe(0);
      expect(await rows()).toEqual(before);
    } finally {
      await new Promise((r) => http.close(r));
    }
  });

  it('answers malformed XML with 4xx, where it broke, and stores nothing', async () => {
    const before = await rows();
    const cases = [
      nessusFile(['192.0.2.5'], [{ host: '192.0.2.5', port: 22, plugin: '1', name: 'x', severity: 2 }]).replace('</ReportHost>', ''),
      '<NessusClientData_v2><Report><ReportHost name="192.0.2.5"><ReportItem port="1" severity="2" pluginID="1"></Report>',
      '<?xml version="1.0"?><report><results><result><host>192.0.2.5</host><port>80/tcp</port><nvt oid="1"></nvt></result></results></report><report/>',
      '<nmaprun><host',
    ];
    for (const body of cases) {
      const r = await send('broken.xml', body);
      expect(r.statusCode, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      expect(r.json<{ detail: string }>().detail).toMatch(/导入文件|无法识别/);
    }
    const unknown = await send('notes.xml', '<notes><note>hello</note></notes>');
    expect(unknown.json<{ code: string }>().code).toBe('vulns.format_unknown');
    expect(await rows()).toEqual(before);
  });

  it('caps findings, elements and depth while streaming', async () => {
    const limits = { ...IMPORT_LIMITS, maxFindings: 10, maxElements: 10_000, maxDepth: 20 };
    const many = nessusFile(
      ['192.0.2.5'],
      Array.from({ length: 11 }, (_, i) => ({ host: '192.0.2.5', port: 1000 + i, plugin: String(i), name: 'x', severity: 1 })),
    );
    await expect(parseReport(Buffer.from(many), { mapping: null, scanner: 'x', limits })).rejects.toMatchObject({
      code: 'vulns.too_large',
    });
    const deep = `<nmaprun>${'<a>'.repeat(30)}${'</a>'.repeat(30)}</nmaprun>`;
    await expect(parseReport(Buffer.from(deep), { mapping: null, scanner: 'x', limits })).rejects.toMatchObject({
      code: 'vulns.xml_invalid',
    });
    const wide = `<nmaprun>${'<a/>'.repeat(10_001)}</nmaprun>`;
    await expect(parseReport(Buffer.from(wide), { mapping: null, scanner: 'x', limits })).rejects.toMatchObject({
      code: 'vulns.too_large',
    });
  });
});

describe('a 100k-finding import', () => {
  it('completes with exactly its findings, in batches, with bounded memory', async () => {
    const hosts = Array.from({ length: 500 }, (_, i) => `198.51.${100 + (i >> 8)}.${i & 255}`);
    // 200 findings per host, written compactly: 100,000 ReportItems.
    const parts = ['<?xml version="1.0"?><NessusClientData_v2><Report name="big">'];
    for (const h of hosts) {
      parts.push(`<ReportHost name="${h}">`);
      for (let p = 0; p < 200; p++)
        parts.push(`<ReportItem port="${1000 + p}" protocol="tcp" severity="${p % 5}" pluginID="${50000 + p}" pluginName="Check ${p}"/>`);
      parts.push('</ReportHost>');
    }
    parts.push('</Report></NessusClientData_v2>');
    const body = parts.join('');
    const before = await rows();
    const heap = process.memoryUsage().heapUsed;
    const r = await send('big.nessus', body);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(201);
    expect(json<TImportResult>(r)).toMatchObject({ new: 100_000, updated: 0, findings: 100_000, hosts: 500, unmatchedCount: 500 });
    expect(json<TImportResult>(r).unmatched).toHaveLength(200); // listed up to 200, counted in full
    const after = await rows();
    expect(after.findings - before.findings).toBe(100_000);
    expect(after.scans - before.scans).toBe(1);
    // Well under what a DOM of the file and 100k rows in one statement would take.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(400 * 1024 * 1024);
  }, 120_000);
});
