// Contracts of configuration backup (issue 12, "Public API (stable)"): devices, runs, versions, diffs.
import { z } from 'zod';
import { ZIdParams, ZPage, paged } from './api.ts';
import {
  ZChangeQuery,
  ZChangeRow,
  ZDevice,
  ZDeviceInput,
  ZDeviceQuery,
  ZDiffParams,
  ZHostKeyAccept,
  ZRun,
  ZRunQuery,
  ZRunRow,
  ZRunStarted,
  ZVersion,
  ZVersionParams,
  ZVersionText,
} from './configbackup.ts';
import { ZGroup, ZGroupAssign, ZGroupAssigned, ZGroupInput, ZGroupPatch, ZGroupQuery } from './configbackup-groups.ts';
import { endpoint } from './endpoint.ts';

export const configBackupApi = {
  list: endpoint({ method: 'GET', path: '/api/config-backup/devices', query: ZDeviceQuery, response: paged(ZDevice) }),
  create: endpoint({ method: 'POST', path: '/api/config-backup/devices', body: ZDeviceInput, response: ZDevice, status: 201 }),
  get: endpoint({ method: 'GET', path: '/api/config-backup/devices/:id', params: ZIdParams, response: ZDevice }),
  /** Backs up now: answers at once, the run goes on in the background. */
  run: endpoint({ method: 'POST', path: '/api/config-backup/devices/:id/run', params: ZIdParams, response: ZRunStarted, status: 202 }),
  runs: endpoint({ method: 'GET', path: '/api/config-backup/devices/:id/runs', params: ZIdParams, query: ZPage, response: paged(ZRun) }),
  /** Runs across devices, newest first (the report's backup numbers open this with their days and state). */
  allRuns: endpoint({ method: 'GET', path: '/api/config-backup/runs', query: ZRunQuery, response: paged(ZRunRow) }),
  /** Configuration changes detected across devices (the report's 检测到配置变化 / 无变更单说明 open this). */
  changes: endpoint({ method: 'GET', path: '/api/config-backup/changes', query: ZChangeQuery, response: paged(ZChangeRow) }),
  /** Trust the host key the device now offers (audited). */
  acceptHostKey: endpoint({
    method: 'POST',
    path: '/api/config-backup/devices/:id/host-key',
    params: ZIdParams,
    body: ZHostKeyAccept,
    response: ZDevice,
  }),
  versions: endpoint({
    method: 'GET',
    path: '/api/config-backup/devices/:id/versions',
    params: ZIdParams,
    query: ZPage,
    response: paged(ZVersion),
  }),
  version: endpoint({
    method: 'GET',
    path: '/api/config-backup/devices/:id/versions/:versionId',
    params: ZVersionParams,
    response: ZVersionText,
  }),
  /** A unified diff as text/plain, from version a to version b. */
  diff: endpoint({ method: 'GET', path: '/api/config-backup/devices/:id/versions/:a/diff/:b', params: ZDiffParams, response: z.string() }),
  /** Schedule groups (issue 12 point 2): each with its interval or daily times, window and calendar. */
  groups: endpoint({ method: 'GET', path: '/api/config-backup/groups', query: ZGroupQuery, response: paged(ZGroup) }),
  createGroup: endpoint({ method: 'POST', path: '/api/config-backup/groups', body: ZGroupInput, response: ZGroup, status: 201 }),
  group: endpoint({ method: 'GET', path: '/api/config-backup/groups/:id', params: ZIdParams, response: ZGroup }),
  updateGroup: endpoint({ method: 'PATCH', path: '/api/config-backup/groups/:id', params: ZIdParams, body: ZGroupPatch, response: ZGroup }),
  /** Its devices go back to the default nightly schedule. */
  deleteGroup: endpoint({ method: 'DELETE', path: '/api/config-backup/groups/:id', params: ZIdParams, status: 204 }),
  assignDevices: endpoint({
    method: 'POST',
    path: '/api/config-backup/groups/:id/devices',
    params: ZIdParams,
    body: ZGroupAssign,
    response: ZGroupAssigned,
  }),
};
