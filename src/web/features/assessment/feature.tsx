// Monthly assessment (issue 15 point 4, R-QA-01..04): the months with their results and remedies, a
// month's criteria with evidence for the agency to score and sign, and the trend over 12 months.
import { AuditOutlined } from '@ant-design/icons';
import type { FeatureMenuEntry, WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

const menu: FeatureMenuEntry[] = [
  { key: '/assessments', label: '月度考核', perm: 'assessment.read', order: 10, parent: 'assessment' },
  { key: '/assessments/trend', label: '考核趋势', perm: 'assessment.read', order: 20, parent: 'assessment' },
];

export const assessment: WebFeature = {
  id: 'assessment',
  routes: [
    { path: 'assessments', perm: 'assessment.read', load: () => import('./AssessmentsPage.tsx').then((m) => m.AssessmentsPage) },
    { path: 'assessments/trend', perm: 'assessment.read', load: () => import('./TrendPage.tsx').then((m) => m.TrendPage) },
    { path: 'assessments/:id', perm: 'assessment.read', load: () => import('./MonthPage.tsx').then((m) => m.MonthPage) },
  ],
  menuGroups: [{ key: 'assessment', label: '服务考核', icon: <AuditOutlined />, perm: 'assessment.read', order: 22 }],
  menu,
  strings: { 'en-US': EN },
  // A month's page keeps 月度考核 highlighted.
  selectedKey: (p) => (p.startsWith('/assessments') ? { key: p === '/assessments/trend' ? p : '/assessments', open: 'assessment' } : null),
};
