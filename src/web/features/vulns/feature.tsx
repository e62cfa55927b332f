// Vulnerabilities (issue 13 points 5 and 9, R-SEC-04..06): the board and findings list, a finding with
// its flow, the imports, scan plans, pentests and hardening plans.
import { BugOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const vulns: WebFeature = {
  id: 'vulns',
  routes: [
    { path: 'vulns', perm: 'vulns.read', load: () => import('./VulnsPage.tsx').then((m) => m.VulnsPage) },
    { path: 'vulns/plans', perm: 'vulns.read', load: () => import('./PlansPage.tsx').then((m) => m.PlansPage) },
    { path: 'vulns/findings/:id', perm: 'vulns.read', load: () => import('./FindingPage.tsx').then((m) => m.FindingPage) },
  ],
  menuGroups: [{ key: 'vulns', label: '漏洞管理', icon: <BugOutlined />, perm: 'vulns.read', order: 47 }],
  menu: [
    { key: '/vulns', label: '漏洞看板', perm: 'vulns.read', order: 10, parent: 'vulns' },
    { key: '/vulns/plans', label: '扫描与加固计划', perm: 'vulns.read', order: 20, parent: 'vulns' },
  ],
  strings: { 'en-US': EN },
  // A finding's page keeps 漏洞看板 highlighted.
  selectedKey: (p) => (p.startsWith('/vulns/findings/') ? { key: '/vulns', open: 'vulns' } : null),
};
