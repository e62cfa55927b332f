// Permission checkboxes grouped as the server's catalogue groups them (GET /api/permissions): the
// kernel's duties and each module's own group, so a new module's permissions appear here by themselves.
import { Checkbox, Spin, Typography } from 'antd';
import type { TPermissionList } from '../../../common/auth.ts';
import { pick, useI18n } from '../../i18n/index.tsx';
import { rolesApi } from '../../../common/auth.api.ts';
import { useCall } from '../../api/query.ts';

type Perm = TPermissionList['items'][number];

export function usePermissionCatalogue() {
  return useCall(rolesApi.permissions, {}, { staleTime: Infinity });
}

function grouped(items: Perm[]): [Perm, Perm[]][] {
  const m = new Map<string, Perm[]>();
  for (const p of items) m.set(p.group, [...(m.get(p.group) ?? []), p]);
  return [...m.values()].map((ps) => [ps[0]!, ps]);
}

export function PermissionPicker({
  value,
  onChange,
  disabled,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
}) {
  const { lang } = useI18n();
  const q = usePermissionCatalogue();
  const chosen = new Set(value ?? []);
  if (q.isPending) return <Spin />;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 12 }}>
      {grouped(q.data?.items ?? []).map(([head, perms]) => (
        <div key={head.group} style={{ border: '1px solid #eef0f3', borderRadius: 8, padding: '10px 14px', background: '#fbfcfd' }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {pick(lang, { zh: head.groupZh, en: head.groupEn })}
          </Typography.Text>
          {perms.map((p) => (
            <div key={p.code} style={{ padding: '3px 0' }}>
              <Checkbox
                checked={chosen.has(p.code)}
                disabled={disabled}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(p.code);
                  else next.delete(p.code);
                  onChange?.([...next]);
                }}
              >
                {pick(lang, p)}
                <Typography.Text type="secondary" className="yw-mono" style={{ fontSize: 11, marginInlineStart: 6 }}>
                  {p.code}
                </Typography.Text>
              </Checkbox>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
