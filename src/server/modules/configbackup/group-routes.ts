// Routes of backup schedule groups (issue 12 point 2): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import { configBackupApi as api } from '../../../common/configbackup.api.ts';
import { assignDevices, createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './groups.ts';

export async function configBackupGroupRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['config-backup'];
  const read = 'configbackup.read';
  const write = 'configbackup.write';
  defineRoute(app, {
    ...api.groups,
    summary: '设备分组及其备份计划',
    tags,
    access: read,
    handler: (ctx, { query }) => listGroups(ctx, query),
  });
  defineRoute(app, {
    ...api.createGroup,
    summary: '新建设备分组',
    tags,
    access: write,
    handler: (ctx, { body }) => createGroup(ctx, body),
  });
  defineRoute(app, { ...api.group, summary: '设备分组详情', tags, access: read, handler: (ctx, { params }) => getGroup(ctx, params.id) });
  defineRoute(app, {
    ...api.updateGroup,
    summary: '修改设备分组的备份计划',
    tags,
    access: write,
    handler: (ctx, { params, body }) => updateGroup(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.deleteGroup,
    summary: '删除设备分组（其设备回到默认的夜间备份）',
    tags,
    access: write,
    handler: async (ctx, { params }) => {
      await deleteGroup(ctx, params.id);
    },
  });
  defineRoute(app, {
    ...api.assignDevices,
    summary: '将设备加入或移出分组',
    tags,
    access: write,
    handler: (ctx, { params, body }) => assignDevices(ctx, params.id, body),
  });
}
