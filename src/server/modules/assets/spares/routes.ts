// Routes of the spare parts (stock, minimum levels, issues and returns per ticket, reservations),
// their Excel import and export, and the parts a ticket used.
import type { FastifyInstance } from 'fastify';
import { listXlsx } from '../../../kernel/office/list-export.ts';
import { checkFile } from '../../../kernel/files/check.ts';
import { readUpload } from '../../../kernel/files/upload.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { UnsupportedMediaType } from '../../../kernel/errors.ts';
import { exportColumns, importSpares, spareTemplate } from './io.ts';
import { listMoves, moveSpare, ticketSpares } from './moves.ts';
import { createSpare, deleteSpare, getSpare, listSpares, updateSpare } from './parts.ts';
import { sparesApi } from '../../../../common/spares.api.ts';

const READ = 'asset.read|spare.write';
const WRITE = 'spare.write';

export async function spareRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['spares'];
  defineRoute(app, {
    ...sparesApi.list,
    summary: '备品备件列表：库存按存放位置汇总，可筛选低于最低库存',
    tags,
    access: READ,
    handler: (ctx, { query }) => listSpares(ctx, query),
  });
  defineRoute(app, {
    ...sparesApi.export,
    summary: '导出筛选后的备品备件（Excel）',
    tags,
    access: READ,
    handler: async (ctx, { query }) =>
      listXlsx(ctx, {
        title: '备品备件',
        objectType: 'spare_part',
        query,
        list: (page, pageSize) => listSpares(ctx, { ...query, page, pageSize }),
        columns: exportColumns(),
      }),
  });
  defineRoute(app, {
    ...sparesApi.importTemplate,
    summary: '备品备件导入模板（Excel）',
    tags,
    access: WRITE,
    handler: async () => spareTemplate(),
  });
  defineRoute(app, {
    ...sparesApi.import,
    summary: '导入备品备件（multipart .xlsx）：先校验全部行，有错则逐行列出且不写入',
    tags,
    access: WRITE,
    handler: async (ctx, _i, req) => {
      const up = await readUpload(req);
      const f = checkFile(up.filename, up.bytes);
      if (f.extension !== 'xlsx') throw new UnsupportedMediaType('spare.import_xlsx', '请上传 Excel 文件（.xlsx），可先下载导入模板');
      return importSpares(ctx, up.bytes, f.name);
    },
  });
  defineRoute(app, {
    ...sparesApi.create,
    summary: '新增备件',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createSpare(ctx, body),
  });
  defineRoute(app, {
    ...sparesApi.get,
    summary: '备件及其各存放位置的库存',
    tags,
    access: READ,
    handler: (ctx, { params }) => getSpare(ctx, params.id),
  });
  defineRoute(app, {
    ...sparesApi.update,
    summary: '修改备件信息或最低库存',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => updateSpare(ctx, params.id, body),
  });
  defineRoute(app, {
    ...sparesApi.remove,
    summary: '删除尚无出入库记录的备件',
    tags,
    access: WRITE,
    handler: async (ctx, { params }) => {
      await deleteSpare(ctx, params.id);
    },
  });
  defineRoute(app, {
    ...sparesApi.move,
    summary: '入库、领用、归还、预留、释放预留、盘点调整',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => moveSpare(ctx, params.id, body),
  });
  defineRoute(app, {
    ...sparesApi.moves,
    summary: '备件的出入库记录',
    tags,
    access: READ,
    handler: (ctx, { params, query }) => listMoves(ctx, params.id, query),
  });
  defineRoute(app, {
    ...sparesApi.ofTicket,
    summary: '运维单使用的备件（领用、归还、预留）',
    tags,
    access: 'desk.read|desk.self',
    handler: (ctx, { params }) => ticketSpares(ctx, params.id),
  });
}
