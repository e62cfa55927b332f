// The shell of every signed-in page: navigation from the features' menu entries (a Sider on wide
// screens, a Drawer on phones), the header with language and user menus, and the page.
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../components/Logo.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAuth } from './auth.tsx';
import { FullSpin } from './guards.tsx';
import type { WebFeature } from './feature.ts';
import { menuItems, selectedKey } from './menu.tsx';
import { NAVY } from './theme.ts';
import { LangSwitch, UserMenu } from './UserMenu.tsx';

const { Header, Sider, Content, Footer } = Layout;
const COLLAPSED_KEY = 'yunwei.sider.collapsed';

export function AppLayout({ features }: { features: readonly WebFeature[] }) {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { can } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [drawer, setDrawer] = useState(false);
  const sel = selectedKey(features, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(sel.open ? [sel.open] : []);

  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={menuItems(features, can, t)}
      selectedKeys={[sel.key]}
      {...(collapsed && !phone ? {} : { openKeys, onOpenChange: setOpenKeys })}
      onClick={({ key }) => {
        setDrawer(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <div style={{ background: NAVY, flex: 'none' }}>
          <Sider
            collapsible
            collapsed={collapsed}
            trigger={null}
            width={224}
            style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: collapsed ? '0 25px' : '0 20px' }}>
              <Brand collapsed={collapsed} />
            </div>
            {menu}
          </Sider>
        </div>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: NAVY }, header: { display: 'none' } }}
        >
          <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px' }}>
            <Brand />
          </div>
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
          }}
        >
          {phone ? (
            <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('菜单')} />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              aria-label={t('折叠菜单')}
            />
          )}
          <div
            style={{
              flex: 1,
              minWidth: 0,
              fontWeight: 600,
              fontSize: phone ? 15 : 16,
              color: '#1f2937',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {phone ? t('运维') : t('运维服务合同管理平台')}
          </div>
          <LangSwitch />
          <NotificationBell compact={phone} />
          <UserMenu compact={phone} />
        </Header>
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullSpin />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer style={{ textAlign: 'center', color: '#8a94a6', fontSize: 12, padding: '12px 24px 20px' }}>
          {t('运维 Yunwei · 运维服务合同管理平台')}
        </Footer>
      </Layout>
    </Layout>
  );
}
