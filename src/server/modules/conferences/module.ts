// The conferences module (issue 14 point 3, R-INS-04): the agency's five video-conference systems and
// the endpoints that join them, a meeting calendar, the joint test before each meeting (every
// district's audio, video, content sharing and encryption; the room's display, audio and projector),
// problems during meetings as VC tickets, and the support record of each meeting.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConferencesDemo } from '../../demo/conferences.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { seedEndpoints } from './endpoints.ts';
import { conferenceRoutes } from './routes.ts';
import * as tables from './tables.ts';
import { CONFERENCE_EVENTS, UNTESTED_TODO, pretestEvidence, remindJob } from './watch.ts';

const AGENCY = ['agency_manager', 'agency_contact', 'agency_staff'];

export const conferences = defineModule({
  id: 'conferences',
  name: { zh: '视频会议保障', en: 'Conference support' },
  summary: {
    zh: '五类视频会议系统的会场与会议日程、会前各区县联调与会议室设备检查、会中问题转工单、会议保障记录',
    en: 'Conference systems, endpoints and calendar; joint tests with every district before each meeting; problems as tickets; support records',
  },
  dependsOn: ['org', 'desk'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'conferences.read': {
      zh: '查看视频会议日程、联调记录与保障记录',
      en: 'View conferences, joint tests and support records',
      group: 'conferences',
      grants: ['engineer', 'contractor_pm', 'duty_operator', ...AGENCY],
    },
    'conferences.schedule': {
      zh: '登记或取消视频会议',
      en: 'Schedule or cancel conferences',
      group: 'conferences',
      grants: ['engineer', 'contractor_pm', 'agency_manager', 'agency_contact'],
    },
    'conferences.write': {
      zh: '登记会前联调结果、会中问题与保障记录，维护会场',
      en: 'Record joint tests, problems and support records; keep endpoints',
      group: 'conferences',
      grants: ['engineer', 'contractor_pm'],
    },
  },
  events: CONFERENCE_EVENTS,
  routes: [conferenceRoutes],
  jobs: [remindJob],
  seed: seedEndpoints,
  demo: loadConferencesDemo,
  todos: [UNTESTED_TODO],
  evidence: [pretestEvidence],
  exportTables: tablesIn(tables),
});
