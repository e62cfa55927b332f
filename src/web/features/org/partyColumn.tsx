// The 所属单位 column the departments and people tables share: the party's short name, filterable.
import type { TParty } from '../../../common/org.ts';
import type { DTColumn } from '../../components/DataTable.tsx';

export function partyColumn<R extends { partyId: string }>(parties: TParty[] | undefined, title: string): DTColumn<R> {
  const name = new Map((parties ?? []).map((p) => [p.id, p.shortName || p.name]));
  return {
    title,
    dataIndex: 'partyId',
    key: 'partyId',
    filterParam: 'partyId',
    filters: (parties ?? []).map((p) => ({ text: p.shortName || p.name, value: p.id })),
    render: (v: string) => name.get(v) ?? '—',
  };
}
