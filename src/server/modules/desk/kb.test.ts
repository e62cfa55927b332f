// Knowledge base search in Chinese on both databases (R-SD-08, issue 3 point 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../../kernel/db/client.ts';
import type { TKbArticle } from '../../../common/desk.ts';

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
    },
    {
      title: '接入交换机掉电',
      serviceLine: 'NET',
      problem: '楼层接入交换机无电源指示',
      cause: '电源适配器损坏',
      solution: '更换电源，检查 UPS 输出',
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
