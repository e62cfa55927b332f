// How knowledge base articles look on every KB screen: the service line chip and the article's tags.
import { Space, Tag } from 'antd';
import type { TKbArticle } from '../../../common/desk.ts';
import type { ServiceLineCode } from '../../../common/service-lines.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LINE_COLOR, lineShort } from '../contract/lines.ts';

export function LineChip({ code }: { code: string | null }) {
  const { t, lang } = useI18n();
  if (!code) return <Tag style={{ marginInlineEnd: 0 }}>{t('通用')}</Tag>;
  const c = code as ServiceLineCode;
  return (
    <Tag color={LINE_COLOR[c]} style={{ marginInlineEnd: 0 }}>
      {lineShort(c, lang)}
    </Tag>
  );
}

export function ArticleTags({ a, onPick }: { a: Pick<TKbArticle, 'tags'>; onPick?: (tag: string) => void }) {
  if (!a.tags.length) return null;
  return (
    <Space size={4} wrap>
      {a.tags.map((tag) => (
        <Tag
          key={tag}
          bordered={false}
          style={{ marginInlineEnd: 0, cursor: onPick ? 'pointer' : undefined }}
          onClick={onPick ? () => onPick(tag) : undefined}
        >
          #{tag}
        </Tag>
      ))}
    </Space>
  );
}
