// Roles as the user screens need them: names in the current language, the three administrators first.
import { useQuery } from '@tanstack/react-query';
import type { TRole } from '../../../common/auth.ts';
import { api } from '../../api/client.ts';
import type { Lang } from '../../i18n/index.tsx';

export const useRoles = (enabled = true) =>
  useQuery({ queryKey: ['roles'], queryFn: () => api.get<{ items: TRole[]; total: number }>('/api/roles'), enabled, staleTime: 60_000 });

export const roleLabel = (r: TRole, lang: Lang) => (lang === 'en-US' ? r.nameEn : r.nameZh);

export const ADMIN_COLOR: Record<string, string> = { system: 'geekblue', security: 'purple', audit: 'gold' };
