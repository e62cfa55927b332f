// Security operations evidence for the reports (R-SEC-03/07): signature updates recorded in the period
// and the responses done in it by kind, with those verified effective.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryOf } from '../../site.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { secResponses, secSignatureUpdates } from './tables.ts';

let t: TestApp;
const at = (s: string) => new Date(`${s}+08:00`);
const asset = randomUUID();

beforeAll(async () => {
  t = await testApp();
  const update = (updatedAt: string) => ({
    assetId: asset,
    engineVersion: '1',
    signatureVersion: updatedAt,
    virusVersion: '',
    updatedAt: at(updatedAt),
    source: 'manual',
    byName: '王五',
  });
  await t.ctx.db
    .insert(secSignatureUpdates)
    .values([update('2026-11-02T09:00:00'), update('2026-11-09T09:00:00'), update('2026-10-26T09:00:00')]);
  const response = (kind: string, doneAt: string, verifyResult: string | null) => ({
    alertId: randomUUID(),
    kind,
    assetId: asset,
    assetName: '防火墙',
    detail: '封禁源地址',
    doneByName: '王五',
    doneAt: at(doneAt),
    verifyResult,
    createdAt: at(doneAt),
  });
  await t.ctx.db
    .insert(secResponses)
    .values([
      response('firewall_policy', '2026-11-03T10:00:00', 'effective'),
      response('firewall_policy', '2026-11-04T10:00:00', null),
      response('port_block', '2026-11-05T10:00:00', 'ineffective'),
      response('port_block', '2026-12-01T10:00:00', 'effective'),
    ]);
});
afterAll(async () => t?.close());

it('counts November’s signature updates and responses by kind, verified effective', async () => {
  const e = registryOf().evidence.get('secops.signature_currency')!;
  const r = await e.read(t.ctx, e.params.parse({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }));
  expect(r).toMatchObject({
    updates: 2,
    responses: [
      { kind: 'firewall_policy', done: 2, verified: 1 },
      { kind: 'port_block', done: 1, verified: 0 },
    ],
  });
});
