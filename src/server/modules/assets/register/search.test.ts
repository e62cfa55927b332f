// The register's free-text search (issue 11 point 12) through GET /api/assets?q=, on both databases,
// with Chinese data: vendor in any writing, model, serial, IP, building, floor, room and site;
// spaces ignored inside a term (4层 = 4 层), several terms all required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAsset } from '../../../../common/assets.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { roomStore, siteStore } from '../../org/service.ts';
import { insertAsset } from './assets.fixture.ts';

let t: TestApp;
let reader: Agent;
beforeAll(async () => {
  t = await testApp();
  reader = await t.userAgent('dept.s', ['agency_dept']);
  const west = await siteStore.create(t.ctx, { code: 'west', name: '西办公区', address: '' });
  const lq = await siteStore.create(t.ctx, { code: 'lq', name: '六里桥办公区', address: '' });
  const monitor = await roomStore.create(t.ctx, {
    siteId: west.id,
    code: 'w-mon',
    name: '监控中心',
    building: '主楼',
    floor: '4',
    purpose: '',
  });
  const dc = await roomStore.create(t.ctx, { siteId: lq.id, code: 'lq-dc', name: '中心机房', building: 'B座', floor: '2 层', purpose: '' });
  const base = { classCode: 'A02010202', kind: 'network', status: 'in_use' };
  await insertAsset(t.ctx, {
    ...base,
    number: 'SW-0001',
    name: '四层汇聚交换机',
    vendor: '华为',
    model: 'S5735-L48T4X',
    serial: '2102351HLS10M5000123',
    mgmtIp: '10.16.4.1',
    siteId: west.id,
    roomId: monitor.id,
  });
  await insertAsset(t.ctx, {
    ...base,
    number: 'SW-0002',
    name: '接入交换机',
    vendor: 'Huawei',
    model: 'S5720-28X',
    siteId: lq.id,
    floor: '4 层',
  });
  await insertAsset(t.ctx, {
    ...base,
    number: 'SW-0003',
    name: '核心交换机',
    vendor: 'HUAWEI',
    model: 'CE6881',
    siteId: lq.id,
    roomId: dc.id,
  });
  await insertAsset(t.ctx, {
    ...base,
    number: 'SW-0004',
    name: '楼层交换机',
    vendor: '新华三',
    model: 'S5130',
    siteId: west.id,
    building: '主楼',
    floor: '4',
  });
  await insertAsset(t.ctx, { ...base, number: 'FW-0001', name: '防火墙', vendor: '深信服', model: 'AF-1000', mgmtIp: '10.16.9.2' });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const find = async (q: string) => {
  const r = await reader.get(`/api/assets?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(r.statusCode, r.body).toBe(200);
  return json<{ items: TAsset[]; total: number }>(r)
    .items.map((a) => a.number)
    .sort();
};

describe('asset search (issue 11 point 12)', () => {
  it('finds a maker in every writing the register holds', async () => {
    const huawei = ['SW-0001', 'SW-0002', 'SW-0003'];
    expect(await find('华为')).toEqual(huawei);
    expect(await find('huawei')).toEqual(huawei);
    expect(await find('HuaWei')).toEqual(huawei);
    expect(await find('h3c')).toEqual(['SW-0004']);
    expect(await find('深信服')).toEqual(['FW-0001']);
  });

  it('finds by model, serial and IP fragments', async () => {
    expect(await find('S5735')).toEqual(['SW-0001']);
    expect(await find('s57')).toEqual(['SW-0001', 'SW-0002']);
    expect(await find('HLS10M5')).toEqual(['SW-0001']);
    expect(await find('10.16.9.')).toEqual(['FW-0001']);
  });

  it('finds a floor with or without a space, on the asset or through its room', async () => {
    const fourth = ['SW-0001', 'SW-0002', 'SW-0004']; // room on floor 4; floor "4 层"; floor "4"
    expect(await find('4层')).toEqual(fourth);
    expect(await find('2层')).toEqual(['SW-0003']); // the room's floor is written "2 层"
    // "4 层" is two terms, both required: 4 and 层 — the same assets, and those with a 4 elsewhere.
    expect(await find('4 层')).toEqual(expect.arrayContaining(fourth));
  });

  it('finds by room and site name, and by building', async () => {
    expect(await find('监控中心')).toEqual(['SW-0001']);
    expect(await find('中心机房')).toEqual(['SW-0003']);
    expect(await find('六里桥')).toEqual(['SW-0002', 'SW-0003']);
    expect(await find('西办公区')).toEqual(['SW-0001', 'SW-0004']);
    expect(await find('主楼')).toEqual(['SW-0001', 'SW-0004']);
  });

  it('requires every term (AND), in any order', async () => {
    expect(await find('华为 4层')).toEqual(['SW-0001', 'SW-0002']);
    expect(await find('4层 华为')).toEqual(['SW-0001', 'SW-0002']);
    expect(await find('huawei 六里桥 核心')).toEqual(['SW-0003']);
    expect(await find('西办公区 新华三')).toEqual(['SW-0004']);
    expect(await find('华为 深信服')).toEqual([]);
    expect(await find('  交换机　 华为  ')).toEqual(['SW-0001', 'SW-0002', 'SW-0003']); // ideographic space too
  });

  it('takes wildcards and quotes literally', async () => {
    expect(await find('%')).toEqual([]);
    expect(await find('_')).toEqual([]);
    expect(await find("'")).toEqual([]);
  });
});
