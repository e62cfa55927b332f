// The SLA policies of one service line: a table on wide screens, a list on phones.
import { EditOutlined } from '@ant-design/icons';
import { Button, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { TableColumnType } from 'antd';
import { type TSlaPolicyRow } from '../../../../common/desk-policy.ts';
import { type ServiceLineCode } from '../../../../common/service-lines.ts';
import { HOTLINE_PROFILE, SEVERITIES, SLA_TARGETS, type SlaTarget } from '../../../../common/sla.ts';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { LINE_COLOR, hoursShort, lineName, lineShort } from '../../contract/lines.ts';
import { SEVERITY } from '../meta.ts';
import { TARGET_NAME, contractOf, sameTargets, scopeName, TargetText } from './targets.tsx';

export function LinePolicies({
  line,
  items,
  phone,
  canEdit,
  onEdit,
}: {
  line: ServiceLineCode;
  items: TSlaPolicyRow[];
  phone: boolean;
  canEdit: boolean;
  onEdit: (p: TSlaPolicyRow) => void;
}) {
  const { t, lang } = useI18n();
  const rows = useMemo(
    () =>
      [...items].sort(
        (a, b) =>
          SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.category === null ? 0 : 1) - (b.category === null ? 0 : 1),
      ),
    [items],
  );
  const span = (r: TSlaPolicyRow, i: number) =>
    i > 0 && rows[i - 1]!.severity === r.severity ? 0 : rows.filter((x) => x.severity === r.severity).length;
  const adjusted = (p: TSlaPolicyRow) => {
    const c = contractOf(p);
    return !c || !sameTargets(c.targets, p.targets);
  };
  const scope = (p: TSlaPolicyRow) => (
    <Space size={4} wrap>
      <span>{scopeName(p, lang)}</span>
      {adjusted(p) && (
        <Tooltip title={t('与合同约定的时限不同')}>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t('已调整')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );

  const header = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '4px 0 10px', flexWrap: 'wrap' }}>
      <span style={{ width: 4, alignSelf: 'stretch', minHeight: 20, borderRadius: 2, background: LINE_COLOR[line] }} />
      <Typography.Text strong style={{ fontSize: 15 }}>
        {phone ? lineShort(line, lang) : lineName(line, lang)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('热线')} {hoursShort(HOTLINE_PROFILE[line])}
      </Typography.Text>
    </div>
  );

  if (phone) {
    return (
      <div style={{ marginBottom: 20 }} data-testid={`policy-line-${line}`}>
        {header}
        <List
          size="small"
          bordered
          dataSource={rows}
          rowKey="id"
          renderItem={(p) => (
            <List.Item data-testid="policy-row" style={{ display: 'block' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
                <Space size={6} wrap>
                  <Tag color={SEVERITY[p.severity].color} style={{ marginInlineEnd: 0 }}>
                    {pick(lang, SEVERITY[p.severity])}
                  </Tag>
                  {scope(p)}
                </Space>
                {canEdit && <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(p)} aria-label={t('修改')} />}
              </div>
              <div style={{ marginTop: 6, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 4, fontSize: 13 }}>
                {p.targets.map((x) => (
                  <div key={x.target} style={{ display: 'contents' }}>
                    <Typography.Text type="secondary">{pick(lang, TARGET_NAME[x.target])}</Typography.Text>
                    <TargetText x={x} />
                  </div>
                ))}
              </div>
            </List.Item>
          )}
        />
      </div>
    );
  }

  const targetCol = (k: SlaTarget): TableColumnType<TSlaPolicyRow> => ({
    key: k,
    title: pick(lang, TARGET_NAME[k]),
    width: 150,
    render: (_, p) => {
      const x = p.targets.find((y) => y.target === k);
      return x ? <TargetText x={x} /> : <Typography.Text type="secondary">—</Typography.Text>;
    },
  });
  const columns: TableColumnType<TSlaPolicyRow>[] = [
    {
      key: 'severity',
      title: t('级别'),
      width: 80,
      onCell: (p, i) => ({ rowSpan: span(p, i ?? 0) }),
      render: (_, p) => <Tag color={SEVERITY[p.severity].color}>{pick(lang, SEVERITY[p.severity])}</Tag>,
    },
    { key: 'scope', title: t('适用'), width: 140, render: (_, p) => scope(p) },
    ...SLA_TARGETS.map(targetCol),
    ...(canEdit
      ? [
          {
            key: 'op',
            title: t('操作'),
            width: 80,
            render: (_: unknown, p: TSlaPolicyRow) => (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(p)} style={{ paddingInline: 0 }}>
                {t('修改')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div style={{ marginBottom: 20 }} data-testid={`policy-line-${line}`}>
      {header}
      <Table<TSlaPolicyRow>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
