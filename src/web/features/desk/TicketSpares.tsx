// 备件: the spare parts a ticket used (issued, returned, still reserved), from the spare-parts
// register (R-AST-05); issues and returns are made on the part's page, linked to this ticket.
import { Empty, Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { sparesApi } from '../../../common/spares.api.ts';
import { useCall } from '../../api/query.ts';

export function TicketSpares({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const q = useCall(sparesApi.ofTicket, { params: { id: ticketId } }, { queryKey: ['tickets', 'one', ticketId, 'spares'] });
  const items = q.data?.items ?? [];
  if (!q.isPending && !items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('此运维单没有领用备件')} />;
  return (
    <Table
      size="small"
      rowKey="partId"
      loading={q.isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      columns={[
        {
          title: t('备件'),
          dataIndex: 'name',
          render: (v: string, r) => <Link to={`/assets/spares/${r.partId}`}>{`${r.partNumber} ${v}`}</Link>,
        },
        { title: t('领用'), dataIndex: 'issued', render: (v: number, r) => `${v} ${r.unit}` },
        { title: t('归还'), dataIndex: 'returned', render: (v: number, r) => `${v} ${r.unit}` },
        { title: t('实际使用'), dataIndex: 'used', render: (v: number, r) => <b>{`${v} ${r.unit}`}</b> },
        { title: t('预留'), dataIndex: 'reserved', render: (v: number, r) => `${v} ${r.unit}` },
      ]}
    />
  );
}
