// Ticket attachments and field photos through the HTTP API, on both databases: real multipart
// uploads, byte-identical downloads with safe headers, the size cap (set low here) and the type
// check refusing disguised files with nothing stored, scope (404), self-service, frozen tickets
// (409), the delete rules, audit and timeline.
import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicket } from '../../../common/desk.ts';
import type { TAttachment } from '../../../common/files.ts';
import { auditLog, files } from '../../kernel/db/tables.ts';
import { ELF, HTML, JPEG, docx, pdf, png, zip } from '../../test/file-samples.ts';
import { Agent, Clock, TEST_PASSWORD, json, testApp, type TestApp } from '../../test/harness.ts';
import { ticketEvents, tickets } from './tables.ts';

let t: TestApp;
let duty: Agent; // duty_operator: desk.read_all, desk.work, desk.manage
let engNet: Agent;
let engNet2: Agent;
let engSm: Agent;
let staff: Agent; // agency_staff: desk.self only
let staff2: Agent;
let netTicket: TTicket;
let staffTicket: TTicket;

const MiB = 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const url = (id: string) => `/api/tickets/${id}/attachments`;

async function stored(ticketId: string): Promise<number> {
  const [r] = await t.db.database.db.select({ n: count() }).from(files).where(eq(files.objectId, ticketId));
  return Number(r?.n ?? 0);
}

async function uploadsAudited(): Promise<number> {
  const [r] = await t.db.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'file.upload'));
  return Number(r?.n ?? 0);
}

/** Signs in again (sessions end after 30 idle minutes, and the tests move the clock by hours). */
async function signIn(username: string): Promise<Agent> {
  const a = t.agent();
  const r = await a.login(username, TEST_PASSWORD);
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.body}`);
  return a;
}

beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2021-10-12T02:00:00Z')), uploadMaxMb: 1 });
  duty = await t.userAgent('duty.op', ['duty_operator']);
  engNet = await t.userAgent('eng.net1', ['engineer'], { serviceLines: ['NET'] });
  engNet2 = await t.userAgent('eng.net2', ['engineer'], { serviceLines: ['NET'] });
  engSm = await t.userAgent('eng.sm1', ['engineer'], { serviceLines: ['SM'] });
  staff = await t.userAgent('staff.zhang', ['agency_staff'], { phone: '13800000003' });
  staff2 = await t.userAgent('staff.li', ['agency_staff'], { phone: '13800000004' });
  netTicket = json<TTicket>(
    await duty.post('/api/tickets', { serviceLine: 'NET', category: 'fault', severity: 'high', title: '三层弱电间交换机掉电' }),
  );
  const r = await staff.post('/api/tickets', { serviceLine: 'SM', category: 'fault', severity: 'medium', title: '办公室打印机卡纸' });
  expect(r.statusCode).toBe(201);
  staffTicket = json<TTicket>(r);
});
afterAll(async () => {
  await t.close();
});

describe('uploading and reading attachments', () => {
  let photo: TAttachment;
  let report: TAttachment;

  it('takes a photo from the field with its Chinese name, as a photo, and answers 201 with its metadata', async () => {
    const r = await engNet.upload(url(netTicket.id), {
      filename: '弱电间-交换机指示灯.jpg',
      content: JPEG,
      contentType: 'image/jpeg',
      fields: { kind: 'photo' },
    });
    expect(r.statusCode, r.body).toBe(201);
    photo = json<TAttachment>(r);
    expect(photo).toMatchObject({
      kind: 'photo',
      name: '弱电间-交换机指示灯.jpg',
      mime: 'image/jpeg',
      size: JPEG.length,
      sha256: sha(JPEG),
      createdByName: 'eng.net1',
      url: `/api/tickets/${netTicket.id}/attachments/${photo.id}`,
      deletable: true,
    });
  });

  it('takes a PDF as a document when no kind is given, whatever Content-Type the client claims', async () => {
    t.clock.advance(1000);
    const bytes = pdf('交换机更换记录');
    const r = await engNet.upload(url(netTicket.id), { filename: '更换记录.pdf', content: bytes, contentType: 'image/png' });
    expect(r.statusCode, r.body).toBe(201);
    report = json<TAttachment>(r);
    expect(report).toMatchObject({ kind: 'document', mime: 'application/pdf', size: bytes.length });
  });

  it('lists the files without their content, oldest first, with the uploader', async () => {
    const list = json<TAttachment[]>(await duty.get(url(netTicket.id)));
    expect(list.map((f) => f.id)).toEqual([photo.id, report.id]);
    expect(list[0]).toMatchObject({ name: '弱电间-交换机指示灯.jpg', createdByName: 'eng.net1', deletable: true });
    expect(list[0]).not.toHaveProperty('content');
  });

  it('serves an image byte-identical, inline, with its stored type and nosniff', async () => {
    const r = await duty.get(photo.url);
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(JPEG)).toBe(true);
    expect(r.headers['content-type']).toBe('image/jpeg');
    expect(r.headers['content-disposition']).toBe(
      `inline; filename="___-______.jpg"; filename*=UTF-8''${encodeURIComponent('弱电间-交换机指示灯.jpg')}`,
    );
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).not.toContain('sandbox');
  });

  it('serves a PDF inline but sandboxed, and an Office document as a download, sandboxed', async () => {
    const p = await engNet.get(report.url);
    expect(p.rawPayload.equals(pdf('交换机更换记录'))).toBe(true);
    expect(p.headers['content-disposition']).toMatch(/^inline; /);
    expect(p.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    const bytes = await docx('交换机更换方案');
    const up = json<TAttachment>(await engNet.upload(url(netTicket.id), { filename: '更换方案.docx', content: bytes }));
    const d = await engNet.get(up.url);
    expect(d.rawPayload.equals(bytes)).toBe(true);
    expect(sha(d.rawPayload)).toBe(up.sha256);
    expect(d.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(d.headers['content-disposition']).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
    expect(d.headers['content-security-policy']).toContain('sandbox');
  });

  it('audits each upload with its SHA-256 and puts it on the ticket timeline', async () => {
    const [a] = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.upload'), eq(auditLog.objectId, photo.id)));
    expect(a!.actorName).toBe('eng.net1');
    expect(a!.detail).toMatchObject({ of: { type: 'ticket', id: netTicket.id }, sha256: sha(JPEG), size: JPEG.length });
    const events = await t.db.database.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, netTicket.id), eq(ticketEvents.kind, 'attachment')));
    expect(events.map((e) => e.note)).toContain('上传照片：弱电间-交换机指示灯.jpg');
  });

  it('answers 404 for a file of another ticket', async () => {
    expect((await duty.get(`${url(staffTicket.id)}/${photo.id}`)).statusCode).toBe(404);
  });
});

describe('what is refused, with nothing stored', () => {
  it('refuses a file over the limit (1 MiB here) with 413 file.too_large, and takes one exactly at the limit', async () => {
    const before = await stored(netTicket.id);
    const big = Buffer.alloc(MiB + 1, 'a');
    const r = await engNet.upload(url(netTicket.id), { filename: '大日志.log', content: big });
    expect(r.statusCode).toBe(413);
    expect(json(r)).toMatchObject({ code: 'file.too_large', maxBytes: MiB });
    expect(json(r).detail).toContain('1 MB');
    expect(await stored(netTicket.id)).toBe(before);
    const ok = await engNet.upload(url(netTicket.id), { filename: '日志.log', content: Buffer.alloc(MiB, 'a') });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await stored(netTicket.id)).toBe(before + 1);
  });

  it.each([
    ['an ELF executable named .jpg', 'photo.jpg', ELF, 'file.type_mismatch'],
    ['HTML named .jpg', '截图.jpg', HTML, 'file.type_mismatch'],
    ['a zip without [Content_Types].xml named .docx', '报告.docx', zip({ 'word/document.xml': '<w:document/>' }), 'file.type_mismatch'],
    ['an executable', 'tool.exe', ELF, 'file.type_not_allowed'],
    ['an SVG', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'file.type_not_allowed'],
  ])('refuses %s with 415 %s', async (_n, filename, content, code) => {
    const before = await stored(netTicket.id);
    const audited = await uploadsAudited();
    const r = await engNet.upload(url(netTicket.id), { filename, content, contentType: 'image/jpeg' });
    expect(r.statusCode).toBe(415);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(json(r).code).toBe(code);
    if (code === 'file.type_mismatch') expect(json(r).detail).toContain('文件内容与扩展名不符');
    expect(await stored(netTicket.id)).toBe(before);
    expect(await uploadsAudited()).toBe(audited);
  });

  it('refuses a PDF sent as a photo (415), an empty file (422) and an unknown kind (400)', async () => {
    const before = await stored(netTicket.id);
    const asPhoto = await engNet.upload(url(netTicket.id), { filename: 'a.pdf', content: pdf(), fields: { kind: 'photo' } });
    expect([asPhoto.statusCode, json(asPhoto).code]).toEqual([415, 'file.photo_not_image']);
    const empty = await engNet.upload(url(netTicket.id), { filename: '空.txt', content: Buffer.alloc(0) });
    expect([empty.statusCode, json(empty).code]).toEqual([422, 'file.empty']);
    const kind = await engNet.upload(url(netTicket.id), { filename: 'a.png', content: png(), fields: { kind: 'video' } });
    expect([kind.statusCode, json(kind).code]).toEqual([400, 'validation']);
    expect(await stored(netTicket.id)).toBe(before);
  });

  it('needs multipart with exactly one file in the field "file"', async () => {
    const asJson = await engNet.post(url(netTicket.id), { file: 'x' });
    expect([asJson.statusCode, json(asJson).code]).toEqual([415, 'file.multipart_required']);
    const wrongField = await engNet.upload(url(netTicket.id), { field: 'photo', filename: 'a.png', content: png() });
    expect([wrongField.statusCode, json(wrongField).code]).toEqual([400, 'file.form_invalid']);
    const noFile = await engNet.request(
      'POST',
      url(netTicket.id),
      Buffer.from('--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n--b--\r\n'),
      {
        'content-type': 'multipart/form-data; boundary=b',
      },
    );
    expect([noFile.statusCode, json(noFile).code]).toEqual([400, 'file.missing']);
    const two = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n'),
      png(),
      Buffer.from('\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\n\r\n'),
      png(),
      Buffer.from('\r\n--b--\r\n'),
    ]);
    const twoFiles = await engNet.request('POST', url(netTicket.id), two, { 'content-type': 'multipart/form-data; boundary=b' });
    expect([twoFiles.statusCode, json(twoFiles).code]).toEqual([400, 'file.one_only']);
  });

  it('needs the CSRF token like every other write', async () => {
    engNet.sendCsrf = false;
    try {
      const r = await engNet.upload(url(netTicket.id), { filename: 'a.png', content: png() });
      expect([r.statusCode, json(r).code]).toEqual([403, 'csrf.invalid']);
    } finally {
      engNet.sendCsrf = true;
    }
  });
});

describe('who may', () => {
  it('answers 404 to an engineer of another service line, on every attachment route', async () => {
    const [f] = json<TAttachment[]>(await duty.get(url(netTicket.id)));
    expect((await engSm.upload(url(netTicket.id), { filename: 'a.png', content: png() })).statusCode).toBe(404);
    expect((await engSm.get(url(netTicket.id))).statusCode).toBe(404);
    expect((await engSm.get(f!.url)).statusCode).toBe(404);
    expect((await engSm.delete(f!.url)).statusCode).toBe(404);
  });

  it("lets agency staff attach to the ticket they filed (201) and not to anyone else's (404)", async () => {
    const own = await staff.upload(url(staffTicket.id), { filename: '打印机报错.png', content: png(), fields: { kind: 'photo' } });
    expect(own.statusCode, own.body).toBe(201);
    expect(json<TAttachment[]>(await staff.get(url(staffTicket.id)))).toHaveLength(1);
    expect((await staff.upload(url(netTicket.id), { filename: 'a.png', content: png() })).statusCode).toBe(404);
    expect((await staff2.upload(url(staffTicket.id), { filename: 'a.png', content: png() })).statusCode).toBe(404);
    expect((await staff2.get(url(staffTicket.id))).statusCode).toBe(404);
  });

  it('refuses new files on a closed or merged ticket with 409', async () => {
    const tk = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'NET', category: 'fault', severity: 'low', title: '会议室网口松动' }),
    );
    const f = json<TAttachment>(await engNet.upload(url(tk.id), { filename: '网口.png', content: png() }));
    for (const status of ['closed', 'merged']) {
      await t.db.database.db.update(tickets).set({ status }).where(eq(tickets.id, tk.id));
      const r = await engNet.upload(url(tk.id), { filename: 'b.png', content: png() });
      expect([r.statusCode, json(r).code]).toEqual([409, 'ticket.frozen']);
      expect((await duty.delete(f.url)).statusCode).toBe(409);
      expect(json<TAttachment[]>(await duty.get(url(tk.id)))[0]!.deletable).toBe(false);
    }
    expect(await stored(tk.id)).toBe(1);
  });
});

describe('deleting', () => {
  it('lets the uploader delete within 24 hours, not another engineer; audited and on the timeline', async () => {
    const f = json<TAttachment>(await engNet.upload(url(netTicket.id), { filename: '误传.png', content: png() }));
    const other = await engNet2.delete(f.url);
    expect([other.statusCode, json(other).code]).toEqual([403, 'attachment.delete_forbidden']);
    expect(json<TAttachment[]>(await engNet2.get(url(netTicket.id))).find((x) => x.id === f.id)!.deletable).toBe(false);
    expect((await engNet.delete(f.url)).statusCode).toBe(204);
    expect((await engNet.get(f.url)).statusCode).toBe(404);
    const [a] = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.delete'), eq(auditLog.objectId, f.id)));
    expect(a!.detail).toMatchObject({ before: { name: '误传.png', sha256: f.sha256 } });
    const events = await t.db.database.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, netTicket.id), eq(ticketEvents.kind, 'attachment_deleted')));
    expect(events.map((e) => e.note)).toContain('删除照片：误传.png'); // an image without a kind is a photo
  });

  it('refuses the uploader after 24 hours but lets desk.manage delete at any time', async () => {
    const f = json<TAttachment>(
      await engNet.upload(url(netTicket.id), { filename: '旧照片.png', content: png(), fields: { kind: 'photo' } }),
    );
    t.clock.advance(24 * 3600_000 + 60_000);
    const eng = await signIn('eng.net1');
    const late = await eng.delete(f.url);
    expect([late.statusCode, json(late).code]).toEqual([403, 'attachment.delete_forbidden']);
    const manager = await signIn('duty.op');
    expect((await manager.delete(f.url)).statusCode).toBe(204);
    expect(json<TAttachment[]>(await manager.get(url(netTicket.id))).some((x) => x.id === f.id)).toBe(false);
  });
});
