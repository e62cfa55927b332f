// The confidential purge (R-CONF-03) on the demo data: refused (409, nothing stored) while the contract
// runs; after it ends, the agency's written request lists every confidential item with the system's
// counts, each is destroyed or returned with a note and an evidence file (what the system holds is
// then really gone), items left past 5 working days raise one notice, and the last item issues the
// certificate — a Word file LibreOffice opens and a PDF — which the agency confirms once.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, not, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TExport, TPurge, TPurgeStatus } from '../../../common/handover.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx } from '../../kernel/context.ts';
import { storeFile } from '../../kernel/files/storage.ts';
import { files, notifications } from '../../kernel/db/tables.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { cfgVersions } from '../configbackup/tables.ts';
import { checkPurgesOverdue } from './purge.ts';
import { hoPurges } from './tables.ts';

const clock = new Clock(new Date('2026-03-02T10:00:00+08:00'));
let t: TestApp;
let end = '';
let n = 0;
const agents = async () => {
  n++;
  return {
    pm: await t.userAgent(`pm.${n}`, ['contractor_pm']),
    contact: await t.userAgent(`contact.${n}`, ['agency_contact']),
    eng: await t.userAgent(`eng.${n}`, ['engineer']),
  };
};
const day = (d: string, plus = 0) => new Date(Date.parse(`${d}T10:00:00+08:00`) + plus * 86_400_000);
const evidence = (a: Agent, p: TPurge, kind: string, fields: Record<string, string>) =>
  a.upload(`/api/handover/purges/${p.id}/items/${p.items.find((i) => i.kind === kind)!.id}/done`, {
    filename: '销毁记录.txt',
    content: Buffer.from(`${kind} 已于今日销毁，监销人签字见扫描件。`),
    contentType: 'text/plain',
    fields,
  });

beforeAll(async () => {
  t = await testApp({ demo: true, clock });
  // A ticket's attachment: a stored file the purge must list and remove.
  await inTx(t.ctx, (tx) =>
    storeFile(tx, {
      objectType: 'ticket',
      objectId: randomUUID(),
      kind: 'document',
      name: '拓扑图.txt',
      bytes: Buffer.from('核心交换机 10.0.0.1'),
    }),
  );
});
afterAll(() => t?.close());

describe('confidential purge', () => {
  let purge: TPurge;

  it('explains, while the contract runs, that no request can be made yet, and refuses one with 409', async () => {
    const { pm, contact } = await agents();
    const s = json<TPurgeStatus>(await pm.get('/api/handover/purge-status'));
    expect(s.ended).toBe(false);
    end = s.contract!.end!;
    expect(end > '2026-03-02').toBe(true);
    expect(s.reason).toContain(`至 ${end} 结束`);
    const r = await contact.post('/api/handover/purges', { requestedOn: '2026-03-02', requestedByName: '张主任' });
    expect(r.statusCode).toBe(409);
    expect(r.json<{ code: string; detail: string }>()).toMatchObject({ code: 'handover.contract_not_ended' });
    const [c] = await t.ctx.db.select({ n: count() }).from(hoPurges);
    expect(Number(c?.n)).toBe(0);
  });

  it('after the end, lists every confidential item the system holds or handed out, due in 5 working days', async () => {
    clock.set(day(end, 1));
    const { contact } = await agents();
    const today = json<TPurgeStatus>(await contact.get('/api/handover/purge-status'));
    expect(today).toMatchObject({ ended: true, reason: null });
    const future = await contact.post('/api/handover/purges', { requestedOn: '2099-01-01', requestedByName: '张主任' });
    expect(future.statusCode).toBe(400);
    const onEnd = await contact.post('/api/handover/purges', { requestedOn: end, requestedByName: '张主任' });
    expect(onEnd.statusCode, onEnd.body).toBe(400);
    expect((await contact.post('/api/handover/purges', { requestedOn: today.today })).statusCode).toBe(400);

    const r = await contact.post('/api/handover/purges', { requestedOn: today.today, requestedByName: '张主任', letter: '请销毁全部资料' });
    expect(r.statusCode, r.body).toBe(201);
    purge = json<TPurge>(r);
    const [f] = await t.ctx.db
      .select({ n: count() })
      .from(files)
      .where(not(like(files.objectType, 'handover%')));
    const [v] = await t.ctx.db.select({ n: count() }).from(cfgVersions);
    const byKind = Object.fromEntries(purge.items.map((i) => [i.kind, i]));
    expect(Object.keys(byKind)).toEqual(['kernel.files', 'module.configbackup', 'module.handover', 'audit.exports', 'outside.backups']);
    expect(byKind['kernel.files']!.count).toBe(Number(f?.n));
    expect(Number(f?.n)).toBeGreaterThan(0);
    expect(byKind['module.configbackup']!.count).toBeGreaterThanOrEqual(Number(v?.n));
    expect(byKind['module.configbackup']!.label).toContain(`配置备份版本 ${Number(v?.n)}`);
    expect(byKind['module.handover']!.count).toBe(1); // the demo's export package
    expect(byKind['outside.backups']!.count).toBeNull();
    expect(purge.dueOn).toBe((await getCalendar(t.ctx)).addWorkingDays(today.today, 5));
    expect((await contact.post('/api/handover/purges', { requestedOn: today.today, requestedByName: '张主任' })).statusCode).toBe(409);
  });

  it('destroys an item only with a note and evidence, by the contractor, and removes what the system holds', async () => {
    const { pm, contact, eng } = await agents();
    expect((await evidence(eng, purge, 'kernel.files', { outcome: 'destroyed', note: '已删除' })).statusCode).toBe(403);
    expect((await evidence(contact, purge, 'kernel.files', { outcome: 'destroyed', note: '已删除' })).statusCode).toBe(403);
    const noNote = await evidence(pm, purge, 'kernel.files', { outcome: 'destroyed' });
    expect(noNote.statusCode).toBe(400);
    const [before] = await t.ctx.db
      .select({ n: count() })
      .from(files)
      .where(not(like(files.objectType, 'handover%')));
    expect(Number(before?.n)).toBeGreaterThan(0);
    expect((await pm.get(`/api/handover/certificate.docx`)).statusCode).toBe(404);
    expect((await pm.get(`/api/handover/purges/${purge.id}/certificate.docx`)).statusCode).toBe(409);

    const r = await evidence(pm, purge, 'kernel.files', { outcome: 'destroyed', note: '系统中全部附件已删除' });
    expect(r.statusCode, r.body).toBe(200);
    purge = json<TPurge>(r);
    const [after] = await t.ctx.db
      .select({ n: count() })
      .from(files)
      .where(not(like(files.objectType, 'handover%')));
    expect(Number(after?.n)).toBe(0);
    const item = purge.items.find((i) => i.kind === 'kernel.files')!;
    expect(item).toMatchObject({ outcome: 'destroyed', note: '系统中全部附件已删除', evidenceName: '销毁记录.txt' });
    const ev = await contact.get(`/api/handover/purges/${purge.id}/items/${item.id}/evidence`);
    expect(ev.body).toContain('kernel.files 已于今日销毁');
    expect((await evidence(pm, purge, 'kernel.files', { outcome: 'returned', note: '再来一次' })).statusCode).toBe(409);

    const sec = await t.userAgent(`sec.${n}`, ['security_admin']);
    const [exp] = json<{ items: TExport[] }>(await sec.get('/api/handover/exports')).items;
    expect((await evidence(pm, purge, 'module.handover', { outcome: 'destroyed', note: '导出包已删除' })).statusCode).toBe(200);
    const gone = await sec.get(`/api/handover/exports/${exp!.id}/download`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json<{ detail: string }>().detail).toContain('已按保密要求销毁');
  });

  it('tells the project manager once when items are left past the fifth working day', async () => {
    expect(await checkPurgesOverdue(t.ctx)).toBe(0);
    clock.set(day(purge.dueOn, 1));
    expect(await checkPurgesOverdue(t.ctx)).toBe(1);
    expect(await checkPurgesOverdue(t.ctx)).toBe(0);
    const notes = await t.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.event, 'handover.purge_overdue')));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]!.title).toContain(`应于 ${purge.dueOn} 前完成`);
    const { pm } = await agents();
    const p = json<TPurge>(await pm.get(`/api/handover/purges/${purge.id}`));
    expect(p.items.filter((i) => i.overdue).map((i) => i.kind)).toEqual(['module.configbackup', 'audit.exports', 'outside.backups']);
  });

  it('issues the certificate when the last item is done; Word and PDF read back; the agency confirms once', async () => {
    const { pm, contact } = await agents();
    for (const kind of ['module.configbackup', 'audit.exports'])
      expect((await evidence(pm, purge, kind, { outcome: 'destroyed', note: '已销毁' })).statusCode).toBe(200);
    const last = await evidence(pm, purge, 'outside.backups', { outcome: 'returned', note: '备份磁带 2 盘已交甲方信息中心' });
    purge = json<TPurge>(last);
    expect(purge.state).toBe('done');
    expect(await t.ctx.db.select({ n: count() }).from(cfgVersions)).toEqual([{ n: 0 }]);
    const told = await t.ctx.db.select().from(notifications).where(eq(notifications.event, 'handover.certificate'));
    expect(told.length).toBeGreaterThan(0);

    const docx = await contact.get(`/api/handover/purges/${purge.id}/certificate.docx`);
    expect(docx.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'yw-cert-'));
    try {
      writeFileSync(join(dir, 'cert.docx'), docx.rawPayload);
      const xml = execFileSync('unzip', ['-p', join(dir, 'cert.docx'), 'word/document.xml']).toString('utf8');
      expect(xml).toContain('保密资料销毁（归还）证明');
      expect(xml).toContain('备份磁带 2 盘已交甲方信息中心');
      if (existsSync('/usr/bin/soffice')) {
        execFileSync(
          '/usr/bin/soffice',
          ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'cert.docx')],
          {
            timeout: 120_000,
            stdio: 'ignore',
          },
        );
        const text = execFileSync('pdftotext', [join(dir, 'cert.pdf'), '-']).toString('utf8');
        expect(text).toContain('保密资料销毁');
        expect(text).toContain(purge.contractNumber);
      }
      const pdf = await contact.get(`/api/handover/purges/${purge.id}/certificate.pdf`);
      expect(pdf.statusCode).toBe(200);
      writeFileSync(join(dir, 'web.pdf'), pdf.rawPayload);
      // Table cells wrap: compare without the line breaks.
      const webText = execFileSync('pdftotext', [join(dir, 'web.pdf'), '-'])
        .toString('utf8')
        .replace(/\s+/g, '');
      expect(webText).toContain('已归还');
      expect(webText).toContain('备份磁带');
      // Done after the fifth working day: the certificate says so.
      expect(webText).toContain(`晚于5个工作日的期限${purge.dueOn}`);
      expect(webText).toContain(purge.contractNumber);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    expect((await pm.post(`/api/handover/purges/${purge.id}/confirm`)).statusCode).toBe(403);
    const ok = await contact.post(`/api/handover/purges/${purge.id}/confirm`);
    expect(json<TPurge>(ok)).toMatchObject({ state: 'confirmed', confirmedByName: `contact.${n}` });
    expect((await contact.post(`/api/handover/purges/${purge.id}/confirm`)).statusCode).toBe(409);
    const list = json<{ items: TPurge[]; total: number }>(await pm.get('/api/handover/purges?page=1&pageSize=5'));
    expect(list).toMatchObject({ total: 1, items: [{ id: purge.id, state: 'confirmed' }] });
  }, 300_000);

  it('keeps the confidentiality agreement on record with its signed file', async () => {
    const { pm, contact } = await agents();
    const bad = await pm.upload('/api/handover/agreements', {
      filename: 'a.txt',
      content: Buffer.from('x'),
      fields: { title: '安全保密协议', partyA: '甲', partyB: '乙', signedOn: '2021-13-40' },
    });
    expect(bad.statusCode).toBe(400);
    const r = await pm.upload('/api/handover/agreements', {
      filename: '保密协议补充.txt',
      content: Buffer.from('补充协议正文'),
      contentType: 'text/plain',
      fields: { title: '安全保密补充协议', partyA: '甲方单位', partyB: '乙方单位', signedOn: '2022-01-10' },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(
      (await contact.upload('/api/handover/agreements', { filename: 'b.txt', content: Buffer.from('y'), fields: {} })).statusCode,
    ).toBe(403);
    const list = json<{ items: { id: string; title: string }[]; total: number }>(await contact.get('/api/handover/agreements'));
    expect(list.total).toBe(2); // the demo's and this one
    const mine = list.items.find((a) => a.title === '安全保密补充协议')!;
    expect((await contact.get(`/api/handover/agreements/${mine.id}/file`)).body).toBe('补充协议正文');
  });
});
