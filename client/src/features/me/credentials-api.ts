import { apiPost, ApiError, errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';

/** POST /api/me/password: answers how many other sessions were ended. */
export function changePassword(currentPassword: string, newPassword: string, endOtherSessions: boolean): Promise<{ ok: true; endedSessions: number }> {
  return apiPost('/api/me/password', { currentPassword, newPassword, endOtherSessions });
}

/** POST /api/me/pin. */
export function changePin(currentPassword: string, pin: string): Promise<{ ok: true }> {
  return apiPost('/api/me/pin', { currentPassword, pin });
}

/** A failure as shown on the form: the code, and how long to wait when throttled. */
export interface Failure {
  code: AnyErrorCode;
  retryAfterSeconds: number | null;
}

export function failureOf(error: unknown): Failure {
  return { code: errorCode(error), retryAfterSeconds: error instanceof ApiError ? error.retryAfterSeconds : null };
}

export const PIN_PATTERN = /^[0-9]{4,8}$/;
