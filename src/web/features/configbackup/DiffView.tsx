// A unified diff as the server writes it, each line coloured by what it says: added, removed, a hunk.
import { Empty, Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';

function lineStyle(l: string): React.CSSProperties {
  if (l.startsWith('+++') || l.startsWith('---') || l.startsWith('===') || l.startsWith('Index:')) return { color: '#8c8c8c' };
  if (l.startsWith('+')) return { background: '#f6ffed', color: '#237804' };
  if (l.startsWith('-')) return { background: '#fff1f0', color: '#a8071a' };
  if (l.startsWith('@@')) return { background: '#e6f4ff', color: '#0958d9' };
  return {};
}

export function DiffView({ text }: { text: string }) {
  const { t } = useI18n();
  const lines = text.split('\n');
  if (!lines.some((l) => l.startsWith('@@'))) return <Empty description={t('两个版本相同')} />;
  return (
    <Typography.Paragraph style={{ marginBottom: 0 }}>
      <pre
        className="yw-mono"
        style={{ margin: 0, padding: 8, fontSize: 12, overflowX: 'auto', maxHeight: 560, border: '1px solid #f0f0f0' }}
      >
        {lines.map((l, i) => (
          <div key={i} style={lineStyle(l)}>
            {l || ' '}
          </div>
        ))}
      </pre>
    </Typography.Paragraph>
  );
}
