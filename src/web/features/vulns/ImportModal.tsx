// Importing a scan (issue 13 point 5, R-SEC-04): the file (nmap/OpenVAS/Nessus XML, a CSV or Excel
// export of a Chinese scanner read through its saved column mapping), the scan plan it fulfils, a
// progress bar, then what changed — new, updated, closed (verified), reopened — and the addresses no
// asset has. A refused file says why in Chinese, and nothing was written.
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Form, Modal, Progress, Row, Select, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import { IMPORT_FORMATS, type TImportFormat, type TImportResult } from '../../../common/vulns.ts';
import { vulnsApi } from '../../../common/vulns.api.ts';
import { uploadFile } from '../../api/upload.ts';
import { useCall } from '../../api/query.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';

const FORMAT_TEXT: Record<TImportFormat, string> = {
  nmap: 'nmap XML',
  openvas: 'OpenVAS / GVM XML',
  nessus: 'Nessus (.nessus)',
  csv: 'CSV / Excel（按扫描器列对应）',
};

function Counts({ r }: { r: TImportResult }) {
  const { t } = useI18n();
  const cells: [string, number, string?][] = [
    ['新增', r.new, '#cf1322'],
    ['更新', r.updated],
    ['已关闭', r.closed, '#389e0d'],
    ['重新打开', r.reopened, r.reopened ? '#d46b08' : undefined],
  ];
  return (
    <div data-testid="vulns-import-result">
      <Alert
        type="success"
        showIcon
        title={t('已导入 {hosts} 台主机的 {n} 个漏洞', { hosts: r.hosts, n: r.findings })}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={[8, 8]}>
        {cells.map(([label, n, color]) => (
          <Col key={label} xs={12} sm={6}>
            <Statistic title={t(label)} value={n} valueStyle={{ color }} />
          </Col>
        ))}
      </Row>
      {r.notSeen > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('本次扫描覆盖的地址上有 {n} 个未关闭漏洞未再出现，已记为“未再发现”，整改后会在下次扫描验证。', { n: r.notSeen })}
        </Typography.Paragraph>
      )}
      {r.unmatchedCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('{n} 个地址未匹配到资产（按管理 IP）', { n: r.unmatchedCount })}
          description={<span className="yw-mono">{r.unmatched.slice(0, 20).join('、')}</span>}
        />
      )}
    </div>
  );
}

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [format, setFormat] = useState<TImportFormat | undefined>();
  const [scanner, setScanner] = useState<string | undefined>();
  const [planId, setPlanId] = useState<string | undefined>();
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mappings = useCall(vulnsApi.mappings, {}, { enabled: open });
  const plans = useCall(vulnsApi.plans, {}, { enabled: open });
  const busy = percent !== null && result === null && error === null;

  const run = async (file: File) => {
    setResult(null);
    setError(null);
    setPercent(0);
    try {
      // Upload is 80 % of the bar; the server's parse, match and write the rest.
      const r = await uploadFile(vulnsApi.import, { query: { format, scanner, planId } }, file, setPercent, 80);
      setResult(r);
      await qc.invalidateQueries({ queryKey: ['vulns'] });
    } catch (e) {
      setPercent(null);
      setError(problemMessage(e, lang));
    }
  };
  const close = () => {
    setPercent(null);
    setResult(null);
    setError(null);
    onClose();
  };
  return (
    <Modal open={open} title={t('导入扫描报告')} width={640} onCancel={close} footer={null} destroyOnHidden>
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('格式')}>
              <Select
                allowClear
                placeholder={t('自动识别')}
                value={format}
                onChange={setFormat}
                options={IMPORT_FORMATS.map((f) => ({ value: f, label: t(FORMAT_TEXT[f]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('扫描计划（可选）')}>
              <Select
                allowClear
                placeholder={t('不属于计划')}
                value={planId}
                onChange={setPlanId}
                options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.range}）` }))}
              />
            </Form.Item>
          </Col>
          {(format === 'csv' || format === undefined) && (
            <Col xs={24} sm={12}>
              <Form.Item label={t('扫描器（CSV / Excel 的列对应）')}>
                <Select
                  allowClear
                  placeholder={t('使用通用列名')}
                  value={scanner}
                  onChange={setScanner}
                  options={(mappings.data ?? []).map((m) => ({ value: m.scanner, label: m.scanner }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
      <Upload.Dragger
        accept=".xml,.nessus,.csv,.xlsx"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void run(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('点击或拖入扫描报告文件')}</p>
        <p className="ant-upload-hint">{t('支持 nmap、OpenVAS、Nessus 的 XML，以及 CSV / Excel')}</p>
      </Upload.Dragger>
      {percent !== null && (
        <Progress percent={percent} status={result ? 'success' : 'active'} style={{ marginTop: 12 }} aria-label={t('导入进度')} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="vulns-import-error" />}
      {result && (
        <div style={{ marginTop: 12 }}>
          <Counts r={result} />
        </div>
      )}
    </Modal>
  );
}
