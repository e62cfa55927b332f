import type { TPendingStep } from '../../../common/auth.ts';

/** Where each step a session may owe after sign-in is done. */
export const STEP_PATH: Record<TPendingStep, string> = {
  change_password: '/login/password',
  enroll_totp: '/login/totp-enroll',
  totp: '/login/totp',
};

export function isStep(code: string): code is TPendingStep {
  return code in STEP_PATH;
}
