// The top of the home page for every role (issue 11 point 10): the sections of the signed-in user's
// to-do list that GET /api/home answers (each module's to-do providers), with counts, risk badges,
// deadlines and links; an honest empty state in each section and when there is nothing at all.
import { ArrowRightOutlined, CheckCircleOutlined, ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Col, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { homeApi, type TTodoItem, type TTodoSection } from '../../../common/home.api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useCall } from '../../api/query.ts';
import { relativeTime } from '../../components/NotificationBell.tsx';
import { fmtTime } from '../../components/format.ts';
import { pick, useI18n, type Lang } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';

const RISK_COLOR = { breached: '#cf1322', warning: '#d46b08' } as const;

/** "还剩 35 分钟" / "已超时 2 小时" for a deadline, in the page's language. */
export function dueText(iso: string, lang: Lang, now = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  const m = Math.round(Math.abs(ms) / 60_000);
  const en = lang === 'en-US';
  const span =
    m < 60
      ? en
        ? `${m} min`
        : `${m} 分钟`
      : m < 48 * 60
        ? en
          ? `${Math.round(m / 60)} h`
          : `${Math.round(m / 60)} 小时`
        : en
          ? `${Math.round(m / 1440)} d`
          : `${Math.round(m / 1440)} 天`;
  if (ms >= 0) return en ? `due in ${span}` : `还剩 ${span}`;
  return en ? `${span} overdue` : `已超时 ${span}`;
}

function ItemRow({ item }: { item: TTodoItem }) {
  const { t, lang } = useI18n();
  const color = item.risk ? RISK_COLOR[item.risk] : undefined;
  return (
    <Link
      to={item.url}
      className="yw-todo-item"
      data-testid="todo-item"
      style={{ display: 'flex', gap: 10, padding: '9px 0', color: 'inherit' }}
    >
      <span aria-hidden style={{ flex: 'none', width: 6, height: 6, marginTop: 8, borderRadius: 3, background: color ?? '#91a7c4' }} />
      <span style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text ellipsis={{ tooltip: item.title }} style={{ display: 'block', color: '#1f2937' }}>
          {item.title}
        </Typography.Text>
        <span style={{ display: 'flex', flexWrap: 'wrap', columnGap: 8, fontSize: 12, color: '#8a94a6', lineHeight: '20px' }}>
          {item.subtitle && <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{item.subtitle}</span>}
          {item.due ? (
            <span style={{ color: color ?? '#8a94a6', whiteSpace: 'nowrap' }} title={fmtTime(item.due)}>
              {item.risk ? <WarningOutlined /> : <ClockCircleOutlined />} {dueText(item.due, lang)}
            </span>
          ) : item.at ? (
            <span style={{ whiteSpace: 'nowrap' }} title={fmtTime(item.at)}>
              {relativeTime(item.at, lang)}
            </span>
          ) : null}
        </span>
      </span>
      {item.tag && (
        <Tag
          color={item.risk === 'breached' ? 'red' : item.risk === 'warning' ? 'orange' : 'blue'}
          style={{ flex: 'none', marginInlineEnd: 0, alignSelf: 'flex-start' }}
        >
          {t(item.tag)}
        </Tag>
      )}
    </Link>
  );
}

function SectionCard({ s }: { s: TTodoSection }) {
  const { t, lang } = useI18n();
  const worst = s.items.some((i) => i.risk === 'breached') ? 'breached' : s.items.some((i) => i.risk === 'warning') ? 'warning' : null;
  const more = s.count - s.items.length;
  return (
    <Card
      size="small"
      data-testid={`todo-${s.id}`}
      // A section with items fills its row; an empty one stays one line high (no empty boxes).
      style={s.items.length ? { height: '100%' } : undefined}
      styles={{ body: { paddingTop: 4, paddingBottom: 8 } }}
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{pick(lang, { zh: s.zh, en: s.en })}</span>
          <Badge
            count={s.count}
            showZero
            overflowCount={999}
            color={s.count === 0 ? '#bfbfbf' : worst ? RISK_COLOR[worst] : '#1554ad'}
            data-testid="todo-count"
          />
        </span>
      }
      extra={
        s.url && (
          <Link to={s.url} style={{ whiteSpace: 'nowrap' }}>
            {t('全部')} <ArrowRightOutlined />
          </Link>
        )
      }
    >
      {s.items.length === 0 ? (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '14px 0 8px', color: '#8a94a6' }}>
          <CheckCircleOutlined style={{ color: '#52c41a' }} />
          <span>{pick(lang, { zh: s.emptyZh ?? '暂无待办', en: s.emptyEn ?? 'Nothing to do' })}</span>
        </div>
      ) : (
        <div className="yw-todo-list">
          {s.items.map((i, n) => (
            <ItemRow key={`${i.url}-${n}`} item={i} />
          ))}
          {more > 0 && s.url && (
            <Link to={s.url} style={{ display: 'block', fontSize: 12, paddingTop: 6 }}>
              {t('还有 {n} 项', { n: more })}
            </Link>
          )}
        </div>
      )}
    </Card>
  );
}

export function TodoList() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  // Refreshed every minute and when the window regains focus: what waits changes as others work.
  const q = useCall(homeApi.todos, {}, { refetchInterval: 60_000 });
  if (q.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  if (q.isError) return <Alert type="error" showIcon title={problemMessage(q.error, lang)} />;
  // What waits first, the sections with nothing to do after them (each group in page order).
  const sections = [
    ...q.data.sections.filter((s) => s.count > 0 || s.items.length),
    ...q.data.sections.filter((s) => !s.count && !s.items.length),
  ];
  const total = sections.reduce((n, s) => n + s.count, 0);
  return (
    <section data-testid="todo-list" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 12px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('您好，{name}', { name: me?.displayName ?? '' })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {sections.length === 0
            ? t('您的角色没有待办事项。')
            : total === 0
              ? t('目前没有待办，一切正常。')
              : t('您有 {n} 项待办。', { n: total })}
        </Typography.Text>
      </div>
      {sections.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无待办')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {sections.map((s) => (
            <Col key={s.id} xs={24} lg={12} xxl={8}>
              <SectionCard s={s} />
            </Col>
          ))}
        </Row>
      )}
    </section>
  );
}
