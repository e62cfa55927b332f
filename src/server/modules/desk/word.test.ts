// Word export of the 运维单 and of one fault-flow document (R-SD-05): a real .docx, unzipped and read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { LightMyRequestResponse } from 'fastify';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TTicket } from '../../../common/desk.ts';
import { contractStore, lineStore } from '../contract/service.ts';
import { partyStore, roomStore, siteStore } from '../org/service.ts';
import { fmtTime } from './word.ts';
import { count, eq } from 'drizzle-orm';
import { auditLog } from '../../kernel/db/tables.ts';

let t: TestApp;
let duty: Agent;
let eng: Agent;
let contact: Agent;
let staff: Agent;
let tk: TTicket;

beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2021-10-12T02:00:00Z')) });
  // The 2021 contract's parties and NET line, entered as the contract module would.
  const agency = await partyStore.create(t.ctx, { kind: 'agency', name: '北京市人力资源和社会保障局' });
  const contractor = await partyStore.create(t.ctx, { kind: 'contractor', name: '北京国信博飞科技发展有限公司' });
  const c = await contractStore.create(t.ctx, {
    number: 'BJRBJ2021010',
    title: '网络安全支持服务运行维护等（2021 年度）',
    agencyId: agency.id,
    contractorId: contractor.id,
    totalFee: 1550000,
  });
  await lineStore.create(t.ctx, {
    contractId: c.id,
    code: 'NET',
    name: '办公楼网络管理运行维护',
    periodStart: '2021-09-04',
    periodEnd: '2022-09-03',
    fee: 476000,
    hoursProfile: '7x24',
  });
  const site = await siteStore.create(t.ctx, { code: 'LLQ', name: '六里桥办公区' });
  const room = await roomStore.create(t.ctx, { siteId: site.id, code: 'LLQ-3F-RD', name: '三层弱电间' });
  duty = await t.userAgent('duty.op', ['duty_operator']);
  eng = await t.userAgent('eng.net1', ['engineer'], { serviceLines: ['NET'] });
  contact = await t.userAgent('agency.tech', ['agency_contact']);
  staff = await t.userAgent('agency.clerk', ['agency_staff']);
  tk = json<TTicket>(
    await duty.post('/api/tickets', {
      serviceLine: 'NET',
      category: 'fault',
      severity: 'critical',
      title: '核心交换机板卡故障',
      description: '三层全部断网',
      channel: 'hotline',
      requesterName: '王芳',
      requesterPhone: '010-63167838',
      siteId: site.id,
      roomId: room.id,
      reportedAt: '2021-10-12T09:30:00+08:00',
    }),
  );
  await eng.post(`/api/tickets/${tk.id}/events`, { kind: 'arrive' });
  await eng.put(`/api/tickets/${tk.id}/documents/diagnosis`, {
    sceneRecord: '2 号板卡指示灯熄灭',
    severity: 'critical',
    emergencyActions: '切换备用上联',
  });
  await eng.put(`/api/tickets/${tk.id}/documents/plan`, { steps: '更换 2 号板卡', fallbackPlan: '保持备用上联' });
  await eng.post(`/api/tickets/${tk.id}/worklogs`, {
    mode: 'onsite',
    startAt: '2021-10-12T09:40:00+08:00',
    endAt: '2021-10-12T10:00:00+08:00',
    summary: '现场更换板卡',
  });
  await eng.put(`/api/tickets/${tk.id}/documents/report`, {
    faultDescription: '板卡故障',
    cause: '电源模块老化',
    actions: '更换板卡并测试',
    result: '恢复正常',
    startedAt: '2021-10-12T09:40:00+08:00',
    finishedAt: '2021-10-12T10:00:00+08:00',
  });
  await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed', comment: '测试通过' });
});
afterAll(async () => {
  await t.close();
});

async function documentXml(r: LightMyRequestResponse): Promise<string> {
  const zip = await JSZip.loadAsync(r.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Words are split into runs; the text of the runs joined is what a reader sees.
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('Word export', () => {
  it('exports the 运维单 with the contract, the ticket, SLAs, work log, documents, confirmation and signature lines', async () => {
    const r = await duty.get(`/api/tickets/${tk.id}/word`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const cd = String(r.headers['content-disposition']);
    expect(cd).toMatch(/^attachment; filename="YW-2021-\d{6}\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe(`运维单-${tk.number}.docx`);
    const text = await documentXml(r);
    for (const s of [
      tk.number,
      '网络安全支持服务运行维护等（2021 年度）',
      'BJRBJ2021010',
      '北京市人力资源和社会保障局',
      '北京国信博飞科技发展有限公司',
      '办公楼网络管理运行维护',
      '2021-10-12 09:30',
      '王芳',
      '010-63167838',
      '六里桥办公区',
      '三层弱电间',
      '故障',
      '紧急',
      '三层全部断网',
      '到场',
      '按时达成',
      '现场更换板卡',
      '2 号板卡指示灯熄灭',
      '更换 2 号板卡',
      '电源模块老化',
      '测试通过',
      'agency.tech',
      '甲方确认',
      '乙方工程师',
    ])
      expect(text, s).toContain(s);
    const A4 = await JSZip.loadAsync(r.rawPayload).then((z) => z.file('word/document.xml')!.async('string'));
    expect(A4).toContain('w:w="11906"');
    expect(A4).toContain('仿宋');
  });

  it('exports one document with its latest content', async () => {
    const r = await eng.get(`/api/tickets/${tk.id}/documents/report/word`);
    expect(r.statusCode).toBe(200);
    expect(decodeURIComponent(String(r.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(`维护报告-${tk.number}-v1.docx`);
    const text = await documentXml(r);
    for (const s of ['维护报告', tk.number, '电源模块老化', '更换板卡并测试', '2021-10-12 10:00', 'BJRBJ2021010'])
      expect(text, s).toContain(s);
    expect((await eng.get(`/api/tickets/${tk.id}/documents/minutes/word`)).statusCode).toBe(400);
  });

  it('audits every export and keeps the scope (404 outside it)', async () => {
    const n = async () =>
      Number((await t.db.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'ticket.export')))[0]!.n);
    const before = await n();
    await duty.get(`/api/tickets/${tk.id}/word`);
    expect(await n()).toBe(before + 1);
    expect((await staff.get(`/api/tickets/${tk.id}/word`)).statusCode).toBe(404);
    expect(await n()).toBe(before + 1);
  });

  it('formats instants in Beijing time', () => {
    expect(fmtTime(new Date('2021-09-30T16:00:00Z'))).toBe('2021-10-01 00:00');
    expect(fmtTime(null)).toBe('');
  });
});
