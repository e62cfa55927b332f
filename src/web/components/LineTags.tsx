// Service lines as everyone reads them (issue 11 point 12): the short Chinese name (安全监控 …) in the
// line's colour, never the code (SM, NET …). An unknown code is shown as it is.
import { Space, Tag } from 'antd';
import { SERVICE_LINE_SHORT, isServiceLineCode } from '../../common/service-lines.ts';
import { useI18n } from '../i18n/index.tsx';

const COLOR: Record<string, string> = { SM: 'blue', NET: 'cyan', SEC: 'volcano', VC: 'purple' };

/** The short name of a line in the page's language. */
export function useLineLabel(): (code: string | null | undefined) => string {
  const { lang } = useI18n();
  return (code) => (!code ? '—' : isServiceLineCode(code) ? SERVICE_LINE_SHORT[code][lang === 'en-US' ? 'en' : 'zh'] : code);
}

export function LineTag({ code }: { code: string | null | undefined }) {
  const label = useLineLabel();
  if (!code) return <>—</>;
  return (
    <Tag color={COLOR[code]} style={{ marginInlineEnd: 0 }}>
      {label(code)}
    </Tag>
  );
}

export function LineTags({ codes }: { codes: readonly string[] }) {
  if (!codes.length) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {codes.map((c) => (
        <LineTag key={c} code={c} />
      ))}
    </Space>
  );
}
