import type { AnyErrorCode } from '../../i18n/types.ts';
import type { SetupState } from './setup-api.ts';

export type BlockedState = Exclude<SetupState, 'ready'>;

/** Errors from POST /api/setup that mean the form can no longer succeed, as a status state. */
const blockingCodes: Partial<Record<AnyErrorCode, BlockedState>> = {
  setup_token_used: 'used',
  setup_token_expired: 'expired',
  setup_token_invalid: 'invalid',
  setup_already_done: 'done',
};

export function blockedStateFor(code: AnyErrorCode): BlockedState | null {
  return blockingCodes[code] ?? null;
}

export function isPasswordProblem(code: AnyErrorCode | null): boolean {
  return code === 'password_too_short' || code === 'password_too_common';
}
