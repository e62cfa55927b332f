// Knowledge base search in Chinese on both databases (R-SD-08, issue 3 point 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../../kernel/db/client.ts';
import type { TKbArticle, TKbFacets, TTicket } from '../../../common/desk.ts';

let t: TestApp;
let eng: Agent;
const search = async (q: string) => json<{ items: TKbArticle[]; total: number }>(await eng.get(`/api/kb?q=${encodeURIComponent(q)}`));

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('kb.eng', ['engineer'], { serviceLines: ['NET'] });
  const articles = [
    {
      title: '核心交换机端口故障',
      serviceLine: 'NET',
      problem: '核心交换机 Gi1/0/24 端口 down，三层办公区断网',
      cause: '光模块老化',
      solution: '更换光模块并检查端口错误计数',
      tags: ['交换机', '光模块', '交换机'],
    },
    {
      title: '接入交换机掉电',
      serviceLine: 'NET',
      problem: '楼层接入交换机无电源指示',
      cause: '电源适配器损坏',
      solution: '更换电源，检查 UPS 输出',
      tags: ['交换机'],
    },
    {
      title: '防火墙策略误拦截',
      serviceLine: 'SEC',
      problem: '业务系统 8080 端口无法访问',
      cause: '策略顺序错误',
      solution: '调整防火墙策略顺序',
    },
    { title: '视频会议终端无声音', serviceLine: 'VC', problem: '第三会议室终端无声', cause: '音频线松动', solution: '重新插紧音频线' },
  ];
  for (const a of articles) expect((await eng.post('/api/kb', a)).statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('knowledge base search', () => {
  it('finds 核心交换机端口故障 by 交换机, best match first', async () => {
    const r = await search('交换机');
    expect(r.items.map((a) => a.title)).toEqual(expect.arrayContaining(['核心交换机端口故障', '接入交换机掉电']));
    expect(r.items.every((a) => a.title.includes('交换机'))).toBe(true);
  });

  it('finds it by the two-character 端口 too, the title hit before a body-only hit', async () => {
    const r = await search('端口');
    expect(r.items[0]!.title).toBe('核心交换机端口故障');
    expect(r.items.map((a) => a.title)).toContain('防火墙策略误拦截'); // 8080 端口 in its problem text
    expect(r.items.map((a) => a.title)).not.toContain('视频会议终端无声音');
  });

  it('needs every term and puts the exact title first', async () => {
    expect((await search('交换机 光模块')).items.map((a) => a.title)).toEqual(['核心交换机端口故障']);
    expect((await search('核心交换机端口故障')).items[0]!.title).toBe('核心交换机端口故障');
    expect((await search('不存在的词')).total).toBe(0);
  });

  it('treats % and _ as text, not wildcards', async () => {
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);
  });

  it('keeps a trigram GIN index over the searched text (used for terms of 3+ characters)', async () => {
    const idx = await queryRows<{ indexdef: string }>(
      t.db.database.db,
      sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'kb_articles_text_trgm'`,
    );
    expect(idx[0]!.indexdef).toContain('gin_trgm_ops');
  });
});

describe('browsing and writing the knowledge base', () => {
  it('browses by tag and service line, and counts what there is', async () => {
    const byTag = json<{ items: TKbArticle[]; total: number }>(await eng.get(`/api/kb?tag=${encodeURIComponent('交换机')}`));
    expect(byTag.items.map((a) => a.title).sort()).toEqual(['接入交换机掉电', '核心交换机端口故障']);
    expect(byTag.items.find((a) => a.title === '核心交换机端口故障')!.tags).toEqual(['交换机', '光模块']);
    expect(json<{ total: number }>(await eng.get('/api/kb?serviceLine=VC')).total).toBe(1);
    const f = json<TKbFacets>(await eng.get('/api/kb/facets'));
    expect(f.total).toBe(4);
    expect(f.lines).toEqual(
      expect.arrayContaining([
        { code: 'NET', count: 2 },
        { code: 'SEC', count: 1 },
        { code: 'VC', count: 1 },
      ]),
    );
    expect(f.tags[0]).toEqual({ tag: '交换机', count: 2 });
  });

  it('keeps the tags when a PATCH does not name them, and replaces them when it does', async () => {
    const a = (await search('接入交换机掉电')).items[0]!;
    const kept = json<TKbArticle>(await eng.patch(`/api/kb/${a.id}`, { cause: '电源适配器损坏（已确认）' }));
    expect(kept.tags).toEqual(['交换机']);
    expect(json<TKbArticle>(await eng.patch(`/api/kb/${a.id}`, { tags: ['电源'] })).tags).toEqual(['电源']);
    expect((await eng.patch(`/api/kb/${a.id}`, { tags: ['a,b'] })).statusCode).toBe(400);
  });

  it('lets readers read but not write, and files a ticket only the writer can see', async () => {
    const staff = await t.userAgent('kb.staff', ['agency_staff']);
    expect((await staff.get('/api/kb?q=交换机')).statusCode).toBe(200);
    const a = { title: '打印机卡纸', problem: '卡纸', solution: '取出纸张' };
    expect((await staff.post('/api/kb', a)).statusCode).toBe(403);
    const duty = await t.userAgent('kb.duty', ['duty_operator']);
    const sm = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'SM', category: 'fault', severity: 'low', title: '摄像头黑屏' }),
    );
    const net = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'NET', category: 'fault', severity: 'low', title: '网口松动' }),
    );
    expect((await eng.post('/api/kb', { ...a, sourceTicketId: sm.id })).statusCode).toBe(404);
    expect((await eng.post('/api/kb', { ...a, sourceTicketId: net.id })).statusCode).toBe(201);
    const filed = json<{ items: TKbArticle[] }>(await eng.get(`/api/kb?sourceTicketId=${net.id}`));
    expect(filed.items.map((x) => x.title)).toEqual(['打印机卡纸']);
  });
});
