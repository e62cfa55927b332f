// The contract: parties, service lines, staffing, fees and deadlines (R-CON).
import { FileProtectOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const contract: WebFeature = {
  id: 'contract',
  routes: [{ path: 'contract', perm: 'contract.read', load: () => import('./ContractPage.tsx').then((m) => m.ContractPage) }],
  menu: [{ key: '/contract', label: '合同', icon: <FileProtectOutlined />, perm: 'contract.read', order: 20 }],
  strings: { 'en-US': EN },
};
