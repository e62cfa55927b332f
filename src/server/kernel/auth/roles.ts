// The contract's built-in roles (ARCHITECTURE.md, security model). Which permissions each holds by
// default is declared by the permissions themselves (each module's manifest, `grants`), so a new module
// brings its grants with it; roles stay data the security admin edits (kernel/rbac.ts).
import type { RoleDef } from '../module.ts';

// 三员分立 (GB/T 22239-2019 8.1.5): system admin (accounts, resources), security admin
// (authorisation policy), audit admin (reads the audit log only). No account holds two of them.
export const CONTRACT_ROLES: RoleDef[] = [
  {
    code: 'system_admin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    description: '管理用户账号、基础资源、工作日历和系统配置',
    adminKind: 'system',
  },
  {
    code: 'security_admin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    description: '管理角色、权限和用户授权',
    adminKind: 'security',
  },
  { code: 'audit_admin', nameZh: '审计管理员', nameEn: 'Audit administrator', description: '查阅、分析和导出审计记录', adminKind: 'audit' },
  {
    code: 'agency_manager',
    nameZh: '甲方负责人',
    nameEn: 'Agency manager',
    description: '甲方：审批变更、验收工作、考核评分',
    adminKind: null,
  },
  {
    code: 'agency_contact',
    nameZh: '甲方联系人',
    nameEn: 'Agency contact',
    description: '甲方技术联系人：报修、确认维护结果',
    adminKind: null,
  },
  {
    code: 'agency_finance',
    nameZh: '甲方财务人员',
    nameEn: 'Agency finance officer',
    description: '甲方财务部门：资产财务信息（原值、固定资产卡片、折旧），审批涉及财务的资产变动',
    adminKind: null,
  },
  {
    code: 'agency_dept',
    nameZh: '业务部门资产管理员',
    nameEn: 'Business-department custodian',
    description: '甲方业务部门：资产使用部门与保管人，审批涉及本部门的资产变动',
    adminKind: null,
  },
  {
    code: 'agency_staff',
    nameZh: '甲方工作人员',
    nameEn: 'Agency staff',
    description: '甲方各处室工作人员：自助报修、跟踪本人的运维单',
    adminKind: null,
  },
  {
    code: 'contractor_pm',
    nameZh: '乙方项目经理',
    nameEn: 'Contractor project manager',
    description: '乙方：统筹四个服务项目、人员和报告',
    adminKind: null,
  },
  {
    code: 'engineer',
    nameZh: '乙方工程师',
    nameEn: 'Contractor engineer',
    description: '乙方运维工程师，只处理分配给本人的服务项目',
    adminKind: null,
  },
  { code: 'duty_operator', nameZh: '值班员', nameEn: 'Duty operator', description: '服务热线值班：受理来电、登记运维单', adminKind: null },
  {
    code: 'third_party',
    nameZh: '第三方人员',
    nameEn: 'Third-party worker',
    description: '厂商等第三方运维人员：经审批后开展工作',
    adminKind: null,
  },
];
