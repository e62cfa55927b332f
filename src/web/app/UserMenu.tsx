// The header's right side: language switch and the user's own menu.
import {
  ApiOutlined,
  BellOutlined,
  DownOutlined,
  GlobalOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { Avatar, Dropdown, Space, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useAuth } from './auth.tsx';

export function LangSwitch() {
  const { lang, setLang } = useI18n();
  const items: MenuProps['items'] = [
    { key: 'zh-CN', label: '中文' },
    { key: 'en-US', label: 'English' },
  ];
  return (
    <Dropdown menu={{ items, selectable: true, selectedKeys: [lang], onClick: (i) => setLang(i.key === 'en-US' ? 'en-US' : 'zh-CN') }}>
      <a
        onClick={(e) => e.preventDefault()}
        style={{ color: 'inherit', display: 'inline-flex', alignItems: 'center', gap: 6, padding: '0 8px' }}
      >
        <GlobalOutlined />
        <span>{lang === 'en-US' ? 'English' : '中文'}</span>
      </a>
    </Dropdown>
  );
}

function initials(name: string): string {
  if (!/[\u4e00-\u9fff]/.test(name)) return name.slice(0, 1).toUpperCase();
  return name.length <= 3 ? name.slice(-2) : name.slice(0, 2); // 张海涛 → 海涛, 系统管理员 → 系统
}

export function UserMenu({ compact }: { compact: boolean }) {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!me) return null;
  const items: MenuProps['items'] = [
    { key: 'who', disabled: true, label: <Typography.Text type="secondary">{me.username}</Typography.Text> },
    { type: 'divider' },
    { key: '/me/password', icon: <LockOutlined />, label: t('修改密码') },
    me.totpEnabled
      ? { key: 'totp-on', disabled: true, icon: <SafetyOutlined />, label: t('动态口令已启用') }
      : { key: '/me/totp', icon: <KeyOutlined />, label: t('绑定动态口令 (TOTP)') },
    { key: '/me/notify', icon: <BellOutlined />, label: t('通知设置') },
    { key: '/me/tokens', icon: <ApiOutlined />, label: t('我的 API 令牌') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: t('退出登录') },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') void logout();
    else if (key.startsWith('/')) void navigate(key);
  };
  return (
    <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click']}>
      <a
        onClick={(e) => e.preventDefault()}
        style={{ color: 'inherit', display: 'inline-flex', alignItems: 'center' }}
        data-testid="user-menu"
      >
        <Space size={8}>
          <Avatar size={30} style={{ background: '#1554ad', fontSize: 14 }}>
            {initials(me.displayName)}
          </Avatar>
          {!compact && (
            <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{me.displayName}</span>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </a>
    </Dropdown>
  );
}
