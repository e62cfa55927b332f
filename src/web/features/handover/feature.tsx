// 数据移交与保密 (issue 15 point 7, R-CONF-03/04, R-CON-15): the complete export with its progress and
// download, the confidential purge after the contract ends with its certificate, and the agreement.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

const load = () => import('./HandoverPage.tsx').then((m) => m.HandoverPage);

export const handover: WebFeature = {
  id: 'handover',
  routes: [
    { path: 'handover', perm: 'handover.read|handover.export', load },
    { path: 'handover/:tab', perm: 'handover.read|handover.export', load },
  ],
  menu: [
    { key: '/handover', label: '数据移交与保密', icon: <SafetyCertificateOutlined />, perm: 'handover.read|handover.export', order: 22 },
  ],
  strings: { 'en-US': EN },
  selectedKey: (p) => (p.startsWith('/handover/') ? { key: '/handover', open: null } : null),
};
