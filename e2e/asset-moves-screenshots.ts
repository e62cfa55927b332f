// Screenshots of asset movements, lines, relations and end of support: `node e2e/asset-moves-screenshots.ts`
// against a running server with the demo loaded (BASE_URL, default http://127.0.0.1:8096; DEMO_PASSWORD).
// Files relations, lines, movement requests and an end-of-support case through the API as the contractor
// PM, has the agency decide some, then shoots the pages (desktop 1440×900, phone 390×844) into
// screenshots/moves-*.png.
import { call, launchChromium, newPage, PHONE, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8096';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';

const soft = <T>(p: Promise<T>) => p.catch((e: Error) => (console.log(`    (skipped: ${e.message.slice(0, 160)})`), null));

interface A {
  id: string;
  number: string;
  name: string;
  status: string;
  kind: string;
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const { ctx, page } = await newPage(browser);
    await signInAt(BASE, page, 'pm', PASSWORD);
    const list = await call<{ items: A[] }>(page, 'GET', '/api/assets?pageSize=60');
    const net = list.items.filter((a) => a.kind === 'network' && a.status !== 'retired');
    const sec = list.items.filter((a) => a.kind === 'security' && a.status !== 'retired');
    const srv = list.items.filter((a) => a.kind === 'server' && a.status !== 'retired');
    const [core, acc1, acc2] = net;
    const fw = sec[0];
    const server = srv[0];
    if (!core || !acc1) throw new Error('the demo has no network assets');
    console.log(`  centre asset ${core.number} ${core.name}`);
    // relations around the core switch
    for (const [from, to, kind, fp, tp] of [
      [acc1, core, 'connected_to', 'XGE0/0/49', 'XGE1/0/1'],
      [acc2, core, 'connected_to', 'XGE0/0/49', 'XGE1/0/2'],
      [fw, core, 'connected_to', 'GE0/0/1', 'XGE1/0/24'],
      [server, acc1, 'depends_on', '', ''],
      [acc2, acc1, 'connected_to', 'GE0/0/48', 'GE0/0/48'],
    ] as const)
      if (from && to) await soft(call(page, 'POST', `/api/assets/${from.id}/relations`, { toId: to.id, kind, fromPort: fp, toPort: tp }));
    // lines
    const lines = [
      {
        label: 'XB-F-001',
        kind: 'fiber',
        networkDomain: 'egov',
        fromAssetId: core.id,
        fromPort: 'XGE1/0/1',
        toAssetId: acc1.id,
        toPort: 'XGE0/0/49',
        bandwidth: '10G',
      },
      {
        label: 'XB-F-002',
        kind: 'fiber',
        networkDomain: 'egov',
        fromAssetId: core.id,
        fromPort: 'XGE1/0/2',
        toAssetId: acc2?.id ?? null,
        toPort: 'XGE0/0/49',
        bandwidth: '10G',
      },
      {
        label: 'XB-C-017',
        kind: 'copper',
        networkDomain: 'internet',
        fromAssetId: fw?.id ?? null,
        fromPort: 'GE0/0/1',
        toAssetId: core.id,
        toPort: 'XGE1/0/24',
        bandwidth: '1G',
      },
      {
        label: 'LT-MSTP-0931',
        kind: 'carrier',
        networkDomain: 'ministry',
        carrier: '联通',
        circuitId: 'BJ-MSTP-20210931',
        bandwidth: '200M',
        fromAssetId: fw?.id ?? null,
        fromPort: 'GE0/0/0',
      },
      { label: 'DX-YB-0102', kind: 'carrier', networkDomain: 'medicare', carrier: '电信', circuitId: 'BJ-YB-0102', bandwidth: '100M' },
    ];
    for (const l of lines) await soft(call(page, 'POST', '/api/asset-lines', l));
    // movement requests
    const opts = await call<{ departments: { id: string; name: string }[]; people: { id: string; departmentId: string | null }[] }>(
      page,
      'GET',
      '/api/asset-requests/options',
    );
    const dept = opts.departments.find((d) => d.name.includes('就业')) ?? opts.departments[0];
    const stock = list.items.filter((a) => a.status === 'in_stock' || a.status === 'spare');
    const inUse = list.items.filter((a) => a.status === 'in_use');
    if (stock[0] && dept)
      await soft(
        call(page, 'POST', `/api/assets/${stock[0].id}/requests`, {
          kind: 'assignment',
          payload: { usingDepartmentId: dept.id, custodianPersonId: opts.people.find((p) => p.departmentId === dept.id)?.id ?? null },
          reason: '处室新增会议终端',
        }),
      );
    if (stock[1])
      await soft(
        call(page, 'POST', `/api/assets/${stock[1].id}/requests`, {
          kind: 'receipt',
          payload: { assetCardNumber: 'GZ-2026-0107', originalValue: '48600.00' },
          reason: '新购设备入库',
        }),
      );
    if (inUse[2])
      await soft(
        call(page, 'POST', `/api/assets/${inUse[2].id}/requests`, {
          kind: 'repair',
          payload: { repairer: '厂商售后' },
          reason: '电源模块告警',
        }),
      );
    if (inUse[3])
      await soft(
        call(page, 'POST', `/api/assets/${inUse[3].id}/requests`, {
          kind: 'retirement',
          payload: { method: '报废' },
          reason: '超过使用年限，性能不满足要求',
        }),
      );
    if (acc2)
      await soft(
        call(page, 'POST', `/api/assets/${acc2.id}/requests`, {
          kind: 'transfer',
          payload: { rack: 'A-05', rackUnit: '30' },
          reason: '机柜整理',
        }),
      );
    // end of support
    const due = await call<{ items: { id: string; openCaseId: string | null }[] }>(page, 'GET', '/api/assets/eos?within=365');
    for (const d of due.items.slice(0, 2))
      if (!d.openCaseId) await soft(call(page, 'POST', `/api/assets/${d.id}/eos`, { reason: '厂商公告停止支持，建议纳入明年更换计划' }));

    await page.goto(`${BASE}/assets/lines`);
    await page.getByText('XB-F-001').first().waitFor();
    await shot(page, 'moves-lines');
    await page.goto(`${BASE}/assets/eos`);
    await page.getByText('临近到期').first().waitFor();
    await shot(page, 'moves-eos');
    await page.goto(`${BASE}/assets/requests`);
    await page.getByText('资产变动审批').first().waitFor();
    await shot(page, 'moves-requests-mine');
    await page.goto(`${BASE}/assets/${core.id}`);
    await page.waitForLoadState('networkidle');
    await shot(page, 'moves-asset');
    await ctx.close();

    // the agency's IT department decides and approves an EOS case
    const mgr = await newPage(browser);
    await signInAt(BASE, mgr.page, 'agency.manager', PASSWORD);
    const todo = await call<{ items: { id: string; kind: string }[] }>(mgr.page, 'GET', '/api/asset-requests?todo=true');
    const transfer = todo.items.find((r) => r.kind === 'transfer');
    if (transfer)
      await soft(
        call(mgr.page, 'POST', `/api/asset-requests/${transfer.id}/decide`, { level: 'it', decision: 'approve', comment: '同意' }),
      );
    const recv = todo.items.find((r) => r.kind === 'receipt');
    if (recv)
      await soft(call(mgr.page, 'POST', `/api/asset-requests/${recv.id}/decide`, { level: 'it', decision: 'approve', comment: '' }));
    const cases = await call<{ items: { id: string; stage: string }[] }>(mgr.page, 'GET', '/api/asset-eos?open=true');
    if (cases.items[0]?.stage === 'reported')
      await soft(call(mgr.page, 'POST', `/api/asset-eos/${cases.items[0].id}/advance`, { stage: 'approved', note: '同意更换' }));
    await mgr.page.goto(`${BASE}/assets/requests`);
    await mgr.page.getByText('资产变动审批').first().waitFor();
    await shot(mgr.page, 'moves-requests-todo');
    await mgr.page.goto(`${BASE}/assets/eos`);
    await mgr.page.getByText('处置进度').first().click();
    await mgr.page.waitForLoadState('networkidle');
    const expand = mgr.page.locator('.ant-table-row-expand-icon').first();
    if (await expand.count()) await expand.click();
    await shot(mgr.page, 'moves-eos-cases');
    await mgr.ctx.close();

    // finance and the business department on phones
    const fin = await newPage(browser, PHONE);
    await signInAt(BASE, fin.page, 'agency.finance', PASSWORD);
    await fin.page.goto(`${BASE}/assets/requests`);
    await fin.page.getByText('资产变动审批').first().waitFor();
    await shot(fin.page, 'moves-requests-finance-phone');
    await fin.ctx.close();
    const dp = await newPage(browser, PHONE);
    await signInAt(BASE, dp.page, 'agency.dept', PASSWORD);
    await dp.page.goto(`${BASE}/assets/requests`);
    await dp.page.getByText('资产变动审批').first().waitFor();
    await shot(dp.page, 'moves-requests-dept-phone');
    await dp.ctx.close();
    const eng = await newPage(browser, PHONE);
    await signInAt(BASE, eng.page, 'eng.net', PASSWORD);
    await eng.page.goto(`${BASE}/assets/lines`);
    await eng.page.getByText('XB-F-001').first().waitFor();
    await shot(eng.page, 'moves-lines-phone');
    await eng.page.goto(`${BASE}/assets/eos`);
    await eng.page.getByText('临近到期').first().waitFor();
    await shot(eng.page, 'moves-eos-phone');
    await eng.page.goto(`${BASE}/assets/${core.id}`);
    await eng.page.waitForLoadState('networkidle');
    await shot(eng.page, 'moves-asset-phone');
    await eng.ctx.close();
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
