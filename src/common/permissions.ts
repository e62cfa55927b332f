// The permission catalogue and the built-in roles. Roles and their permissions are data (tables
// roles / role_permissions); these are the seeds and the names the UI shows.

export const PERMISSIONS = {
  'user.read': { zh: '查看用户', en: 'View users', group: 'system' },
  'user.write': { zh: '管理用户账号', en: 'Manage user accounts', group: 'system' },
  'user.roles': { zh: '分配用户角色', en: 'Assign roles to users', group: 'security' },
  'role.read': { zh: '查看角色与权限', en: 'View roles and permissions', group: 'security' },
  'role.write': { zh: '管理角色与权限', en: 'Manage roles and permissions', group: 'security' },
  'audit.read': { zh: '查阅审计日志', en: 'Read the audit log', group: 'audit' },
  'calendar.write': { zh: '维护工作日历', en: 'Maintain the business calendar', group: 'system' },
  'notify.admin': { zh: '配置邮件服务器（通知）', en: 'Configure the mail server (notifications)', group: 'system' },
  'org.read': { zh: '查看单位、地点、人员', en: 'View parties, sites and people', group: 'org' },
  'org.write': { zh: '维护单位、地点、人员', en: 'Edit parties, sites and people', group: 'org' },
  'contract.read': { zh: '查看合同与服务项目', en: 'View the contract and service lines', group: 'contract' },
  'contract.write': { zh: '维护合同与服务项目', en: 'Edit the contract and service lines', group: 'contract' },
  'desk.read': { zh: '查看本人服务项目的运维单', en: "View tickets of one's service lines", group: 'desk' },
  'desk.read_all': { zh: '查看全部运维单', en: 'View all tickets', group: 'desk' },
  'desk.create': { zh: '登记运维单', en: 'Log tickets', group: 'desk' },
  'kb.read': { zh: '查阅知识库', en: 'Read the knowledge base', group: 'desk' },
  'kb.write': { zh: '编写知识库文章', en: 'Write knowledge base articles', group: 'desk' },
  'desk.work': {
    zh: '处理运维单（回电、到场、解决、暂停计时）',
    en: 'Work tickets (call back, arrive, resolve, pause clocks)',
    group: 'desk',
  },
  'desk.self': { zh: '自助报修并跟踪本人的运维单', en: "File and follow one's own tickets (self-service)", group: 'desk' },
  'desk.confirm': {
    zh: '测试确认或驳回维护结果（甲方技术人员）',
    en: 'Test and confirm or reject a fix (agency technician)',
    group: 'desk',
  },
  'desk.manage': { zh: '派单、合并重复单、回访', en: 'Assign, merge duplicates, follow up', group: 'desk' },
  'desk.policy': { zh: '维护 SLA 策略与严重程度定义', en: 'Edit SLA policies and severity definitions', group: 'desk' },
  'asset.read': { zh: '查看资产与配置', en: 'View assets and configuration', group: 'assets' },
  'asset.write': {
    zh: '登记和维护资产技术信息，提出资产变动申请',
    en: 'Register assets, keep their technical record, request movements',
    group: 'assets',
  },
  'asset.approve': { zh: '审批资产变动（信息化部门）', en: 'Approve asset movements (IT department)', group: 'assets' },
  'asset.finance': {
    zh: '维护资产财务信息并审批（财务部门）',
    en: 'Keep the finance record and approve (finance department)',
    group: 'assets',
  },
  'asset.business': {
    zh: '维护资产使用信息并审批（业务部门）',
    en: 'Keep the usage record and approve (business department)',
    group: 'assets',
  },
  'asset.classes': { zh: '维护资产分类', en: 'Maintain the asset classification', group: 'assets' },
  'spare.write': {
    zh: '管理备品备件（入库、领用、归还、预留）',
    en: 'Manage spare parts (receive, issue, return, reserve)',
    group: 'assets',
  },
  'procure.write': {
    zh: '采购咨询：询价、比价、提出采购申请',
    en: 'Procurement consulting: inquiries, quotes, purchase requests',
    group: 'assets',
  },
  'procure.approve': { zh: '审批采购申请', en: 'Approve purchase requests', group: 'assets' },
} as const satisfies Record<string, { zh: string; en: string; group: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[];

export type AdminKind = 'system' | 'security' | 'audit';

export interface BuiltinRole {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string;
  adminKind: AdminKind | null;
  permissions: Permission[];
}

// 三员分立 (GB/T 22239-2019 8.1.5): system admin (accounts, resources), security admin
// (authorisation policy), audit admin (reads the audit log only). No account holds two of them.
export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    code: 'system_admin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    description: '管理用户账号、基础资源、工作日历和系统配置',
    adminKind: 'system',
    permissions: ['user.read', 'user.write', 'calendar.write', 'org.read', 'org.write', 'contract.read', 'notify.admin'],
  },
  {
    code: 'security_admin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    description: '管理角色、权限和用户授权',
    adminKind: 'security',
    permissions: ['user.read', 'user.roles', 'role.read', 'role.write'],
  },
  {
    code: 'audit_admin',
    nameZh: '审计管理员',
    nameEn: 'Audit administrator',
    description: '查阅、分析和导出审计记录',
    adminKind: 'audit',
    permissions: ['audit.read', 'user.read'],
  },
  {
    code: 'agency_manager',
    nameZh: '甲方负责人',
    nameEn: 'Agency manager',
    description: '甲方：审批变更、验收工作、考核评分',
    adminKind: null,
    permissions: [
      'org.read',
      'org.write',
      'contract.read',
      'contract.write',
      'desk.read',
      'desk.read_all',
      'desk.create',
      'desk.confirm',
      'desk.policy',
      'kb.read',
      'asset.read',
      'asset.write',
      'asset.approve',
      'asset.classes',
      'procure.approve',
    ],
  },
  {
    code: 'agency_contact',
    nameZh: '甲方联系人',
    nameEn: 'Agency contact',
    description: '甲方技术联系人：报修、确认维护结果',
    adminKind: null,
    permissions: [
      'org.read',
      'contract.read',
      'desk.read',
      'desk.read_all',
      'desk.create',
      'desk.confirm',
      'kb.read',
      'asset.read',
      'asset.write',
      'asset.approve',
    ],
  },
  {
    code: 'agency_finance',
    nameZh: '甲方财务人员',
    nameEn: 'Agency finance officer',
    description: '甲方财务部门：资产财务信息（原值、固定资产卡片、折旧），审批涉及财务的资产变动',
    adminKind: null,
    permissions: ['asset.read', 'asset.finance'],
  },
  {
    code: 'agency_dept',
    nameZh: '业务部门资产管理员',
    nameEn: 'Business-department custodian',
    description: '甲方业务部门：资产使用部门与保管人，审批涉及本部门的资产变动',
    adminKind: null,
    permissions: ['asset.read', 'asset.business', 'desk.self', 'kb.read'],
  },
  {
    code: 'agency_staff',
    nameZh: '甲方工作人员',
    nameEn: 'Agency staff',
    description: '甲方各处室工作人员：自助报修、跟踪本人的运维单',
    adminKind: null,
    permissions: ['desk.self', 'kb.read'],
  },
  {
    code: 'contractor_pm',
    nameZh: '乙方项目经理',
    nameEn: 'Contractor project manager',
    description: '乙方：统筹四个服务项目、人员和报告',
    adminKind: null,
    permissions: [
      'org.read',
      'org.write',
      'contract.read',
      'contract.write',
      'desk.read',
      'desk.read_all',
      'desk.create',
      'desk.work',
      'desk.manage',
      'kb.read',
      'kb.write',
      'asset.read',
      'asset.write',
      'spare.write',
      'procure.write',
    ],
  },
  {
    code: 'engineer',
    nameZh: '乙方工程师',
    nameEn: 'Contractor engineer',
    description: '乙方运维工程师，只处理分配给本人的服务项目',
    adminKind: null,
    permissions: [
      'org.read',
      'contract.read',
      'desk.read',
      'desk.create',
      'desk.work',
      'kb.read',
      'kb.write',
      'asset.read',
      'asset.write',
      'spare.write',
    ],
  },
  {
    code: 'duty_operator',
    nameZh: '值班员',
    nameEn: 'Duty operator',
    description: '服务热线值班：受理来电、登记运维单',
    adminKind: null,
    permissions: [
      'org.read',
      'contract.read',
      'desk.read',
      'desk.read_all',
      'desk.create',
      'desk.work',
      'desk.manage',
      'kb.read',
      'asset.read',
    ],
  },
  {
    code: 'third_party',
    nameZh: '第三方人员',
    nameEn: 'Third-party worker',
    description: '厂商等第三方运维人员：经审批后开展工作',
    adminKind: null,
    permissions: [],
  },
];
