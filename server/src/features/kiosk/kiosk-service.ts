import { randomUUID } from 'node:crypto';
import type { Actor } from '@kumiai/shared';
import { hashToken, randomToken } from '../../lib/crypto.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import { type ActorRepo, type AuthService, KIOSK_SESSION, type SessionService } from '../auth/index.ts';
import type { KioskRepo, KioskRow } from './kiosk-repo.ts';

export interface KioskView {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  idleSeconds: number;
}

/**
 * Shared tablets. An officer registers a browser as the kiosk of a workplace;
 * the browser keeps a kiosk credential (a cookie, stored here only hashed). On
 * that browser, and only there, members of that workplace sign in with their
 * employee number and PIN, into short kiosk sessions. Anyone else's attempt
 * is answered as a wrong PIN, whatever PIN they typed.
 */
export class KioskService {
  constructor(
    private readonly repo: KioskRepo,
    private readonly actors: ActorRepo,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly mutate: Mutate,
    private readonly options: { idleSeconds: number },
  ) {}

  private view(row: KioskRow): KioskView {
    return { id: row.id, name: row.name, unitId: row.unit_id, unitName: this.repo.unitName(row.unit_id), idleSeconds: this.options.idleSeconds };
  }

  register(actor: Actor, input: { unitId: string; name: string }): { kiosk: KioskView; credential: string } {
    const unitPath = this.actors.unitPath(input.unitId);
    if (unitPath.length === 0) throw notFound('No such unit');
    const id = randomUUID();
    const credential = randomToken(32);
    this.mutate(actor, { checks: [{ action: 'kiosk.register', resource: { unitPath } }], audit: { action: 'kiosk.registered', target: id, detail: { unitId: input.unitId, name: input.name } } }, (now) => {
      this.repo.insert({ id, unit_id: input.unitId, name: input.name.trim() }, hashToken(credential), actor.memberId, now);
    });
    return { kiosk: this.view({ id, name: input.name.trim(), unit_id: input.unitId }), credential };
  }

  resolve(credential: string | undefined): KioskView | null {
    if (!credential) return null;
    const row = this.repo.byCredential(hashToken(credential));
    return row ? this.view(row) : null;
  }

  async signIn(credential: string | undefined, employeeNumber: string, pin: string, address: string): Promise<{ token: string; expiresAt: number }> {
    const kiosk = this.resolve(credential);
    if (!kiosk) throw new AppError('kiosk_required', 403, 'PIN sign-in works only on a registered kiosk');
    // A member of another workplace gets what a wrong PIN gets: the kiosk does not test their PIN at all.
    const memberId = await this.auth.verifyPin(employeeNumber, pin, address, (unitId) => this.actors.unitPath(unitId).includes(kiosk.unitId));
    return this.sessions.create(memberId, 'kiosk', KIOSK_SESSION, kiosk.id);
  }

  revoke(actor: Actor, id: string): void {
    const unitId = this.repo.unitOf(id);
    if (unitId === undefined) throw notFound();
    this.mutate(actor, { checks: [{ action: 'kiosk.register', resource: { unitPath: this.actors.unitPath(unitId) } }], audit: { action: 'kiosk.revoked', target: id } }, (now) => this.repo.revoke(id, now));
  }
}
