// Home: the signed-in user's to-do list first, for every role (issue 11 point 10); below it the
// contract at a glance (R-CON-03), or the user's roles and shortcuts for those who do not read contracts.
import { ArrowRightOutlined, CalendarOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TOverview } from '../../../common/contract.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtMoney } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { useOverview } from '../contract/queries.ts';
import { HomeCharts } from './HomeCharts.tsx';
import { LineCard } from './LineCard.tsx';
import { TodoList } from './TodoList.tsx';

function ContractCard({ o }: { o: TOverview }) {
  const { t } = useI18n();
  const c = o.contract!;
  return (
    <Card
      style={{ background: 'linear-gradient(120deg, #0f3470 0%, #1554ad 70%, #2f7be0 100%)', border: 0, color: '#fff' }}
      styles={{ body: { padding: '20px 24px' } }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 16 }}>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <div style={{ opacity: 0.75, fontSize: 13 }}>
            <FileProtectOutlined /> {t('合同编号')} {c.number}
          </div>
          <div style={{ fontSize: 20, fontWeight: 600, margin: '6px 0 12px', lineHeight: 1.4 }}>{c.title}</div>
          <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 4, fontSize: 13 }}>
            <span style={{ opacity: 0.7 }}>{t('甲方')}</span>
            <span>{c.agencyName}</span>
            <span style={{ opacity: 0.7 }}>{t('乙方')}</span>
            <span>{c.contractorName}</span>
          </div>
        </div>
        <div style={{ flex: '0 0 auto', textAlign: 'right', alignSelf: 'flex-end' }}>
          <div style={{ opacity: 0.75, fontSize: 13 }}>{t('合同总价')}</div>
          <div style={{ fontSize: 30, fontWeight: 600, fontVariantNumeric: 'tabular-nums', lineHeight: 1.3 }} data-testid="total-fee">
            {fmtMoney(c.totalFee)}
          </div>
          <div style={{ opacity: 0.75, fontSize: 12, marginTop: 4 }}>
            <CalendarOutlined /> {t('今天')} {o.today}
            {c.signedAt && ` · ${t('签订于')} ${c.signedAt}`}
          </div>
          <Link to="/contract">
            <Button ghost size="small" style={{ marginTop: 10 }}>
              {t('合同详情')} <ArrowRightOutlined />
            </Button>
          </Link>
        </div>
      </div>
    </Card>
  );
}

function Welcome() {
  const { me, can } = useAuth();
  const { t, lang } = useI18n();
  const roles = (me?.roles ?? []).map((code) => {
    const r = me?.roleInfo.find((b) => b.code === code);
    return { code, name: r ? pick(lang, { zh: r.nameZh, en: r.nameEn }) : code, desc: r?.description };
  });
  const links = [
    can('desk.self') && !can('desk.read') && { to: '/desk/new', label: '我要报修' },
    can('desk.self') && !can('desk.read') && { to: '/desk/mine', label: '我的报修' },
    can('user.read') && { to: '/admin/users', label: '用户管理' },
    can('role.read') && { to: '/admin/roles', label: '角色权限' },
    can('audit.read') && { to: '/admin/audit', label: '审计日志' },
    can('org.read') && { to: '/org/parties', label: '单位与人员' },
    { to: '/calendar', label: '工作日历' },
    { to: '/me/tokens', label: '我的 API 令牌' },
  ].filter((x): x is { to: string; label: string } => !!x);
  return (
    <Card size="small" title={t('您的角色与常用入口')}>
      <Typography.Paragraph type="secondary">{t('欢迎使用运维服务合同管理平台。您当前的角色：')}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={roles.map((r) => ({
          key: r.code,
          label: <Tag color="blue">{r.name}</Tag>,
          children: lang === 'en-US' ? r.code : (r.desc ?? ''),
        }))}
      />
      {!roles.length && <Alert type="info" showIcon title={t('您的账号尚未分配角色，请联系安全管理员。')} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 20 }}>
        {links.map((l) => (
          <Link key={l.to} to={l.to}>
            <Button>{t(l.label)}</Button>
          </Link>
        ))}
      </div>
    </Card>
  );
}

export function HomePage() {
  const { can } = useAuth();
  const { t, lang } = useI18n();
  const readsContract = can('contract.read');
  const q = useOverview(readsContract);
  return (
    <div>
      <PageHeader
        title={t('首页')}
        subtitle={readsContract ? t('您的待办事项，以及合同履行一览：各服务项目的服务期、费用、热线时间与人员到岗情况') : t('您的待办事项')}
      />
      <div style={{ marginBottom: 16 }}>
        <TodoList />
      </div>
      {!readsContract ? (
        <Welcome />
      ) : q.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : q.isError ? (
        <Alert type="error" showIcon title={problemMessage(q.error, lang)} />
      ) : !q.data.contract ? (
        <Card>
          <Empty description={t('尚未录入合同')} />
        </Card>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <ContractCard o={q.data} />
          <Row gutter={[16, 16]}>
            {q.data.lines.map((l) => (
              <Col key={l.id} xs={24} md={12} xxl={6}>
                <LineCard line={l} />
              </Col>
            ))}
          </Row>
          <HomeCharts lines={q.data.lines} />
        </div>
      )}
    </div>
  );
}
