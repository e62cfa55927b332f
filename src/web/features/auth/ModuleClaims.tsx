// What this site can do, as its modules declare it (GET /api/modules): the sign-in page claims only what
// exists, and a module that lands adds its own line from its manifest (issue 11 point 9).
import { systemApi } from '../../../common/system.api.ts';
import { useCall } from '../../api/query.ts';
import { pick, useI18n } from '../../i18n/index.tsx';

export function ModuleClaims() {
  const { lang } = useI18n();
  const modules = useCall(systemApi.modules, {}, { staleTime: Infinity }).data?.items ?? [];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '10px 16px', marginTop: 32, fontSize: 13 }}>
      {modules.map((m) => (
        <div key={m.id} style={{ display: 'contents' }}>
          <span
            style={{
              border: '1px solid rgba(255,255,255,0.25)',
              background: 'rgba(255,255,255,0.06)',
              borderRadius: 16,
              padding: '2px 14px',
              textAlign: 'center',
              whiteSpace: 'nowrap',
              alignSelf: 'start',
            }}
          >
            {pick(lang, { zh: m.zh, en: m.en })}
          </span>
          <span style={{ opacity: 0.75, lineHeight: 1.7 }}>{pick(lang, { zh: m.summaryZh ?? '', en: m.summaryEn ?? '' })}</span>
        </div>
      ))}
    </div>
  );
}
