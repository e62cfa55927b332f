// The look: an agency blue brand on a calm grey canvas, a deep navy navigation bar.
import type { ThemeConfig } from 'antd';

export const BRAND = '#1554ad';
export const NAVY = '#0b2447';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorLink: BRAND,
    borderRadius: 6,
    colorBgLayout: '#f2f4f8',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: NAVY, triggerBg: '#081a35', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px' },
    Menu: {
      darkItemBg: NAVY,
      darkSubMenuItemBg: '#081a35',
      darkItemSelectedBg: BRAND,
      darkPopupBg: NAVY,
    },
    Table: { headerBg: '#f5f7fa' },
    Card: { headerFontSize: 15 },
  },
};
