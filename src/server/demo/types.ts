// Shapes of the demo data entered from the 2021 contract (docs/contract/BJRBJ2021010.txt). Pure data, no logic.
// Money is in CNY as a number with two decimals at most; dates are 'YYYY-MM-DD' (Asia/Shanghai).

import type { ServiceLineCode } from '../../common/service-lines.ts';

export type HoursProfile = '5x9' | '7x24';

export interface DemoBankAccount {
  bankName: string; // 开户银行
  accountName: string; // 户名
  accountNumber: string; // 账号
}

export interface DemoParty {
  key: 'agency' | 'contractor';
  name: string; // 单位名称, as in 第一条2
  shortName: string;
  address: string;
  postcode?: string;
  phone: string;
  fax?: string;
  email?: string;
  legalRepresentative?: string;
  contactPerson?: string;
  bankAccounts: DemoBankAccount[]; // 第一条3; may be empty where the contract leaves them out
}

export interface DemoRoom {
  key: string; // stable key used by service lines, e.g. 'west-dc'
  name: string; // e.g. '中心机房西区', '监控中心', '第三会议室'
  building?: string;
  floor?: string;
  purpose?: string; // what the contract says it holds
}

export interface DemoSite {
  key: string; // 'west', 'liuliqiao', 'city-hall'
  name: string; // e.g. '西办公区', '六里桥办公区', '市府大楼'
  address?: string;
  rooms: DemoRoom[];
}

export interface DemoDepartment {
  party: 'agency' | 'contractor';
  name: string;
}

export interface DemoStaffingRequirement {
  role: string; // 岗位, Chinese as in the contract
  headcount: number;
  qualifications: string; // 资质要求, verbatim or faithfully condensed
  duties: string; // 岗位职责
  onsite: boolean; // 驻场 (resident) vs mobile / second-line
}

export interface DemoServiceLine {
  code: ServiceLineCode;
  name: string; // e.g. '安全监控系统运行保障'
  periodStart: string;
  periodEnd: string;
  fee: number; // annual fee for the line (附件三)
  hoursProfile: HoursProfile; // hotline hours (附件一 3.2 / 附件二1)
  hotlineHours: string; // human text, e.g. '5x9（工作日 9:00-18:00）'
  hotlinePhone: string;
  emergencyPhone: string; // R-SD-11: answered 7×24 on every line
  summary: string; // one line: what the line covers (self-service)
  scope: string; // 运维服务范围及内容, condensed
  siteKeys: string[]; // sites where the service is delivered
  roomKeys: string[]; // install locations named for this line
  staffing: DemoStaffingRequirement[]; // every staffing table of the line (附件一 四 / 人员配置)
  clause: string; // where in the contract this comes from, e.g. '附件一 一、附件三'
}

export interface DemoPerson {
  party: 'agency' | 'contractor';
  department?: string;
  name: string; // invented but plausible names; the contract names no individuals
  title: string;
  phone?: string;
  mobile?: string;
  email?: string;
  username?: string; // the demo account this person signs in as, if any
  serviceLines?: ServiceLineCode[]; // for contractor staff: lines they are assigned to
  staffRole?: string; // the staffing-table role they fill
}

export interface DemoContract {
  number: string; // 合同编号
  title: string; // 项目名称
  signedAt: string;
  signedPlace: string;
  procurementNumber?: string;
  totalFee: number;
  bondPercent: number; // 履约保函 %
  bondDueWorkingDays: number;
  bondValidUntil: string;
  parties: DemoParty[];
  sites: DemoSite[];
  departments: DemoDepartment[];
  people: DemoPerson[];
  serviceLines: DemoServiceLine[];
}
