// Which service line the problem belongs to, chosen by the requester (none is pre-selected): each line
// with its Chinese name, what it covers, its hotline hours and number, and its 7×24 emergency phone
// (R-SD-01 hours per line; R-SD-11 an emergency phone on every line, the 5×9 SM line included).
import { AlertOutlined, PhoneOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { TSelfLine } from '../../../../common/desk-self.ts';
import type { ServiceLineCode } from '../../../../common/service-lines.ts';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { HOURS_LABEL, LINE_COLOR, lineName, lineShort } from '../../contract/lines.ts';

export function LinePicker({
  lines,
  value,
  onChange,
}: {
  lines: TSelfLine[];
  value?: ServiceLineCode | undefined;
  onChange?: (v: ServiceLineCode) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div
      role="radiogroup"
      aria-label={t('服务项目')}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))', gap: 10 }}
    >
      {lines.map((l) => {
        const on = value === l.code;
        return (
          <div
            key={l.code}
            role="radio"
            aria-checked={on}
            tabIndex={0}
            data-line={l.code}
            onClick={() => onChange?.(l.code)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onChange?.(l.code))}
            style={{
              cursor: 'pointer',
              border: `1px solid ${on ? LINE_COLOR[l.code] : '#e5e7eb'}`,
              boxShadow: on ? `0 0 0 2px ${LINE_COLOR[l.code]}33` : undefined,
              borderInlineStart: `4px solid ${LINE_COLOR[l.code]}`,
              borderRadius: 8,
              padding: '10px 12px',
              background: on ? '#f8fafc' : '#fff',
            }}
          >
            <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {lineShort(l.code, lang)}
              </Typography.Text>
              <Tag color={l.hoursProfile === '7x24' ? 'volcano' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
                {t('热线')} {pick(lang, HOURS_LABEL[l.hoursProfile]!)}
              </Tag>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {lang === 'en-US' ? lineName(l.code, lang) : l.name}
            </Typography.Text>
            {l.summary && <div style={{ margin: '4px 0', fontSize: 13 }}>{l.summary}</div>}
            <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16, rowGap: 2, fontSize: 13 }}>
              {l.hotlinePhone && (
                <span>
                  <PhoneOutlined style={{ color: '#6b7280' }} /> {t('服务热线')} <span className="yw-mono">{l.hotlinePhone}</span>
                </span>
              )}
              {l.emergencyPhone && (
                <span style={{ color: '#cf1322' }} data-testid={`emergency-${l.code}`}>
                  <AlertOutlined /> {t('7×24 应急电话')} <span className="yw-mono">{l.emergencyPhone}</span>
                </span>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
