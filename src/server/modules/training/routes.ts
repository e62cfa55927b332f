// Routes of the training module: thin, permission → validation → service. Uploads (materials,
// certificate scans) are read before the transaction and checked by kernel/files.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { trainingApi as api } from '../../../common/training.api.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx } from '../../kernel/context.ts';
import { NotFound, UnsupportedMediaType } from '../../kernel/errors.ts';
import { checkFile } from '../../kernel/files/check.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile, storeFile } from '../../kernel/files/storage.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import { defineRoute } from '../../kernel/http.ts';
import { listPeople, partiesByKind } from '../org/api.ts';
import { CERT_OBJECT, createCertificate, getCertificate, listCertificates, updateCertificate } from './certs.ts';
import {
  SESSION_OBJECT,
  addAttendees,
  cancelSession,
  createSession,
  deliverSession,
  getSession,
  listSessions,
  lockSession,
  rateSession,
  requestTraining,
  scheduleSession,
  signIn,
} from './sessions.ts';
import { staffCertificates } from './tables.ts';

const tags = ['training'];
const READ = 'training.read';
const WRITE = 'training.write';

export async function trainingRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...api.list,
    summary: '培训列表（按类别、状态）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listSessions(ctx, query),
  });
  defineRoute(app, {
    ...api.request,
    summary: '甲方申请用户培训',
    tags,
    access: 'training.request',
    handler: (ctx, { body }) => requestTraining(ctx, body),
  });
  defineRoute(app, {
    ...api.create,
    summary: '安排培训（运维人员培训、安全保密教育或用户培训）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createSession(ctx, body),
  });
  defineRoute(app, {
    ...api.get,
    summary: '一次培训：参训人员、签到、资料与评价',
    tags,
    access: READ,
    handler: (ctx, { params }) => getSession(ctx, params.id),
  });
  defineRoute(app, {
    ...api.schedule,
    summary: '安排或调整培训时间、地点与讲师',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => scheduleSession(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.attendees,
    summary: '添加参训人员（系统用户、外部人员）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => addAttendees(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.signIn,
    summary: '签到（本人，或培训方为所列人员签到）',
    tags,
    access: READ,
    handler: (ctx, { params, body }) => signIn(ctx, params.id, body.attendeeIds),
  });
  defineRoute(app, {
    ...api.deliver,
    summary: '登记培训完成（培训小结）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => deliverSession(ctx, params.id, body.summary),
  });
  defineRoute(app, {
    ...api.rate,
    summary: '培训评价：通俗易懂程度与培训效果（1–5 分）及意见',
    tags,
    access: READ,
    handler: (ctx, { params, body }) => rateSession(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.cancel,
    summary: '取消培训',
    tags,
    access: WRITE,
    handler: (ctx, { params }) => cancelSession(ctx, params.id),
  });
  defineRoute(app, {
    ...api.upload,
    summary: '上传培训资料（multipart，字段 file；文档或图片，按内容识别类型，大小受上传上限限制）',
    tags,
    access: WRITE,
    handler: async (ctx, { params }, req) => {
      await getSession(ctx, params.id);
      const up = await readUpload(req, 'file');
      const f = await inTx(ctx, async (tx) => {
        await lockSession(tx, params.id);
        const kind = checkFile(up.filename, up.bytes).image ? 'photo' : 'document';
        return storeFile(tx, { objectType: SESSION_OBJECT, objectId: params.id, kind, name: up.filename, bytes: up.bytes });
      });
      return { ...f, createdAt: f.createdAt.toISOString(), url: `/api/training/sessions/${params.id}/materials/${f.id}` };
    },
  });
  defineRoute(app, {
    ...api.material,
    summary: '下载培训资料',
    tags,
    access: READ,
    handler: async (ctx, { params }) => storedFileDownload(await readFile(ctx, params.fileId, SESSION_OBJECT, params.id)),
  });
  defineRoute(app, {
    ...api.certificates,
    summary: '人员证书（可筛选即将到期）',
    tags,
    access: 'training.staff',
    handler: (ctx, { query }) => listCertificates(ctx, query),
  });
  defineRoute(app, {
    ...api.createCertificate,
    summary: '登记人员证书',
    tags,
    access: 'training.staff_write',
    handler: (ctx, { body }) => createCertificate(ctx, body),
  });
  defineRoute(app, {
    ...api.updateCertificate,
    summary: '修改人员证书',
    tags,
    access: 'training.staff_write',
    handler: (ctx, { params, body }) => updateCertificate(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.uploadScan,
    summary: '上传证书扫描件（multipart，字段 file；图片或 PDF）',
    tags,
    access: 'training.staff_write',
    handler: async (ctx, { params }, req) => {
      await getCertificate(ctx, params.id);
      const up = await readUpload(req, 'file');
      const sniffed = checkFile(up.filename, up.bytes);
      if (!sniffed.image && sniffed.mime !== 'application/pdf')
        throw new UnsupportedMediaType('certificate.scan_type', '证书扫描件须为图片或 PDF');
      await inTx(ctx, async (tx) => {
        const f = await storeFile(tx, {
          objectType: CERT_OBJECT,
          objectId: params.id,
          kind: 'document',
          name: up.filename,
          bytes: up.bytes,
        });
        await tx.db.update(staffCertificates).set({ scanId: f.id, updatedAt: tx.now() }).where(eq(staffCertificates.id, params.id));
        await audit(tx, {
          action: 'certificate.scan',
          objectType: 'certificate',
          objectId: params.id,
          detail: { fileId: f.id, name: f.name },
        });
      });
      return getCertificate(ctx, params.id);
    },
  });
  defineRoute(app, {
    ...api.scan,
    summary: '证书扫描件',
    tags,
    access: 'training.staff',
    handler: async (ctx, { params }) => {
      const c = await getCertificate(ctx, params.id);
      if (!c.scan) throw new NotFound('certificate.no_scan', '该证书没有扫描件');
      return storedFileDownload(await readFile(ctx, c.scan.id, CERT_OBJECT, params.id));
    },
  });
  defineRoute(app, {
    ...api.staff,
    summary: '乙方人员名单（登记证书时选择）',
    tags,
    access: 'training.staff',
    handler: async (ctx) => {
      const contractors = new Set((await partiesByKind(ctx, 'contractor')).map((p) => p.id));
      return (await listPeople(ctx)).filter((p) => contractors.has(p.partyId)).map((p) => ({ id: p.id, name: p.name, title: p.title }));
    },
  });
}
