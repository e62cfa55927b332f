// The people a line's rosters name (for the override and handover forms): the members of its latest roster.
import { dutyApi as api } from '../../../common/duty.api.ts';
import type { TMember } from '../../../common/duty.ts';
import { useCall } from '../../api/query.ts';

export function useMembers(line: string): TMember[] {
  const list = useCall(api.rosters, { query: { line: line as 'NET', page: 1, pageSize: 1 } });
  const id = list.data?.items[0]?.id ?? '';
  const detail = useCall(api.roster, { params: { id } }, { enabled: !!id });
  return id ? (detail.data?.members ?? []) : [];
}
