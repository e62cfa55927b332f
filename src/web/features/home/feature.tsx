// The home page: overview of the contract's service lines and this user's work.
import { HomeOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../app/feature.ts';
import { EN } from './en-US.ts';

export const home: WebFeature = {
  id: 'home',
  routes: [{ index: true, load: () => import('./HomePage.tsx').then((m) => m.HomePage) }],
  menu: [{ key: '/', label: '首页', icon: <HomeOutlined />, order: 10 }],
  strings: { 'en-US': EN },
};
