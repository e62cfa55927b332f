// The training module (issue 15 point 6, issue 14 point 6; R-TRN-01, R-STF-01/02, R-CONF-05): user
// training on the agency's request, staff training and security and confidentiality education, with
// attendees, sign-in, materials and the attendees' assessment; staff certificates with expiry warnings.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTrainingDemo } from '../../demo/training.ts';
import { defineModule, tablesIn } from '../../kernel/module.ts';
import { certsExpiring } from './certs.ts';
import { sessionsHeld } from './evidence.ts';
import { trainingRoutes } from './routes.ts';
import * as tables from './tables.ts';

const AGENCY = ['agency_manager', 'agency_contact', 'agency_dept', 'agency_staff'];

export const training = defineModule({
  id: 'training',
  name: { zh: '培训', en: 'Training' },
  summary: {
    zh: '用户培训（甲方申请）、运维人员培训与安全保密教育：参训人员、签到、资料、通俗易懂与培训效果评价；人员证书与到期提醒',
    en: 'User training on request, staff training and security education: attendees, sign-in, materials, assessment; staff certificates and expiry',
  },
  dependsOn: ['org'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'training.read': {
      zh: '查看培训、签到并评价本人参加的培训',
      en: 'View training, sign in and assess sessions one attends',
      group: 'training',
      grants: [...AGENCY, 'contractor_pm', 'engineer', 'duty_operator'],
    },
    'training.request': {
      zh: '申请用户培训（甲方）',
      en: 'Request user training (agency)',
      group: 'training',
      grants: ['agency_manager', 'agency_contact', 'agency_dept'],
    },
    'training.write': {
      zh: '安排培训、管理参训人员与资料、登记完成',
      en: 'Schedule training, keep attendees and materials, record delivery',
      group: 'training',
      grants: ['contractor_pm', 'engineer'],
    },
    'training.staff': {
      zh: '查看人员证书',
      en: 'View staff certificates',
      group: 'training',
      grants: ['contractor_pm', 'agency_manager', 'agency_contact'],
    },
    'training.staff_write': { zh: '登记与修改人员证书', en: 'Record staff certificates', group: 'training', grants: ['contractor_pm'] },
  },
  routes: [trainingRoutes],
  demo: loadTrainingDemo,
  todos: [certsExpiring],
  evidence: [sessionsHeld],
  exportTables: tablesIn(tables),
});
