// A meeting as people read it: every check its joint test needs (each endpoint's audio, video and
// content sharing, encryption on an encrypted system; the room's display, audio and projector) with
// the latest result, how many are done and failed, and whether the test was complete in time.
import {
  CHECK_ITEM_NAMES,
  ENCRYPTED_SYSTEMS,
  ENDPOINT_ITEMS,
  ROOM,
  ROOM_ITEMS,
  type CheckItem,
  type ConfSystem,
  type TCheck,
  type TMeeting,
} from '../../../common/conferences.ts';
import type { confMeetings } from './tables.ts';

export type MeetingRow = typeof confMeetings.$inferSelect;

export const meetingNumber = (seq: number) => `HY-${String(seq).padStart(4, '0')}`;

/** The (target, item) pairs the joint test of a meeting needs. */
export function neededChecks(m: Pick<MeetingRow, 'system' | 'endpoints'>): { target: string; targetName: string; item: CheckItem }[] {
  const items = ENDPOINT_ITEMS.filter((i) => i !== 'encryption' || ENCRYPTED_SYSTEMS.includes(m.system as ConfSystem));
  return [
    ...m.endpoints.flatMap((e) => items.map((item) => ({ target: e.id, targetName: e.name, item }))),
    ...ROOM_ITEMS.map((item) => ({ target: ROOM, targetName: '会议室', item })),
  ];
}

export const checkName = (item: CheckItem) => CHECK_ITEM_NAMES[item];

/** The latest results of the needed checks, and whether nothing is missing or failed. */
export function testStatus(m: Pick<MeetingRow, 'system' | 'endpoints' | 'checks'>) {
  const latest = new Map(m.checks.map((c) => [`${c.target}/${c.item}`, c]));
  const checks: TCheck[] = neededChecks(m).map((n) => {
    const c = latest.get(`${n.target}/${n.item}`);
    return { ...n, result: c?.result ?? null, note: c?.note ?? '', byName: c?.byName ?? null, at: c?.at ?? null };
  });
  const checked = checks.filter((c) => c.result !== null).length;
  const failed = checks.filter((c) => c.result === 'fail').length;
  return { checks, checked, needed: checks.length, failed, complete: checked === checks.length && failed === 0 };
}

export function view(r: MeetingRow, now: Date): TMeeting {
  const s = testStatus(r);
  return {
    id: r.id,
    number: meetingNumber(r.seq),
    title: r.title,
    system: r.system as ConfSystem,
    startAt: r.startAt.toISOString(),
    endAt: r.endAt.toISOString(),
    room: r.room,
    state: r.state as TMeeting['state'],
    endpoints: r.endpoints,
    checks: s.checks,
    checked: s.checked,
    needed: s.needed,
    failed: s.failed,
    testedAt: r.testedAt?.toISOString() ?? null,
    begun: now >= r.startAt,
    testedInTime: r.state === 'cancelled' || now < r.startAt ? null : r.testedAt !== null && r.testedAt <= r.startAt,
    problems: r.problems,
    record: r.record,
    createdByName: r.createdByName,
  };
}
