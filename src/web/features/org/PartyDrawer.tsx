// A party in full: contacts and its settlement accounts.
import { Alert, Descriptions, Drawer, Grid, Skeleton, Tag } from 'antd';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { BankAccounts } from './BankAccounts.tsx';
import { PARTY_KIND } from './queries.ts';
import { orgApi } from '../../../common/org.api.ts';

export function PartyDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const q = useCall(orgApi.getParty, { params: { id: id ?? '' } }, { enabled: !!id });
  const p = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={phone ? '100%' : 760} title={p?.name ?? t('单位详情')} destroyOnHidden>
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <Alert type="error" showIcon title={problemMessage(q.error, lang)} />
      ) : (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
            items={[
              {
                key: 'kind',
                label: t('类型'),
                children: PARTY_KIND[p!.kind] ? <Tag color={PARTY_KIND[p!.kind]!.color}>{pick(lang, PARTY_KIND[p!.kind]!)}</Tag> : p!.kind,
              },
              { key: 'short', label: t('简称'), children: p!.shortName || '—' },
              { key: 'legal', label: t('法定代表人'), children: p!.legalRepresentative || '—' },
              { key: 'contact', label: t('联系人'), children: p!.contactPerson || '—' },
              { key: 'phone', label: t('电话'), children: p!.phone || '—' },
              { key: 'fax', label: t('传真'), children: p!.fax || '—' },
              { key: 'email', label: t('电子邮箱'), children: p!.email || '—' },
              { key: 'postcode', label: t('邮编'), children: p!.postcode || '—' },
              { key: 'address', label: t('地址'), span: 'filled', children: p!.address || '—' },
            ]}
          />
          <BankAccounts partyId={p!.id} accounts={p!.bankAccounts ?? []} canWrite={can('org.write')} />
        </>
      )}
    </Drawer>
  );
}
