// 值班 (issue 14 point 4): who is on duty now per line, a month of a roster, override requests and
// approval, the handover log and attendance, the rosters with their uncovered hours.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { dayjs, TZ } from '../../app/dayjs.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DocsPanel } from './DocsPanel.tsx';
import { DrillsPanel } from './DrillsPanel.tsx';
import { HandoverPanel } from './HandoverPanel.tsx';
import { MonthPanel } from './MonthPanel.tsx';
import { NowPanel } from './NowPanel.tsx';
import { OverridesPanel } from './OverridesPanel.tsx';
import { RostersPanel } from './RostersPanel.tsx';
import { ShiftsPanel } from './ShiftsPanel.tsx';

export function DutyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const at = params.get('at') ?? undefined;
  const tab = params.get('tab') ?? 'now';
  const month = dayjs(at ?? undefined)
    .tz(TZ)
    .format('YYYY-MM');
  const items = [
    { key: 'now', label: t('当前值班'), children: <NowPanel at={at} /> },
    { key: 'month', label: t('排班月历'), children: <MonthPanel initial={month} /> },
    { key: 'shifts', label: t('班次清单'), children: <ShiftsPanel /> },
    { key: 'overrides', label: t('调班'), children: <OverridesPanel /> },
    { key: 'handover', label: t('交接班'), children: <HandoverPanel /> },
    { key: 'rosters', label: t('排班表'), children: <RostersPanel /> },
    { key: 'docs', label: t('制度与预案'), children: <DocsPanel /> },
    { key: 'drills', label: t('应急演练'), children: <DrillsPanel /> },
  ];
  return (
    <div>
      <PageHeader title={t('值班')} subtitle={t('驻场 5×9、机动、二线值班与节假日专项值班，按工作日历排班')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(params);
          next.set('tab', k);
          setParams(next, { replace: true });
        }}
        items={items}
      />
    </div>
  );
}
