// Uploaded files (kernel/files) and ticket attachments: what may be uploaded and how a file's
// metadata leaves the API. Shared by server and web.
import { z } from 'zod';
import { ZTimestamp } from './api.ts';

export const FILE_KINDS = ['photo', 'document'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const ZFileKind = z.enum(FILE_KINDS);

/**
 * The types accepted, by extension. The server sniffs the content (magic numbers) and requires the
 * extension to agree; the client's Content-Type is never trusted.
 */
export const FILE_TYPES = {
  jpg: { mime: 'image/jpeg', image: true },
  jpeg: { mime: 'image/jpeg', image: true },
  png: { mime: 'image/png', image: true },
  webp: { mime: 'image/webp', image: true },
  gif: { mime: 'image/gif', image: true },
  heic: { mime: 'image/heic', image: true },
  heif: { mime: 'image/heif', image: true },
  pdf: { mime: 'application/pdf', image: false },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', image: false },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', image: false },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', image: false },
  doc: { mime: 'application/msword', image: false },
  xls: { mime: 'application/vnd.ms-excel', image: false },
  ppt: { mime: 'application/vnd.ms-powerpoint', image: false },
  txt: { mime: 'text/plain; charset=utf-8', image: false },
  log: { mime: 'text/plain; charset=utf-8', image: false },
  cfg: { mime: 'text/plain; charset=utf-8', image: false },
} as const satisfies Record<string, { mime: string; image: boolean }>;
export type FileExtension = keyof typeof FILE_TYPES;
export const FILE_EXTENSIONS = Object.keys(FILE_TYPES) as FileExtension[];

/** For <input accept>: the extensions the server takes. */
export const UPLOAD_ACCEPT = FILE_EXTENSIONS.map((e) => `.${e}`).join(',');
export const IMAGE_ACCEPT = FILE_EXTENSIONS.filter((e) => FILE_TYPES[e].image)
  .map((e) => `.${e}`)
  .join(',');

export const isImageMime = (mime: string): boolean => mime.startsWith('image/');

/** One stored file as the API shows it (never its content). */
export const ZFileMeta = z.object({
  id: z.uuid(),
  kind: ZFileKind,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdBy: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TFileMeta = z.infer<typeof ZFileMeta>;

/** A ticket attachment: the file, where to fetch it, and whether the caller may delete it now. */
export const ZAttachment = ZFileMeta.extend({
  url: z.string(),
  deletable: z.boolean(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAttachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** The optional form field next to the file in POST /api/tickets/:id/attachments. */
export const ZAttachmentFields = z.object({ kind: ZFileKind.optional() });
