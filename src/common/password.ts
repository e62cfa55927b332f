// Password rules shared by the server and the web forms.
// 等保 2.0 (GB/T 22239-2019) 8.1.4.1 practice: >= 8 characters with 3 of 4 character classes.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_HISTORY = 5; // the last 5 may not be reused

/** Returns what is wrong with a password (zh-CN with English), or null if it is acceptable. */
export function passwordProblem(pw: string): string | null {
  if (pw.length < PASSWORD_MIN) return '密码至少 8 位 (at least 8 characters)';
  if (pw.length > PASSWORD_MAX) return '密码最多 128 位 (at most 128 characters)';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类 (3 of: lower, upper, digit, symbol)';
  return null;
}
