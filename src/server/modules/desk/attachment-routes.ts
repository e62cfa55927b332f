// Ticket attachments and photos from the field (R-SD): documents and pictures on a ticket, kept by
// kernel/files (type sniffed from the content, size capped while streaming, SHA-256, audited).
// Who may: whoever works or logs tickets, and agency staff on the tickets they filed; always only on
// tickets in their scope (404 otherwise). Closed and merged tickets are frozen: no new files and no
// deletions. The uploader may delete their file within 24 hours; desk.manage at any time.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ZAttachmentFields, type TAttachment } from '../../../common/files.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import { checkFile } from '../../kernel/files/check.ts';
import { deleteFile, fileMeta, listFiles, readFile, storeFile, type FileMeta } from '../../kernel/files/storage.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { defineRoute } from '../../kernel/http.ts';
import { scope } from './service.ts';
import { tickets } from './tables.ts';
import { appendEvent } from './timeline.ts';
import { deskApi } from '../../../common/desk.api.ts';

const OBJECT = 'ticket';
const FROZEN: Record<string, string> = { closed: '运维单已关闭', merged: '运维单已合并' };
export const DELETE_WINDOW_MS = 24 * 3600_000;

interface TicketRef {
  id: string;
  status: string;
  createdBy: string | null;
}

/** The ticket, if the actor may see it (the queue's scope): 404 ticket.not_found otherwise. */
async function ticketInScope(ctx: Ctx, id: string): Promise<TicketRef> {
  const s = scope(ctx);
  const [t] = await ctx.db
    .select({ id: tickets.id, status: tickets.status, createdBy: tickets.createdBy })
    .from(tickets)
    .where(s ? and(eq(tickets.id, id), s) : eq(tickets.id, id))
    .limit(1);
  if (!t) throw new NotFound('ticket.not_found', '运维单不存在');
  return t;
}

function assertNotFrozen(t: TicketRef, what: string): void {
  const why = FROZEN[t.status];
  if (why) throw new Conflict('ticket.frozen', `${why}，不能再${what}附件`);
}

/** desk.work and desk.create on any ticket they see; desk.self only on a ticket they filed. */
function assertMayAttach(ctx: Ctx, t: TicketRef): void {
  const a = ctx.actor;
  if (!a) throw new Forbidden();
  if (a.permissions.has('desk.work') || a.permissions.has('desk.create')) return;
  if (a.permissions.has('desk.self') && t.createdBy === a.id) return;
  throw new Forbidden('attachment.not_own', '只能为本人提交的运维单上传附件');
}

function mayDelete(ctx: Ctx, t: TicketRef, f: FileMeta): boolean {
  const a = ctx.actor;
  if (!a || FROZEN[t.status]) return false;
  if (a.permissions.has('desk.manage')) return true;
  return f.createdBy === a.id && ctx.now().getTime() - f.createdAt.getTime() <= DELETE_WINDOW_MS;
}

const eventData = (f: FileMeta) => ({ fileId: f.id, kind: f.kind, name: f.name, mime: f.mime, size: f.size });

function view(ctx: Ctx, t: TicketRef, f: FileMeta): Omit<TAttachment, 'createdAt'> & { createdAt: Date } {
  return { ...f, url: `/api/tickets/${t.id}/attachments/${f.id}`, deletable: mayDelete(ctx, t, f) };
}

export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk'];
  defineRoute(app, {
    ...deskApi.uploadAttachment,
    summary:
      '上传附件或现场照片（multipart/form-data：文件字段 file，可选字段 kind=photo|document；按内容识别类型，大小受 YUNWEI_UPLOAD_MAX_MB 限制）',
    tags,
    access: 'desk.work|desk.create|desk.self',
    handler: async (ctx, { params }, req) => {
      // Refuse early, before the bytes arrive; checked again in the transaction below.
      const first = await ticketInScope(ctx, params.id);
      assertNotFrozen(first, '添加');
      assertMayAttach(ctx, first);
      const up = await readUpload(req, 'file');
      const fields = ZAttachmentFields.safeParse(up.fields);
      if (!fields.success)
        throw new Invalid('validation', '附件类别须为 photo（照片）或 document（文档）', [
          { path: 'body.kind', message: 'photo | document' },
        ]);
      const kind = fields.data.kind ?? (checkFile(up.filename, up.bytes).image ? 'photo' : 'document');
      return inTx(ctx, async (tx) => {
        const t = await ticketInScope(tx, params.id);
        assertNotFrozen(t, '添加');
        const f = await storeFile(tx, { objectType: OBJECT, objectId: t.id, kind, name: up.filename, bytes: up.bytes });
        await appendEvent(tx, t.id, 'attachment', `${f.kind === 'photo' ? '上传照片' : '上传附件'}：${f.name}`, eventData(f));
        return view(tx, t, f);
      });
    },
  });
  defineRoute(app, {
    ...deskApi.attachments,
    summary: '运维单的附件与照片（不含内容）',
    tags,
    access: 'desk.read|desk.self',
    handler: async (ctx, { params }) => {
      const t = await ticketInScope(ctx, params.id);
      return (await listFiles(ctx, OBJECT, t.id)).map((f) => view(ctx, t, f));
    },
  });
  defineRoute(app, {
    ...deskApi.attachment,
    summary: '下载附件（图片与 PDF 在浏览器中打开，其余下载）',
    tags,
    access: 'desk.read|desk.self',
    handler: async (ctx, { params }) => {
      const t = await ticketInScope(ctx, params.id);
      return storedFileDownload(await readFile(ctx, params.fileId, OBJECT, t.id));
    },
  });
  defineRoute(app, {
    ...deskApi.deleteAttachment,
    summary: '删除附件（上传者 24 小时内；派单人员 desk.manage 任何时候；已关闭或合并的运维单不可删除）',
    tags,
    access: 'desk.work|desk.create|desk.self|desk.manage',
    handler: async (ctx, { params }) => {
      await inTx(ctx, async (tx) => {
        const t = await ticketInScope(tx, params.id);
        const f = await fileMeta(tx, params.fileId, OBJECT, t.id);
        assertNotFrozen(t, '删除');
        if (!mayDelete(tx, t, f))
          throw new Forbidden('attachment.delete_forbidden', '只有上传者可在上传后 24 小时内删除附件，其他情况请联系服务台派单人员');
        await deleteFile(tx, f.id, OBJECT, t.id);
        await appendEvent(tx, t.id, 'attachment_deleted', `删除${f.kind === 'photo' ? '照片' : '附件'}：${f.name}`, {
          ...eventData(f),
          uploadedBy: f.createdByName,
        });
      });
    },
  });
}
