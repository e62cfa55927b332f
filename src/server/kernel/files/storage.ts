// Stored files: ticket attachments and photos from the field, later asset documents. Files are kept
// in the database (table `files`) with their SHA-256, so backups, restores and several API nodes
// need nothing more. Each is checked (check.ts) before it is stored, in the caller's transaction.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { FileKind, TFileMeta } from '../../../common/files.ts';
import { audit } from '../audit.ts';
import type { Ctx } from '../context.ts';
import { files, users } from '../db/tables.ts';
import { NotFound, UnsupportedMediaType } from '../errors.ts';
import { checkFile } from './check.ts';
import { tooLarge } from './upload.ts';

export interface StoreInput {
  objectType: string;
  objectId: string;
  kind: FileKind;
  name: string;
  bytes: Buffer;
  /** Checked again here for callers that did not stream through readUpload. */
  maxBytes?: number;
}

const metaColumns = {
  id: files.id,
  kind: files.kind,
  name: files.name,
  mime: files.mime,
  size: files.size,
  sha256: files.sha256,
  createdBy: files.createdBy,
  createdByName: users.displayName,
  createdAt: files.createdAt,
};

interface MetaRow {
  id: string;
  kind: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
}
export type FileMeta = Omit<TFileMeta, 'createdAt'> & { createdAt: Date };
const toMeta = (r: MetaRow): FileMeta => ({ ...r, kind: r.kind as FileKind });

/**
 * Checks and stores a file in the caller's transaction, audited 'file.upload'. A photo must be an
 * image. Returns its metadata.
 */
export async function storeFile(ctx: Ctx, input: StoreInput): Promise<FileMeta> {
  if (input.maxBytes !== undefined && input.bytes.length > input.maxBytes) throw tooLarge(input.maxBytes);
  const f = checkFile(input.name, input.bytes);
  if (input.kind === 'photo' && !f.image)
    throw new UnsupportedMediaType('file.photo_not_image', '现场照片须为图片（JPG、PNG、WebP、GIF、HEIC）', { detected: f.detected });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const actor = ctx.actor && ctx.actor.via !== 'system' ? ctx.actor : null;
  const [row] = await ctx.db
    .insert(files)
    .values({
      objectType: input.objectType,
      objectId: input.objectId,
      kind: input.kind,
      name: f.name,
      mime: f.mime,
      size: input.bytes.length,
      sha256,
      content: input.bytes,
      createdBy: actor?.id ?? null,
      createdAt: ctx.now(),
    })
    .returning({ id: files.id, createdAt: files.createdAt });
  if (!row) throw new Error('insert failed');
  const meta: FileMeta = {
    id: row.id,
    kind: input.kind,
    name: f.name,
    mime: f.mime,
    size: input.bytes.length,
    sha256,
    createdBy: actor?.id ?? null,
    createdByName: actor?.displayName ?? null,
    createdAt: row.createdAt,
  };
  await audit(ctx, {
    action: 'file.upload',
    objectType: 'file',
    objectId: row.id,
    detail: { of: { type: input.objectType, id: input.objectId }, kind: input.kind, name: f.name, mime: f.mime, size: meta.size, sha256 },
  });
  return meta;
}

/** The files of one object, oldest first, without their content. */
export async function listFiles(ctx: Ctx, objectType: string, objectId: string): Promise<FileMeta[]> {
  const rows = await ctx.db
    .select(metaColumns)
    .from(files)
    .leftJoin(users, eq(users.id, files.createdBy))
    .where(and(eq(files.objectType, objectType), eq(files.objectId, objectId)))
    .orderBy(asc(files.createdAt), asc(files.id));
  return rows.map((r) => toMeta(r));
}

/** One file's metadata, only if it belongs to that object (404 file.not_found otherwise). */
export async function fileMeta(ctx: Ctx, id: string, objectType: string, objectId: string): Promise<FileMeta> {
  const [r] = await ctx.db
    .select(metaColumns)
    .from(files)
    .leftJoin(users, eq(users.id, files.createdBy))
    .where(and(eq(files.id, id), eq(files.objectType, objectType), eq(files.objectId, objectId)))
    .limit(1);
  if (!r) throw new NotFound('file.not_found', '文件不存在');
  return toMeta(r);
}

/** One file with its content, only if it belongs to that object (404 file.not_found otherwise). */
export async function readFile(ctx: Ctx, id: string, objectType: string, objectId: string): Promise<FileMeta & { content: Buffer }> {
  const meta = await fileMeta(ctx, id, objectType, objectId);
  const [r] = await ctx.db.select({ content: files.content }).from(files).where(eq(files.id, id)).limit(1);
  if (!r) throw new NotFound('file.not_found', '文件不存在');
  return { ...meta, content: r.content };
}

/** Deletes a file of that object in the caller's transaction, audited 'file.delete'. */
export async function deleteFile(ctx: Ctx, id: string, objectType: string, objectId: string): Promise<FileMeta> {
  const meta = await fileMeta(ctx, id, objectType, objectId);
  await ctx.db.delete(files).where(eq(files.id, id));
  await audit(ctx, {
    action: 'file.delete',
    objectType: 'file',
    objectId: id,
    before: {
      of: { type: objectType, id: objectId },
      kind: meta.kind,
      name: meta.name,
      mime: meta.mime,
      size: meta.size,
      sha256: meta.sha256,
      createdBy: meta.createdBy,
    },
  });
  return meta;
}
