import { checkPassword, normalizeEmployeeNumber, type SetupRequest, type SetupStatus } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { hashPassword, hashToken, randomToken } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { SetupRepo } from './setup-repo.ts';

/**
 * First-run setup. On a fresh database the server prints a one-time link; its
 * token (256 bits, stored only hashed, single use, expiring) lets one person
 * name the union and become its first admin.
 */
export class SetupService {
  private readonly createdListeners: ((adminId: string) => void)[] = [];

  constructor(
    private readonly repo: SetupRepo,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly options: { tokenTtlMs: number; scryptLogN: number },
  ) {}

  /** A new setup token when the union is not set up yet, else null. */
  issueTokenIfNeeded(): string | null {
    if (this.repo.isSetUp()) return null;
    const token = randomToken(32);
    const now = this.clock.now();
    this.repo.replaceToken(hashToken(token), now, now + this.options.tokenTtlMs);
    return token;
  }

  status(token: string): SetupStatus['state'] {
    const row = this.repo.findToken(hashToken(token));
    if (!row) return this.repo.isSetUp() ? 'done' : 'invalid';
    if (row.used_at !== null) return 'used';
    if (this.clock.now() >= row.expires_at) return 'expired';
    return this.repo.isSetUp() ? 'done' : 'ready';
  }

  private assertUsable(state: SetupStatus['state']): void {
    switch (state) {
      case 'ready':
        return;
      case 'used':
        throw new AppError('setup_token_used', 410, 'This setup link has already been used');
      case 'expired':
        throw new AppError('setup_token_expired', 410, 'This setup link has expired; restart the server for a new one');
      case 'done':
        throw new AppError('setup_already_done', 409, 'The union is already set up');
      case 'invalid':
        throw new AppError('setup_token_invalid', 404, 'This setup link is not valid');
    }
  }

  /**
   * Work other features do once the union exists (e.g. elections files its
   * model bylaw clause) as the first admin, in the setup's transaction: a
   * setup that fails leaves nothing half made.
   */
  onUnionCreated(listener: (adminId: string) => void): void {
    this.createdListeners.push(listener);
  }

  /** Setup through the one-time link (the browser). */
  async complete(request: SetupRequest): Promise<{ memberId: string }> {
    this.assertUsable(this.status(request.token));
    const tokenHash = hashToken(request.token);
    return this.createUnion(request, () => {
      // Re-check inside the write transaction: two tabs racing with one link get one union.
      this.assertUsable(this.status(request.token));
      if (!this.repo.useToken(tokenHash, this.clock.now())) throw new AppError('setup_token_used', 410, 'This setup link has already been used');
    });
  }

  /** Non-interactive setup by the IT lead (`pnpm kumiai setup`): whoever holds the data folder needs no link. */
  async completeWithoutToken(request: Omit<SetupRequest, 'token'>): Promise<{ memberId: string }> {
    return this.createUnion(request, () => {
      if (this.repo.isSetUp()) throw new AppError('setup_already_done', 409, 'The union is already set up');
      this.repo.discardUnusedTokens();
    });
  }

  private async createUnion(request: Omit<SetupRequest, 'token'>, guard: () => void): Promise<{ memberId: string }> {
    const problem = checkPassword(request.password);
    if (problem) throw new AppError(problem, 400, problem === 'password_too_short' ? 'Password is too short' : 'Password is too common');
    const employeeNumber = normalizeEmployeeNumber(request.employeeNumber);
    const unionName = request.unionName.trim();
    const name = request.name.trim();
    if (!employeeNumber || !unionName || !name) throw new AppError('validation_failed', 400, 'Union name, employee number and name are required');
    // Hash outside the transaction: scrypt takes a few hundred ms and must not hold the write lock.
    const passwordHash = await hashPassword(request.password, this.options.scryptLogN);
    return this.repo.transaction(() => {
      guard();
      const now = this.clock.now();
      const { memberId, unitId } = this.repo.createUnionAndAdmin({ unionName, employeeNumber, name, passwordHash, now });
      this.audit.record(memberId, 'setup.completed', unitId, { unionName });
      for (const listener of this.createdListeners) listener(memberId);
      return { memberId };
    });
  }
}
