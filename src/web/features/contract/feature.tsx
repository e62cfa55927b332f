// The contract: parties, service lines, staffing, fees and deadlines (R-CON).
import { AccountBookOutlined, FileProtectOutlined, SolutionOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';
import { MONEY_EN } from './money-en-US.ts';
import { STAFF_EN } from './staff-en-US.ts';

export const contract: WebFeature = {
  id: 'contract',
  routes: [
    { path: 'contract', perm: 'contract.read', load: () => import('./ContractPage.tsx').then((m) => m.ContractPage) },
    { path: 'contract/staff', perm: 'contract.read', load: () => import('./StaffReviewPage.tsx').then((m) => m.StaffReviewPage) },
    { path: 'contract/money', perm: 'money.read', load: () => import('./MoneyPage.tsx').then((m) => m.MoneyPage) },
  ],
  menu: [
    { key: '/contract', label: '合同', icon: <FileProtectOutlined />, perm: 'contract.read', order: 20 },
    { key: '/contract/money', label: '合同款项', icon: <AccountBookOutlined />, perm: 'money.read', order: 21 },
    { key: '/contract/staff', label: '人员名单审核', icon: <SolutionOutlined />, perm: 'contract.read', order: 21 },
  ],
  strings: { 'en-US': { ...EN, ...MONEY_EN, ...STAFF_EN } },
};
