// Permission checkboxes grouped by PERMISSIONS[x].group.
import { Checkbox, Typography } from 'antd';
import { PERMISSIONS, type Permission } from '../../../common/permissions.ts';
import { pick, useI18n } from '../../i18n/index.tsx';

export const GROUPS: Record<string, { zh: string; en: string }> = {
  system: { zh: '系统管理', en: 'System' },
  security: { zh: '安全管理', en: 'Security' },
  audit: { zh: '审计', en: 'Audit' },
  org: { zh: '单位与人员', en: 'Parties and people' },
  contract: { zh: '合同', en: 'Contract' },
};

export function groupedPermissions(): [string, Permission[]][] {
  const m = new Map<string, Permission[]>();
  for (const [code, p] of Object.entries(PERMISSIONS) as [Permission, (typeof PERMISSIONS)[Permission]][]) {
    m.set(p.group, [...(m.get(p.group) ?? []), code]);
  }
  return [...m.entries()];
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
  const chosen = new Set(value ?? []);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 12 }}>
      {groupedPermissions().map(([group, codes]) => (
        <div key={group} style={{ border: '1px solid #eef0f3', borderRadius: 8, padding: '10px 14px', background: '#fbfcfd' }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {GROUPS[group] ? pick(lang, GROUPS[group]) : group}
          </Typography.Text>
          {codes.map((code) => (
            <div key={code} style={{ padding: '3px 0' }}>
              <Checkbox
                checked={chosen.has(code)}
                disabled={disabled}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(code);
                  else next.delete(code);
                  onChange?.([...next]);
                }}
              >
                {pick(lang, PERMISSIONS[code])}
                <Typography.Text type="secondary" className="yw-mono" style={{ fontSize: 11, marginInlineStart: 6 }}>
                  {code}
                </Typography.Text>
              </Checkbox>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
