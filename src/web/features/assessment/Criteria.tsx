// A month's criteria grouped by service line: each with what it measures, its target, the evidence read
// for the month (figure, link to the records, suggested 达标/未达标) and — for the agency on a draft — a
// score from 0 to 10 and a comment. Cards, not a table, so the page reads on a phone.
import { Card, Collapse, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { CRITERION_POINTS, type TScoreRow } from '../../../common/assessment.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';

export type Draft = Record<string, { score: number | null; comment: string }>;

function Evidence({ r }: { r: TScoreRow }) {
  const { t } = useI18n();
  if (!r.evidenceId || !r.evidenceAvailable) return <Tag>{t('人工评分')}</Tag>;
  return (
    <Space size={4} wrap>
      {r.measured ? (
        r.measured.link ? (
          <Link to={r.measured.link}>{r.measured.display}</Link>
        ) : (
          <span>{r.measured.display}</span>
        )
      ) : (
        <Typography.Text type="secondary">{t('无证据')}</Typography.Text>
      )}
      {r.suggested && (
        <Tag color={r.suggested === 'pass' ? 'success' : 'error'}>{r.suggested === 'pass' ? t('建议达标') : t('建议未达标')}</Tag>
      )}
    </Space>
  );
}

function Row({
  r,
  edit,
  draft,
  onChange,
}: {
  r: TScoreRow;
  edit: boolean;
  draft: Draft;
  onChange: (id: string, v: Draft[string]) => void;
}) {
  const { t } = useI18n();
  const d = draft[r.id] ?? { score: r.score, comment: r.comment };
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`criterion-${r.id}`}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between' }}>
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Text strong>
            {r.item}.{r.no} {r.text}
          </Typography.Text>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginTop: 2 }}>
            {r.itemTitle} · {t(r.measure)} · {t('目标')} {t(r.target)}
          </div>
          <div style={{ marginTop: 4 }}>
            <Evidence r={r} />
          </div>
        </div>
        <div style={{ flex: '0 1 280px' }}>
          {edit ? (
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              <InputNumber
                aria-label={`${r.id} ${t('得分')}`}
                min={0}
                max={CRITERION_POINTS}
                precision={0}
                value={d.score}
                addonAfter={`/ ${CRITERION_POINTS}`}
                onChange={(v) => onChange(r.id, { ...d, score: v })}
                style={{ width: 140 }}
              />
              <Input
                aria-label={`${r.id} ${t('评语')}`}
                placeholder={t('评语（可选）')}
                maxLength={2000}
                value={d.comment}
                onChange={(e) => onChange(r.id, { ...d, comment: e.target.value })}
              />
            </Space>
          ) : (
            <div style={{ textAlign: 'right' }}>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {r.score ?? '—'}
              </Typography.Text>
              <Typography.Text type="secondary"> / {CRITERION_POINTS}</Typography.Text>
              {r.comment && <div style={{ fontSize: 12 }}>{r.comment}</div>}
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}

export function Criteria({
  rows,
  edit,
  draft,
  onChange,
}: {
  rows: TScoreRow[];
  edit: boolean;
  draft: Draft;
  onChange: (id: string, v: Draft[string]) => void;
}) {
  const { t, lang } = useI18n();
  const lines = SERVICE_LINE_CODES.filter((c) => rows.some((r) => r.line === c));
  return (
    <Collapse
      defaultActiveKey={lines.slice(0, 1)}
      items={lines.map((c) => {
        const mine = rows.filter((r) => r.line === c);
        const scored = mine.filter((r) => (draft[r.id]?.score ?? r.score) !== null);
        const points = scored.reduce((n, r) => n + (draft[r.id]?.score ?? r.score ?? 0), 0);
        return {
          key: c,
          label: (
            <Space wrap>
              <Typography.Text strong>{lineShort(c, lang)}</Typography.Text>
              <Typography.Text type="secondary">
                {t('已评 {n}/{total} 项，{points} 分', { n: scored.length, total: mine.length, points })}
              </Typography.Text>
            </Space>
          ),
          children: mine.map((r) => <Row key={r.id} r={r} edit={edit} draft={draft} onChange={onChange} />),
        };
      })}
    />
  );
}
