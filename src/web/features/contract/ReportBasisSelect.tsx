// The reports a payment rests on (第四条1), picked from the monthly, quarterly and annual reports stored
// in the reports module, one option per version (newest first). The value is "reportId/version".
import { Select } from 'antd';
import type { TPaymentReport } from '../../../common/money.ts';
import { reportsApi } from '../../../common/reports.api.ts';
import { REPORT_KIND_NAMES, type ReportKind } from '../../../common/reports.ts';
import { useCall } from '../../api/query.ts';
import { useI18n } from '../../i18n/index.tsx';

const KINDS: ReportKind[] = ['monthly', 'quarterly', 'annual'];

export const basisKey = (r: { reportId: string; version: number }) => `${r.reportId}/${r.version}`;
export const basisPair = (k: string) => ({ reportId: k.split('/')[0]!, version: Number(k.split('/')[1]) });
export const basisLabel = (r: Pick<TPaymentReport, 'title' | 'number' | 'version'>, t: (s: string, v?: { n: number }) => string) =>
  `${r.title}（${r.number}）${t('第 {n} 版', { n: r.version })}`;

function useKind(kind: ReportKind) {
  return useCall(reportsApi.list, { query: { kind, page: 1, pageSize: 200 } });
}

export function ReportBasisSelect({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useI18n();
  const lists = [useKind('monthly'), useKind('quarterly'), useKind('annual')];
  const options = KINDS.map((kind, i) => ({
    label: t(REPORT_KIND_NAMES[kind]),
    options: (lists[i]!.data?.items ?? []).flatMap((r) =>
      Array.from({ length: r.versions }, (_, j) => r.versions - j).map((version) => ({
        value: basisKey({ reportId: r.id, version }),
        label: basisLabel({ ...r, version }, t),
      })),
    ),
  })).filter((g) => g.options.length);
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      loading={lists.some((l) => l.isLoading)}
      placeholder={t('从已生成的月度、季度、年度运维报告中选择')}
      notFoundContent={t('尚无月度、季度或年度运维报告，请先在“运维报告”中生成')}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
