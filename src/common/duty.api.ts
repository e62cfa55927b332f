// Contracts of the duty module (issue 14 point 4, R-DUT-01). `onCall` is the stable public API.
import { ZIdParams } from './api.ts';
import {
  ZAttendance,
  ZDutyDoc,
  ZDutyDocInput,
  ZDutyDocList,
  ZDutyDocQuery,
  ZDutyDocReview,
  ZAttendanceInput,
  ZAttendanceList,
  ZDecision,
  ZGapReport,
  ZHandover,
  ZHandoverInput,
  ZHandoverList,
  ZIcsParams,
  ZIcsToken,
  ZLineQuery,
  ZMonth,
  ZMonthQuery,
  ZShiftList,
  ZShiftQuery,
  ZNow,
  ZNowQuery,
  ZOnCall,
  ZOnCallQuery,
  ZOverride,
  ZOverrideInput,
  ZOverrideList,
  ZOverrideQuery,
  ZCandidateQuery,
  ZCandidates,
  ZPublish,
  ZRosterDetail,
  ZRosterInput,
  ZRosterList,
  ZRosterQuery,
} from './duty.ts';
import { endpoint } from './endpoint.ts';

export const dutyApi = {
  /** Who is on duty for a line at an instant (default now). Stable. */
  onCall: endpoint({ method: 'GET', path: '/api/duty/on-call', query: ZOnCallQuery, response: ZOnCall }),
  /** Who is on duty now on every line (the duty operator's screen). */
  now: endpoint({ method: 'GET', path: '/api/duty/now', query: ZNowQuery, response: ZNow }),
  month: endpoint({ method: 'GET', path: '/api/duty/month', query: ZMonthQuery, response: ZMonth }),
  shifts: endpoint({ method: 'GET', path: '/api/duty/shifts', query: ZShiftQuery, response: ZShiftList }),
  rosters: endpoint({ method: 'GET', path: '/api/duty/rosters', query: ZRosterQuery, response: ZRosterList }),
  /** The people the roster editor offers. */
  candidates: endpoint({ method: 'GET', path: '/api/duty/candidates', query: ZCandidateQuery, response: ZCandidates }),
  createRoster: endpoint({ method: 'POST', path: '/api/duty/rosters', body: ZRosterInput, response: ZRosterDetail, status: 201 }),
  roster: endpoint({ method: 'GET', path: '/api/duty/rosters/:id', params: ZIdParams, response: ZRosterDetail }),
  updateRoster: endpoint({ method: 'PUT', path: '/api/duty/rosters/:id', params: ZIdParams, body: ZRosterInput, response: ZRosterDetail }),
  /** The hours nobody covers, before publishing. */
  gaps: endpoint({ method: 'GET', path: '/api/duty/rosters/:id/gaps', params: ZIdParams, response: ZGapReport }),
  publish: endpoint({ method: 'POST', path: '/api/duty/rosters/:id/publish', params: ZIdParams, body: ZPublish, response: ZRosterDetail }),
  overrides: endpoint({ method: 'GET', path: '/api/duty/overrides', query: ZOverrideQuery, response: ZOverrideList }),
  requestOverride: endpoint({ method: 'POST', path: '/api/duty/overrides', body: ZOverrideInput, response: ZOverride, status: 201 }),
  decideOverride: endpoint({
    method: 'POST',
    path: '/api/duty/overrides/:id/decision',
    params: ZIdParams,
    body: ZDecision,
    response: ZOverride,
  }),
  handovers: endpoint({ method: 'GET', path: '/api/duty/handovers', query: ZLineQuery, response: ZHandoverList }),
  writeHandover: endpoint({ method: 'POST', path: '/api/duty/handovers', body: ZHandoverInput, response: ZHandover, status: 201 }),
  ackHandover: endpoint({ method: 'POST', path: '/api/duty/handovers/:id/ack', params: ZIdParams, response: ZHandover }),
  attendance: endpoint({ method: 'GET', path: '/api/duty/attendance', query: ZLineQuery, response: ZAttendanceList }),
  checkInOut: endpoint({ method: 'POST', path: '/api/duty/attendance', body: ZAttendanceInput, response: ZAttendance }),
  /** R-DUT-02: duty rules and emergency procedures, each submission a new version the agency confirms or returns. */
  docs: endpoint({ method: 'GET', path: '/api/duty/docs', query: ZDutyDocQuery, response: ZDutyDocList }),
  submitDoc: endpoint({ method: 'POST', path: '/api/duty/docs', body: ZDutyDocInput, response: ZDutyDoc, status: 201 }),
  reviewDoc: endpoint({ method: 'POST', path: '/api/duty/docs/:id/review', params: ZIdParams, body: ZDutyDocReview, response: ZDutyDoc }),
  /** A new secret calendar link for the signed-in user (the old one stops working). */
  icsToken: endpoint({ method: 'POST', path: '/api/duty/ics-token', response: ZIcsToken }),
  /** The calendar feed of the link's owner, without a session. */
  ics: endpoint({ method: 'GET', path: '/api/duty/ics/:token', params: ZIcsParams, raw: true }),
};
