// A report: one version's narrative (editable by the pm and engineers), then each section computed
// from the evidence — a table whose numbers link to the list they count, notes, a chart — with the
// versions to switch between and the Word, Excel and PDF downloads.
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { NARRATIVE_KEYS, NARRATIVE_NAMES, type TCell, type TChart, type TReportDetail, type TSection } from '../../../common/reports.ts';
import { reportsApi as api } from '../../../common/reports.api.ts';
import { call } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryClient } from '@tanstack/react-query';

function Cell({ c }: { c: TCell }) {
  return typeof c === 'object' ? <Link to={c.href}>{c.n}</Link> : <>{c}</>;
}

function chartOption(c: TChart): EChartOption {
  if (c.type === 'pie')
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['30%', '60%'], data: c.categories.map((name, i) => ({ name, value: c.series[0]?.data[i] ?? 0 })) }],
    };
  return {
    tooltip: { trigger: 'axis' },
    legend: c.series.length > 1 ? { bottom: 0 } : undefined,
    grid: { left: 50, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: c.categories, axisLabel: { interval: 0, rotate: c.categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: c.series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: 'top' } })),
  };
}

function Section({ s, n }: { s: TSection; n: number }) {
  const { t } = useI18n();
  return (
    <Card title={`${n}. ${t(s.title)}`} size="small" style={{ marginBottom: 12 }} data-section={s.id}>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={s.rows.map((r) => ({ r }))}
        locale={{ emptyText: t('本期无记录') }}
        columns={s.columns.map((c, i) => ({
          key: String(i),
          title: t(c),
          render: (_: unknown, x: { r: TCell[] }) => <Cell c={x.r[i]!} />,
        }))}
      />
      {s.notes.map((note, i) => (
        <Typography.Paragraph key={i} style={{ margin: '8px 0 0' }}>
          {note}
        </Typography.Paragraph>
      ))}
      {s.chart && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t(s.chart.title)}</Typography.Text>
          <EChart option={chartOption(s.chart)} height={260} />
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('数据来源')}: {s.evidence} ({s.requirements.join(', ')})
      </Typography.Text>
    </Card>
  );
}

function Narrative({ r }: { r: TReportDetail }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  useEffect(() => form.setFieldsValue(r.version.narrative), [form, r.version.narrative]);
  const save = async (v: Record<string, string>) => {
    setBusy(true);
    try {
      await call(api.narrative, { params: { id: r.id, version: r.version.version }, body: v });
      fb.ok('已保存');
      await qc.invalidateQueries({ queryKey: ['reports'] });
    } catch (e) {
      fb.fail(e, form);
    } finally {
      setBusy(false);
    }
  };
  const editable = can('reports.write');
  return (
    <Card title={t('报告正文')} size="small" style={{ marginBottom: 12 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!editable}>
        {NARRATIVE_KEYS.map((k) => (
          <Form.Item key={k} name={k} label={t(NARRATIVE_NAMES[k])}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} placeholder={t('（未填写）')} />
          </Form.Item>
        ))}
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('保存正文')}
          </Button>
        )}
      </Form>
      {r.version.narrativeAt && (
        <Typography.Text type="secondary">
          {t('最近编辑')}: {r.version.narrativeByName} {fmtTime(r.version.narrativeAt)}
        </Typography.Text>
      )}
    </Card>
  );
}

export function ReportPage() {
  const { t } = useI18n();
  const fb = useFeedback();
  const { id } = useParams() as { id: string };
  // ?version=N: the version a link names (a payment's report basis), else the latest.
  const [search] = useSearchParams();
  const asked = Number(search.get('version'));
  const [version, setVersion] = useState<number | undefined>(asked >= 1 ? asked : undefined);
  const latest = useCall(api.get, { params: { id } }, { enabled: version === undefined });
  const picked = useCall(api.version, { params: { id, version: version ?? 1 } }, { enabled: version !== undefined });
  const r = version === undefined ? latest.data : picked.data;
  if (!r) return <Card loading />;
  const file = (format: 'docx' | 'xlsx' | 'pdf') =>
    void downloadFile(api.file, { params: { id, version: r.version.version, format } }).catch(fb.fail);
  return (
    <div>
      <PageHeader
        title={r.title}
        subtitle={`${r.number} · ${r.periodStart} ~ ${r.periodEnd}`}
        extra={
          <Space wrap>
            <Select
              aria-label={t('版本')}
              style={{ width: 220 }}
              value={r.version.version}
              onChange={setVersion}
              options={r.history.map((h) => ({
                value: h.version,
                label: t('第 {n} 版 · {at}', { n: h.version, at: fmtTime(h.generatedAt) }),
              }))}
            />
            <Button icon={<FileWordOutlined />} onClick={() => file('docx')}>
              {t('下载 Word')}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => file('xlsx')}>
              {t('下载 Excel')}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => file('pdf')}>
              {t('下载 PDF')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'v', label: t('版本'), children: t('第 {n} 版', { n: r.version.version }) },
            { key: 'g', label: t('生成'), children: `${r.version.generatedByName} ${fmtTime(r.version.generatedAt)}` },
            { key: 's', label: t('统计项'), children: r.version.sections.length },
          ]}
        />
      </Card>
      <Narrative r={r} />
      {r.version.sections.map((s, i) => (
        <Section key={s.id} s={s} n={i + 1} />
      ))}
    </div>
  );
}
