import { checkPassword, type Actor, type ChangePasswordRequest, type ChangePinRequest } from '@kumiai/shared';
import { hashPassword, hashToken } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { AuthService } from './auth-service.ts';
import type { CredentialsRepo } from './credentials-repo.ts';

/**
 * A signed-in member changes their own password or kiosk PIN. Both need the
 * current password (checked and throttled as sign-in is, `AuthService.verifyCurrentPassword`);
 * the new password meets the activation rules (`checkPassword`), the PIN the
 * kiosk's (`pinSchema`, checked by the route). Audited without the secret.
 */
export class CredentialsService {
  constructor(
    private readonly repo: CredentialsRepo,
    private readonly auth: AuthService,
    private readonly mutate: Mutate,
    private readonly options: { scryptLogN: number },
  ) {}

  /** `sessionToken`: the cookie of the request, the one session that stays open. */
  async changePassword(actor: Actor, sessionToken: string | undefined, input: ChangePasswordRequest, address: string): Promise<{ endedSessions: number }> {
    if (!sessionToken) throw new AppError('session_required', 403, 'Change the password from a signed-in browser');
    // The new password's rules first: a too-short new password is no guess at the current one.
    const problem = checkPassword(input.newPassword);
    if (problem) throw new AppError(problem, 400, problem === 'password_too_short' ? 'Password is too short' : 'Password is too common');
    await this.auth.verifyCurrentPassword(actor.memberId, input.currentPassword, address);
    const hash = await hashPassword(input.newPassword, this.options.scryptLogN);
    const endOthers = input.endOtherSessions ?? true;
    return this.mutate(
      actor,
      { checks: [], audit: { action: 'member.password_changed', target: actor.memberId, detail: (r: { endedSessions: number }) => ({ endedSessions: r.endedSessions }) } },
      (now) => {
        this.repo.setPassword(actor.memberId, hash, now);
        return { endedSessions: endOthers ? this.repo.endSessionsExcept(actor.memberId, hashToken(sessionToken)) : 0 };
      },
    );
  }

  async changePin(actor: Actor, sessionToken: string | undefined, input: ChangePinRequest, address: string): Promise<void> {
    if (!sessionToken) throw new AppError('session_required', 403, 'Change the PIN from a signed-in browser');
    await this.auth.verifyCurrentPassword(actor.memberId, input.currentPassword, address);
    const hash = await hashPassword(input.pin, this.options.scryptLogN);
    this.mutate(actor, { checks: [], audit: { action: 'member.pin_changed', target: actor.memberId } }, (now) => this.repo.setPin(actor.memberId, hash, now));
  }
}
