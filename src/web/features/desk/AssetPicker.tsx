// Picks affected assets from the register while a ticket is logged: each pick adds a line
// "<asset number> <name>" to the ticket's assets text, which the ticket page links to the asset
// and the asset's history links back to the ticket (R-AST-04).
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { assetsApi } from '../../../common/assets.api.ts';
import { useCall } from '../../api/query.ts';

export function AssetPicker({ onPick }: { onPick: (line: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useCall(assetsApi.list, { query: { q, pageSize: 10 } }, { enabled: q.trim().length >= 2, staleTime: 30_000 });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={null}
      placeholder={t('从资产台账选择：输入编号、名称、型号、序列号或 IP')}
      notFoundContent={q.trim().length >= 2 ? t('没有匹配的资产') : null}
      loading={found.isFetching}
      style={{ width: '100%', marginBottom: 8 }}
      options={(found.data?.items ?? []).map((a) => ({
        value: a.number,
        label: `${a.number} ${a.name}${a.model ? `（${a.model}）` : ''}`,
      }))}
      onChange={(number: string | null) => {
        const a = found.data?.items.find((x) => x.number === number);
        if (a) onPick(`${a.number} ${a.name}`);
        setQ('');
      }}
    />
  );
}

/** Asset numbers in a ticket's assets text become links to the asset page (/a/<number>). */
export const ASSET_NUMBER = /\b[A-Z][A-Z0-9]*-[A-Z0-9]+-\d{3,}\b/g;
