// The frame of the sign-in pages: a deep-blue backdrop with the product's promise on the left and the
// form card on the right (the card alone on a phone).
import { Grid, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { LangSwitch } from '../../app/UserMenu.tsx';
import { LogoMark } from '../../components/Logo.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ModuleClaims } from './ModuleClaims.tsx';

const BACKDROP = [
  'radial-gradient(1200px 600px at 85% -10%, rgba(64, 140, 255, 0.35), transparent 60%)',
  'radial-gradient(900px 500px at -10% 110%, rgba(20, 184, 166, 0.18), transparent 60%)',
  'linear-gradient(135deg, #0a1f3f 0%, #0f3470 55%, #1554ad 100%)',
].join(', ');

// A faint technical grid over the backdrop.
const GRID =
  "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='48'%3E%3Cpath d='M48 0H0v48' fill='none' stroke='rgba(255,255,255,0.06)' stroke-width='1'/%3E%3C/svg%3E\")";

export function LoginShell({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  useEffect(() => {
    document.title = `${title} · ${t('运维 Yunwei')}`;
  }, [title, t]);
  return (
    <div style={{ minHeight: '100vh', background: `${GRID}, ${BACKDROP}`, display: 'flex', flexDirection: 'column' }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: wide ? '20px 40px' : '14px 16px',
          color: '#fff',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
          <LogoMark size={32} />
          <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 2 }}>{t('运维')}</span>
          {wide && <span style={{ opacity: 0.65, fontSize: 13, marginLeft: 4 }}>Yunwei</span>}
        </div>
        <div style={{ color: 'rgba(255,255,255,0.85)' }}>
          <LangSwitch />
        </div>
      </div>
      <div
        style={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: wide ? 'space-between' : 'center',
          flexDirection: wide ? 'row' : 'column',
          gap: 48,
          padding: wide ? '0 8vw 48px' : '8px 16px 32px',
          maxWidth: 1400,
          width: '100%',
          margin: '0 auto',
          boxSizing: 'border-box',
        }}
      >
        {wide && (
          <div style={{ color: '#fff', maxWidth: 560 }}>
            <div style={{ fontSize: 40, fontWeight: 600, letterSpacing: 4, lineHeight: 1.25 }}>{t('运维服务合同管理平台')}</div>
            <div style={{ fontSize: 17, opacity: 0.8, marginTop: 16, lineHeight: 1.8 }}>
              {t('甲乙双方在同一个系统里履行运维服务合同，每一项义务都有据可查。')}
            </div>
            <ModuleClaims />
          </div>
        )}
        {!wide && (
          <div style={{ color: '#fff', width: '100%', maxWidth: 420, textAlign: 'center', marginBottom: -24 }}>
            <div style={{ fontSize: 22, fontWeight: 600, letterSpacing: 2 }}>{t('运维服务合同管理平台')}</div>
            <div style={{ fontSize: 13, opacity: 0.75, marginTop: 6 }}>
              {t('甲乙双方在同一个系统里履行运维服务合同，每一项义务都有据可查。')}
            </div>
          </div>
        )}
        <div
          style={{
            width: wide ? 420 : '100%',
            maxWidth: 420,
            background: '#fff',
            borderRadius: 12,
            boxShadow: '0 24px 64px rgba(3, 15, 40, 0.35)',
            padding: wide ? '36px 40px 28px' : '28px 22px 20px',
            boxSizing: 'border-box',
          }}
        >
          {children}
        </div>
      </div>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.55)', textAlign: 'center', fontSize: 12, paddingBottom: 16 }}>
        {t('运维 Yunwei · 建议使用最新版 Chrome、Edge 或国产浏览器极速模式')}
      </Typography.Text>
    </div>
  );
}
