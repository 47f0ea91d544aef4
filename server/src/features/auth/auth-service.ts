import { normalizeActivationCode, normalizeEmployeeNumber, checkPassword } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashPassword, hashToken, verifyPassword } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { DEFAULT_RULES, type Reservation, type Throttle, type ThrottleEntry } from './throttle.ts';

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
 * the throttle for the address, the account at that address, and the account:
 * each attempt is counted before it is evaluated, so concurrent guesses cannot
 * exceed the limits, and a success gives its count back.
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

  /** Counts this attempt before it is evaluated (see Throttle), or refuses with 429 while any key is locked. */
  private reserve(entries: ThrottleEntry[]): Reservation {
    const reserved = this.throttle.reserve(entries);
    if ('retryAfterMs' in reserved) throw new AppError('rate_limited', 429, 'Too many attempts; try again later', Math.ceil(reserved.retryAfterMs / 1000));
    return reserved.reservation;
  }

  private reserveSignIn(keys: Record<keyof typeof DEFAULT_RULES, string>): Reservation {
    return this.reserve([
      [keys.address, DEFAULT_RULES.address],
      [keys.accountAtAddress, DEFAULT_RULES.accountAtAddress],
      [keys.account, DEFAULT_RULES.account],
    ]);
  }

  /** A success gives its attempt back and forgets this address's failures for the account. */
  private succeeded(keys: Record<keyof typeof DEFAULT_RULES, string>, reservation: Reservation): void {
    this.throttle.release(reservation);
    this.throttle.clear([keys.accountAtAddress]);
  }

  private findByEmployeeNumber(employeeNumber: string): Credentials | undefined {
    return this.db
      .prepare('SELECT id, status, unit_id, password_hash, pin_hash FROM members WHERE employee_number = ?')
      .get(employeeNumber) as Credentials | undefined;
  }

  async verifyPassword(rawEmployeeNumber: string, password: string, address: string): Promise<string> {
    const employeeNumber = normalizeEmployeeNumber(rawEmployeeNumber);
    const keys = this.keys(employeeNumber, address, 'pw');
    const reservation = this.reserveSignIn(keys);
    const member = this.findByEmployeeNumber(employeeNumber);
    const ok = await verifyPassword(password, member?.password_hash ?? (await this.dummyHash));
    if (!member || !member.password_hash || !ok || member.status === 'left') throw new AppError('sign_in_failed', 401, 'Wrong employee number or password');
    this.succeeded(keys, reservation);
    return member.id;
  }

  /**
   * PIN sign-in, only on a kiosk, only for members whose unit the kiosk serves
   * (`servesUnit`). Whether the member is served is decided before the PIN is
   * looked at, and a member who is not gets exactly what a wrong PIN gets (the
   * same code, a hash of the same cost), so a kiosk tells nobody whether a PIN
   * of another workplace's member is right.
   */
  async verifyPin(rawEmployeeNumber: string, pin: string, address: string, servesUnit: (unitId: string) => boolean): Promise<string> {
    const employeeNumber = normalizeEmployeeNumber(rawEmployeeNumber);
    const keys = this.keys(employeeNumber, address, 'pin');
    const reservation = this.reserveSignIn(keys);
    const found = this.findByEmployeeNumber(employeeNumber);
    const member = found && servesUnit(found.unit_id) && found.status !== 'left' ? found : undefined;
    const ok = await verifyPassword(pin, member?.pin_hash ?? (await this.dummyHash));
    if (!member || !member.pin_hash || !ok) throw new AppError('pin_invalid', 401, 'Wrong employee number or PIN');
    this.succeeded(keys, reservation);
    return member.id;
  }

  /**
   * A signed-in member proves they know their current password (to change it
   * or their PIN). Counted against the same throttle keys as signing in with
   * their employee number from this address, so this is no second door for
   * guessing: N wrong tries here and at the sign-in page add up.
   */
  async verifyCurrentPassword(memberId: string, password: string, address: string): Promise<void> {
    const employeeNumber = this.db.prepare('SELECT employee_number FROM members WHERE id = ?').pluck().get(memberId) as string;
    const keys = this.keys(employeeNumber, address, 'pw');
    const reservation = this.reserveSignIn(keys);
    const member = this.findByEmployeeNumber(employeeNumber);
    const ok = await verifyPassword(password, member?.password_hash ?? (await this.dummyHash));
    if (!member?.password_hash || !ok) throw new AppError('current_password_wrong', 400, 'The current password is wrong');
    this.succeeded(keys, reservation);
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
    const reservation = this.reserve([[keys.address, DEFAULT_RULES.address]]);
    const problem = checkPassword(password);
    if (problem) {
      // Not a guess at a code: give the attempt back.
      this.throttle.release(reservation);
      throw new AppError(problem, 400, problem === 'password_too_short' ? 'Password is too short' : 'Password is too common');
    }
    const found = this.peekActivationCode(rawCode);
    if (!found) throw new AppError('activation_code_invalid', 400, 'This activation code is not valid or has expired');
    this.throttle.release(reservation);
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
