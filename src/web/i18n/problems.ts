// Problem codes from the API in English. In zh-CN the server's own `detail` is shown; in en-US the
// code is translated here, falling back to the detail when a code is new.
import { isApiError } from '../api/client.ts';
import type { Lang } from './index.tsx';

const EN_PROBLEMS: Record<string, string> = {
  network: 'Cannot reach the server. Check the network and try again.',
  validation: 'Some fields are not valid. Check the highlighted fields.',
  bad_json: 'The request body is not valid JSON.',
  bad_request: 'The request is not valid.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'Unsupported content type.',
  internal: 'Internal server error. Try again later or contact the system administrator.',
  'route.not_found': 'This API endpoint does not exist.',
  not_found: 'The record does not exist.',
  'auth.required': 'Please sign in.',
  'auth.invalid_credentials': 'Wrong username or password.',
  'auth.invalid_token': 'The API token is invalid, revoked or expired.',
  'auth.session_expired': 'Your session has ended after a period of inactivity. Please sign in again.',
  'auth.locked': 'Too many failed attempts: the account is locked for 15 minutes.',
  'auth.rate_limited': 'Too many sign-in attempts. Try again in 5 minutes.',
  'auth.disabled': 'This account is disabled. Contact the system administrator.',
  'auth.forbidden': 'You do not have permission to do this.',
  'csrf.invalid': 'The request lacks a valid CSRF token. Refresh the page and try again.',
  change_password: 'Change your initial password first.',
  enroll_totp: 'Administrator accounts must enrol a TOTP authenticator first.',
  totp: 'Enter your one-time code first.',
  'password.current_wrong': 'The current password is wrong.',
  'password.reused': 'The new password may not be one of the last 5 used.',
  'password.weak': 'The password needs at least 8 characters with 3 of: lower case, upper case, digit, symbol.',
  'totp.already_enabled': 'TOTP is already enabled. Ask the system administrator to reset it.',
  'totp.invalid_code': 'The one-time code is wrong.',
  'totp.not_enabled': 'TOTP is not enabled.',
  'totp.not_started': 'Generate the TOTP secret first.',
  'user.exists': 'This username is taken.',
  'user.not_found': 'User not found.',
  'user.self_disable': 'You cannot disable your own account.',
  'role.admin_separation':
    'Separation of the three administrators: one account may not hold two of system, security and audit administrator.',
  'role.admin_fixed': 'The permissions of the three administrator roles are fixed.',
  'role.builtin': 'Built-in roles cannot be deleted.',
  'role.exists': 'A role with this code already exists.',
  'role.in_use': 'Users still hold this role.',
  'role.not_found': 'Role not found.',
  'role.unknown': 'Unknown role.',
  'permission.unknown': 'Unknown permission.',
  'token.not_found': 'The token does not exist or has been revoked.',
  'calendar.invalid_file': 'The holiday file is not valid.',
  'calendar.range': 'The date range is not valid.',
  'calendar.not_found': 'This date is neither a holiday nor a make-up workday.',
  'staffing.already_assigned': 'This person already holds this post.',
  'staffing.assignment_not_found': 'Assignment not found.',
  'service_line.period': 'The service period cannot end before it starts.',
  'bank_account.not_found': 'Bank account not found.',
  bad_url: 'The address of the request is not valid.',
  uri_too_long: 'The address of the request is too long.',
  headers_too_large: 'The request headers are too large.',
  'text.forbidden_chars':
    'The input holds characters that cannot be stored (NUL, control characters or broken Unicode). Remove them and try again.',
  'net.outbound_refused':
    'That address is not allowed (loopback, link-local or an intranet address not allowed by the system administrator).',
  'net.allow_list': 'Not a valid IP address or range.',
  'sheet.unreadable': 'The Excel file cannot be read. Use the import template (.xlsx).',
  'sheet.too_large': 'The Excel file is too large. Split it and import in parts.',
  'sheet.too_many_rows': 'Too many rows for one import.',
  'sheet.too_slow': 'Reading the Excel file took too long. Split it and import in parts.',
  'comment.mention_unseen': 'Someone you mentioned does not exist or cannot see this ticket; nobody was notified.',
  'comment.too_many_mentions': 'Mention at most 10 people in one comment.',
  'comment.not_author': 'You can delete only your own comments.',
  'comment.too_late': 'A comment can be deleted only within 10 minutes of posting it.',
  'comment.not_found': 'The comment does not exist.',
  'comment.person_only': 'Only a signed-in person can comment.',
};

const EN_OBJECTS: Record<string, string> = {
  party: 'party',
  site: 'site',
  room: 'room',
  department: 'department',
  person: 'person',
  contract: 'contract',
  service_line: 'service line',
  staffing: 'staffing requirement',
};

function enFor(code: string, problem: Record<string, unknown>): string | null {
  const known = EN_PROBLEMS[code];
  if (known) {
    const until =
      typeof problem.lockedUntil === 'string' ? new Date(problem.lockedUntil).toLocaleString('en-GB', { timeZone: 'Asia/Shanghai' }) : '';
    return known.replace('{until}', until);
  }
  const m = /^(\w+)\.(duplicate|in_use|not_found)$/.exec(code);
  if (m) {
    const noun = EN_OBJECTS[m[1]!] ?? m[1]!;
    if (m[2] === 'duplicate') return `This ${noun} already exists (duplicate code or name).`;
    if (m[2] === 'in_use') return `This ${noun} is still referenced by other records, or refers to a missing one.`;
    return `The ${noun} does not exist.`;
  }
  return null;
}

/** The message to show for an error: the server's Chinese detail, or the English for its code. */
export function problemMessage(e: unknown, lang: Lang): string {
  if (isApiError(e)) {
    if (lang === 'en-US') return enFor(e.code, e.problem) ?? (e.detail || `Error ${e.status}`);
    return e.detail || `请求失败（${e.status}）`;
  }
  if (e instanceof Error) return e.message;
  return lang === 'en-US' ? 'Something went wrong.' : '操作失败';
}
