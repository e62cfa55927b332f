// Receiving an upload (multipart/form-data): one file and a few small fields; the size is capped
// while the request streams in, so no more than the limit is ever held in memory.
import type { FastifyRequest } from 'fastify';
import type { FastifyMultipartBaseOptions } from '@fastify/multipart';
import { Invalid, PayloadTooLarge, UnsupportedMediaType } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Largest upload in bytes (YUNWEI_UPLOAD_MAX_MB), enforced by @fastify/multipart while streaming. */
    uploadMaxBytes: number;
  }
}

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${Number((bytes / MiB).toFixed(1))} MB`;

/** The options @fastify/multipart is registered with (app.ts): one file, small fields, the size cap. */
export function multipartOptions(maxBytes: number): FastifyMultipartBaseOptions {
  return {
    throwFileSizeLimit: true,
    limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: 12, headerPairs: 50 },
  };
}

export function tooLarge(maxBytes: number): PayloadTooLarge {
  return new PayloadTooLarge('file.too_large', `文件超过 ${mb(maxBytes)} 的上传上限`, { maxBytes });
}

export interface Upload {
  /** The client's file name, unchecked (checkFile cleans it). */
  filename: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/**
 * Reads the one file of a multipart request (field `field`) and its small text fields. The size is
 * measured as the bytes arrive: past the limit the parser stops keeping them and this throws 413.
 * Call it before opening a transaction (it awaits the network).
 */
export async function readUpload(req: FastifyRequest, field = 'file'): Promise<Upload> {
  if (!req.isMultipart()) throw new UnsupportedMediaType('file.multipart_required', '请以 multipart/form-data 方式上传文件');
  const maxBytes = req.server.uploadMaxBytes;
  const fields: Record<string, string> = {};
  let upload: Omit<Upload, 'fields'> | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw new Invalid('file.form_invalid', `表单字段 ${part.fieldname} 过长`);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== field || upload) {
        part.file.resume();
        throw new Invalid('file.form_invalid', `请在表单字段“${field}”中上传一个文件`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        chunks.push(chunk);
      }
      if (part.file.truncated) throw tooLarge(maxBytes);
      upload = { filename: part.filename, bytes: Buffer.concat(chunks, size) };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT') throw new Invalid('file.one_only', '每次只能上传一个文件');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new Invalid('file.form_invalid', '表单字段过多');
    if (e instanceof Error && !(code ?? '').startsWith('FST_') && !('status' in e))
      throw new Invalid('file.form_invalid', '上传内容不完整或格式有误，请重试');
    throw e;
  }
  if (!upload) throw new Invalid('file.missing', '请选择要上传的文件', [{ path: `body.${field}`, message: '必填' }]);
  return { ...upload, fields };
}
