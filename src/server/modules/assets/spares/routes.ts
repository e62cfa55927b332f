// Routes of the spare parts (stock, minimum levels, issues and returns per ticket, reservations),
// their Excel import and export, and the parts a ticket used.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParams, ZPage } from '../../../../common/api.ts';
import {
  ZSpareFilter,
  ZSpareImportResult,
  ZSpareMoveInput,
  ZSpareMoveList,
  ZSpareMoveResult,
  ZSparePart,
  ZSparePartInput,
  ZSparePartList,
  ZSparePartPatch,
  ZSpareQuery,
  ZTicketSpares,
} from '../../../../common/spares.ts';
import { dateOf } from '../../../../common/dates.ts';
import { xlsxDownload } from '../../../kernel/office/xlsx.ts';
import { checkFile } from '../../../kernel/files/check.ts';
import { readUpload } from '../../../kernel/files/upload.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { UnsupportedMediaType } from '../../../kernel/errors.ts';
import { exportColumns, importSpares, spareTemplate } from './io.ts';
import { listMoves, moveSpare, ticketSpares } from './moves.ts';
import { allSpares, createSpare, deleteSpare, getSpare, listSpares, updateSpare } from './parts.ts';

const READ = 'asset.read|spare.write';
const WRITE = 'spare.write';

export async function spareRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['spares'];
  defineRoute(app, {
    method: 'GET',
    url: '/spare-parts',
    summary: '备品备件列表：库存按存放位置汇总，可筛选低于最低库存',
    tags,
    access: READ,
    query: ZSpareQuery,
    response: ZSparePartList,
    handler: (ctx, { query }) => listSpares(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/spare-parts/export',
    summary: '导出筛选后的备品备件（Excel）',
    tags,
    access: READ,
    query: ZSpareFilter,
    handler: async (ctx, { query }) =>
      xlsxDownload(`备品备件-${dateOf(ctx.now())}.xlsx`, '备品备件', exportColumns(), await allSpares(ctx, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/spare-parts/import-template',
    summary: '备品备件导入模板（Excel）',
    tags,
    access: WRITE,
    handler: async () => spareTemplate(),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/spare-parts/import',
    summary: '导入备品备件（multipart .xlsx）：先校验全部行，有错则逐行列出且不写入',
    tags,
    access: WRITE,
    response: ZSpareImportResult,
    handler: async (ctx, _i, req) => {
      const up = await readUpload(req);
      const f = checkFile(up.filename, up.bytes);
      if (f.extension !== 'xlsx') throw new UnsupportedMediaType('spare.import_xlsx', '请上传 Excel 文件（.xlsx），可先下载导入模板');
      return importSpares(ctx, up.bytes, f.name);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/spare-parts',
    summary: '新增备件',
    tags,
    access: WRITE,
    status: 201,
    body: ZSparePartInput,
    response: ZSparePart,
    handler: (ctx, { body }) => createSpare(ctx, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/spare-parts/:id',
    summary: '备件及其各存放位置的库存',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZSparePart,
    handler: (ctx, { params }) => getSpare(ctx, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/spare-parts/:id',
    summary: '修改备件信息或最低库存',
    tags,
    access: WRITE,
    params: ZIdParams,
    body: ZSparePartPatch,
    response: ZSparePart,
    handler: (ctx, { params, body }) => updateSpare(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/spare-parts/:id',
    summary: '删除尚无出入库记录的备件',
    tags,
    access: WRITE,
    status: 204,
    params: ZIdParams,
    handler: async (ctx, { params }) => {
      await deleteSpare(ctx, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/spare-parts/:id/moves',
    summary: '入库、领用、归还、预留、释放预留、盘点调整',
    tags,
    access: WRITE,
    status: 201,
    params: ZIdParams,
    body: ZSpareMoveInput,
    response: ZSpareMoveResult,
    handler: (ctx, { params, body }) => moveSpare(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/spare-parts/:id/moves',
    summary: '备件的出入库记录',
    tags,
    access: READ,
    params: ZIdParams,
    query: ZPage.extend({ pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
    response: ZSpareMoveList,
    handler: (ctx, { params, query }) => listMoves(ctx, params.id, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/spares',
    summary: '运维单使用的备件（领用、归还、预留）',
    tags,
    access: 'desk.read|desk.self',
    params: ZIdParams,
    response: ZTicketSpares,
    handler: (ctx, { params }) => ticketSpares(ctx, params.id),
  });
}
