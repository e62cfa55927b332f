// 工作日历: a year of statutory holidays and make-up workdays (Asia/Shanghai), editable with calendar.write.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DayInfo } from '../../../common/calendar.ts';
import { useAuth } from '../../app/auth.tsx';
import { todayShanghai } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { DayModal } from './DayModal.tsx';
import { ImportButton } from './ImportButton.tsx';
import { DAY_STYLE, MonthGrid } from './MonthGrid.tsx';
import { calendarApi } from '../../../common/calendar.api.ts';
import { useCall } from '../../api/query.ts';

function Legend() {
  const { t } = useI18n();
  const items: [DayInfo['type'], string][] = [
    ['workday', '工作日'],
    ['weekend', '周末'],
    ['holiday', '法定节假日'],
    ['makeup_workday', '调休上班'],
  ];
  return (
    <Space wrap size={16}>
      {items.map(([type, label]) => (
        <span key={type} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 13 }}>
          <span
            style={{
              width: 18,
              height: 18,
              borderRadius: 4,
              background: DAY_STYLE[type].bg,
              border: '1px solid #e5e7eb',
              color: DAY_STYLE[type].color,
              fontSize: 10,
              textAlign: 'center',
              lineHeight: '16px',
              fontWeight: 600,
            }}
          >
            {DAY_STYLE[type].mark ?? ''}
          </span>
          {t(label)}
        </span>
      ))}
    </Space>
  );
}

export function CalendarPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const today = todayShanghai();
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  const [picked, setPicked] = useState<DayInfo | null>(null);
  const q = useCall(calendarApi.days, { query: { from: `${year}-01-01`, to: `${year}-12-31` } });
  const days = useMemo(() => new Map((q.data?.items ?? []).map((d) => [d.date, d])), [q.data]);
  const stats = useMemo(() => {
    const items = q.data?.items ?? [];
    const n = (ty: DayInfo['type']) => items.filter((d) => d.type === ty).length;
    return { work: n('workday') + n('makeup_workday'), holiday: n('holiday'), makeup: n('makeup_workday') };
  }, [q.data]);
  const editable = can('calendar.write');

  return (
    <div>
      <PageHeader
        title={t('工作日历')}
        subtitle={t('法定节假日与调休安排（北京时间），服务时限、合同期限与排班据此计算工作日')}
        extra={
          <>
            <Space.Compact>
              <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('上一年')} />
              <Button style={{ minWidth: 88, fontWeight: 600 }} onClick={() => setYear(Number(today.slice(0, 4)))}>
                {lang === 'en-US' ? year : `${year} 年`}
              </Button>
              <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('下一年')} />
            </Space.Compact>
            {editable && <ImportButton onImported={setYear} />}
          </>
        }
      />
      <Card styles={{ body: { padding: 16 } }} style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'center', justifyContent: 'space-between' }}>
          <Legend />
          <Space size={32}>
            <Statistic title={t('全年工作日')} value={stats.work} suffix={t('天')} />
            <Statistic title={t('法定节假日')} value={stats.holiday} suffix={t('天')} styles={{ content: { color: '#cf1322' } }} />
            <Statistic title={t('调休上班')} value={stats.makeup} suffix={t('天')} styles={{ content: { color: '#d46b08' } }} />
          </Space>
        </div>
        {editable && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('点击日期可设为法定节假日、调休上班或恢复为普通日；下一年的安排可导入国务院办公厅通知整理的 holiday-cn 格式文件。')}
          </Typography.Text>
        )}
      </Card>
      {q.isError ? (
        <Alert type="error" showIcon title={problemMessage(q.error, lang)} />
      ) : q.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Row gutter={[12, 12]}>
          {Array.from({ length: 12 }, (_, i) => (
            <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid year={year} month={i + 1} days={days} today={today} onPick={editable ? setPicked : undefined} />
            </Col>
          ))}
        </Row>
      )}
      <DayModal day={picked} onClose={() => setPicked(null)} />
    </div>
  );
}
