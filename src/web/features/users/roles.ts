// Roles as the user screens need them: names in the current language, the three administrators first.
import type { TRole } from '../../../common/auth.ts';
import type { Lang } from '../../i18n/index.tsx';
import { rolesApi } from '../../../common/auth.api.ts';
import { useCall } from '../../api/query.ts';

export const useRoles = (enabled = true) => useCall(rolesApi.list, {}, { enabled, staleTime: 60_000 });

export const roleLabel = (r: TRole, lang: Lang) => (lang === 'en-US' ? r.nameEn : r.nameZh);

export const ADMIN_COLOR: Record<string, string> = { system: 'geekblue', security: 'purple', audit: 'gold' };
