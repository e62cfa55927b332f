// The desk module: the service hotline and its tickets with the contract's SLA clocks (R-SD), the
// fault flow and its documents, work log, follow-ups, the knowledge base, notifications of each step.
import { defineModule, tablesIn, type SearchProvider } from '../../kernel/module.ts';
import { loadDeskDemo } from '../../demo/desk.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { commentRoutes } from './comment-routes.ts';
import { DESK_EVENTS } from './events.ts';
import { slaAttainment, ticketCounts } from './evidence.ts';
import { flowRoutes } from './flow-routes.ts';
import { deskJobs } from './jobs.ts';
import { policyRoutes } from './policy-routes.ts';
import { deskRoutes, kbRoutes } from './routes.ts';
import { seedSlaPolicies } from './policy.ts';
import { listTickets } from './service.ts';
import * as tables from './tables.ts';
import { DESK_TODOS } from './todos.ts';
import { viewRoutes } from './view-routes.ts';

const AGENCY = ['agency_manager', 'agency_contact'];
const WORKERS = ['contractor_pm', 'engineer', 'duty_operator'];

/** Tickets by number, title or the caller's phone, as the queue's q= finds them (scoped to the user). */
const ticketSearch: SearchProvider = {
  id: 'desk.tickets',
  label: { zh: '运维单', en: 'Tickets' },
  access: 'desk.read|desk.self',
  search: async (ctx, q, limit) =>
    (await listTickets(ctx, { q, page: 1, pageSize: limit })).items.map((t) => ({
      title: `${t.number} ${t.title}`,
      subtitle: `${t.serviceLine} · ${t.requesterName}`,
      url: `/desk/${t.id}`,
    })),
};

export const desk = defineModule({
  id: 'desk',
  name: { zh: '服务台', en: 'Service desk' },
  summary: {
    zh: '服务热线与运维单：按工作日历计算的 SLA 计时、故障处理流程、回访、知识库',
    en: 'Hotline and tickets: SLA clocks on the business calendar, the fault flow, follow-ups, knowledge base',
  },
  dependsOn: ['org', 'contract', 'duty'],
  permissions: {
    'desk.read': {
      zh: '查看本人服务项目的运维单',
      en: "View tickets of one's service lines",
      group: 'desk',
      grants: [...AGENCY, ...WORKERS],
    },
    'desk.read_all': {
      zh: '查看全部运维单',
      en: 'View all tickets',
      group: 'desk',
      grants: [...AGENCY, 'contractor_pm', 'duty_operator'],
    },
    'desk.create': { zh: '登记运维单', en: 'Log tickets', group: 'desk', grants: [...AGENCY, ...WORKERS] },
    'kb.read': {
      zh: '查阅知识库',
      en: 'Read the knowledge base',
      group: 'desk',
      grants: [...AGENCY, 'agency_dept', 'agency_staff', ...WORKERS],
    },
    'kb.write': { zh: '编写知识库文章', en: 'Write knowledge base articles', group: 'desk', grants: ['contractor_pm', 'engineer'] },
    'desk.work': {
      zh: '处理运维单（回电、到场、解决、暂停计时）',
      en: 'Work tickets (call back, arrive, resolve, pause clocks)',
      group: 'desk',
      grants: WORKERS,
    },
    'desk.self': {
      zh: '自助报修并跟踪本人的运维单',
      en: "File and follow one's own tickets (self-service)",
      group: 'desk',
      grants: ['agency_dept', 'agency_staff'],
    },
    'desk.confirm': {
      zh: '测试确认或驳回维护结果（甲方技术人员）',
      en: 'Test and confirm or reject a fix (agency technician)',
      group: 'desk',
      grants: AGENCY,
    },
    'desk.manage': {
      zh: '派单、合并重复单、回访',
      en: 'Assign, merge duplicates, follow up',
      group: 'desk',
      grants: ['contractor_pm', 'duty_operator'],
    },
    'desk.policy': {
      zh: '维护 SLA 策略与严重程度定义',
      en: 'Edit SLA policies and severity definitions',
      group: 'desk',
      grants: ['agency_manager'],
    },
  },
  events: DESK_EVENTS,
  routes: [deskRoutes, flowRoutes, attachmentRoutes, commentRoutes, viewRoutes, policyRoutes, kbRoutes],
  jobs: deskJobs,
  seed: async (ctx) => {
    await seedSlaPolicies(ctx);
  },
  demo: loadDeskDemo,
  search: [ticketSearch],
  todos: DESK_TODOS,
  evidence: [ticketCounts, slaAttainment],
  exportTables: tablesIn(tables),
});
