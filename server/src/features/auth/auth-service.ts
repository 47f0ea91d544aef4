import { normalizeActivationCode, normalizeEmployeeNumber, checkPassword } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashPassword, hashToken, verifyPassword } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { DEFAULT_RULES, type Throttle } from './throttle.ts';

interface Credentials {
  id: string;
  status: string;
  unit_id: string;
  password_hash: string | null;
  pin_hash: string | null;
}

/**
 * Checks passwords, PINs and activation codes. Every failure looks the same to
 * the caller (no "no such member"), costs the same time, and counts against
 * the throttle for the address, the account at that address, and the account.
 */
export class AuthService {
  // Verified against when no member matches, so a wrong employee number costs what a wrong password does.
  private dummyHash: Promise<string>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly throttle: Throttle,
    private readonly options: { scryptLogN: number },
  ) {
    this.dummyHash = hashPassword('kumiai-dummy-password', options.scryptLogN);
  }

  private keys(employeeNumber: string, address: string, scope: 'pw' | 'pin') {
    return {
      address: `${scope}:addr:${address}`,
      accountAtAddress: `${scope}:acct:${employeeNumber}@${address}`,
      account: `${scope}:acct:${employeeNumber}`,
    };
  }

  private checkThrottle(keys: Record<keyof typeof DEFAULT_RULES, string>): void {
    const wait = this.throttle.retryAfter(Object.values(keys));
    if (wait > 0) {
      throw new AppError('rate_limited', 429, 'Too many attempts; try again later', Math.ceil(wait / 1000));
    }
  }

  private failed(keys: Record<keyof typeof DEFAULT_RULES, string>, code: 'sign_in_failed' | 'pin_invalid'): never {
    this.throttle.fail([
      [keys.address, DEFAULT_RULES.address],
      [keys.accountAtAddress, DEFAULT_RULES.accountAtAddress],
      [keys.account, DEFAULT_RULES.account],
    ]);
    throw new AppError(code, 401, code === 'pin_invalid' ? 'Wrong employee number or PIN' : 'Wrong employee number or password');
  }

  private findByEmployeeNumber(employeeNumber: string): Credentials | undefined {
    return this.db
      .prepare('SELECT id, status, unit_id, password_hash, pin_hash FROM members WHERE employee_number = ?')
      .get(employeeNumber) as Credentials | undefined;
  }

  async verifyPassword(rawEmployeeNumber: string, password: string, address: string): Promise<string> {
    const employeeNumber = normalizeEmployeeNumber(rawEmployeeNumber);
    const keys = this.keys(employeeNumber, address, 'pw');
    this.checkThrottle(keys);
    const member = this.findByEmployeeNumber(employeeNumber);
    const ok = await verifyPassword(password, member?.password_hash ?? (await this.dummyHash));
    if (!member || !member.password_hash || !ok || member.status === 'left') this.failed(keys, 'sign_in_failed');
    this.throttle.clear([keys.accountAtAddress]);
    return member.id;
  }

  /** PIN sign-in, only on a kiosk, only for members of the kiosk's unit subtree (checked by the caller). */
  async verifyPin(rawEmployeeNumber: string, pin: string, address: string): Promise<{ memberId: string; unitId: string }> {
    const employeeNumber = normalizeEmployeeNumber(rawEmployeeNumber);
    const keys = this.keys(employeeNumber, address, 'pin');
    this.checkThrottle(keys);
    const member = this.findByEmployeeNumber(employeeNumber);
    const ok = await verifyPassword(pin, member?.pin_hash ?? (await this.dummyHash));
    if (!member || !member.pin_hash || !ok || member.status === 'left') this.failed(keys, 'pin_invalid');
    this.throttle.clear([keys.accountAtAddress]);
    return { memberId: member.id, unitId: member.unit_id };
  }

  /** Who a code is for, without using it (the activation page greets the member by name). */
  peekActivationCode(rawCode: string): { memberId: string; name: string; employeeNumber: string } | null {
    const row = this.db
      .prepare(
        `SELECT m.id, m.name, m.employee_number, a.expires_at FROM activation_codes a JOIN members m ON m.id = a.member_id
         WHERE a.code_hash = ? AND m.status != 'left'`,
      )
      .get(hashToken(normalizeActivationCode(rawCode))) as { id: string; name: string; employee_number: string; expires_at: number } | undefined;
    if (!row || this.clock.now() >= row.expires_at) return null;
    return { memberId: row.id, name: row.name, employeeNumber: row.employee_number };
  }

  /** Sets the password (and kiosk PIN) with a one-time code; the code is consumed. */
  async activate(rawCode: string, password: string, pin: string | undefined, address: string): Promise<string> {
    const keys = this.keys('activation', address, 'pw');
    this.checkThrottle({ address: keys.address, accountAtAddress: keys.address, account: keys.address });
    const problem = checkPassword(password);
    if (problem) throw new AppError(problem, 400, problem === 'password_too_short' ? 'Password is too short' : 'Password is too common');
    const found = this.peekActivationCode(rawCode);
    if (!found) {
      this.throttle.fail([[keys.address, DEFAULT_RULES.address]]);
      throw new AppError('activation_code_invalid', 400, 'This activation code is not valid or has expired');
    }
    const passwordHash = await hashPassword(password, this.options.scryptLogN);
    const pinHash = pin ? await hashPassword(pin, this.options.scryptLogN) : null;
    const codeHash = hashToken(normalizeActivationCode(rawCode));
    this.db.transaction(() => {
      // Consume first: of two racing activations with one code, exactly one wins.
      const used = this.db.prepare('DELETE FROM activation_codes WHERE code_hash = ? AND member_id = ?').run(codeHash, found.memberId);
      if (used.changes !== 1) throw new AppError('activation_code_invalid', 400, 'This activation code has already been used');
      const now = this.clock.now();
      this.db
        .prepare('UPDATE members SET password_hash = ?, pin_hash = COALESCE(?, pin_hash), activated_at = ?, updated_at = ? WHERE id = ?')
        .run(passwordHash, pinHash, now, now, found.memberId);
      // A new password ends every old session: this is also the "forgot my password" path.
      this.db.prepare('DELETE FROM sessions WHERE member_id = ?').run(found.memberId);
    }).immediate();
    return found.memberId;
  }
}
