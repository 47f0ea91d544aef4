import { can, electionPhase, type Actor, type ElectionDetail, type PublicCredentialsInput, type ReissueCredentialInput } from '@kumiai/shared';
import { replaceInCredentialList, writeCredentialList } from '@kumiai/shared/elections/credential-list';
import { generateSecretCredential, generateUuid, groupOps, publicCredential, readStringList, writePublicCredentials } from '@kumiai/shared/elections/crypto/index';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import { commissionOnly, detailOf, inputOf, requireState } from './election-view.ts';
import type { ElectionRow, ElectionsRepo } from './elections-repo.ts';

/**
 * Re-issuing a lost credential (issue 17), after the commission has checked
 * the member's identity offline. Allowed while the election is `ready` and
 * the window has not closed, and only while no ballot signed with the old
 * credential is in the box (`credential_used`: the member keeps voting with
 * the old one) and the member has not voted on paper. The old public
 * credential is struck from the list L and the new one listed with the same
 * weight, in one transaction, so a ballot signed with the old one is refused
 * (`ballot_credential_mismatch`) and the record's single Setup event still
 * matches every ballot in it (README: "Re-issuing a lost credential").
 * Audited as who re-issued for whom, never the credential.
 */
export class ElectionCredentials {
  constructor(
    private readonly repo: ElectionsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
  ) {}

  private reissuable(row: ElectionRow, memberId: string): { public_key: string } {
    requireState(row, 'ready');
    if (electionPhase(this.clock.now(), inputOf(row)) === 'after') throw new AppError('election_not_open', 409, 'Voting is over');
    if (!this.repo.rollEntry(row.id, memberId)) throw new AppError('not_on_roll', 404, 'This member is not on the roll');
    const voted = this.repo.voted(row.id, memberId);
    if (voted === 'paper') throw new AppError('voted_on_paper', 409, 'This member voted on paper');
    if (voted === 'online') throw new AppError('credential_used', 409, 'A ballot signed with this member’s credential is in the box');
    const old = this.repo.credential(row.id, memberId);
    if (!old) throw new AppError('election_wrong_state', 409, 'No credential for this member');
    return old;
  }

  private check(row: ElectionRow) {
    return [{ action: 'election.manage' as const, resource: { unitPath: this.actors.unitPath(row.unit_id) } }];
  }

  private detail(actor: Actor, id: string): ElectionDetail {
    return detailOf(this.repo, this.actors, actor, this.repo.election(id)!, this.clock.now());
  }

  /** Commission-member mode: only the named authority, on their own device. */
  private authorityOnly(actor: Actor, row: ElectionRow): void {
    if (row.credential_authority === null || row.credential_authority !== actor.memberId) throw new AppError('not_credential_authority', 403, 'Only the credential authority does this');
  }

  /**
   * Server mode: the server makes the new credential; the member fetches it
   * over their own session (`GET /ballot-kit`). Commission-member mode: the
   * authority's device made it and sends only its public part.
   */
  reissue(actor: Actor, id: string, input: ReissueCredentialInput): ElectionDetail {
    const { memberId } = input;
    const row = commissionOnly(this.repo, this.actors, actor, id);
    const ops = groupOps('BELENIOS-2048');
    let secret: string | null = null;
    let publicKey: bigint;
    if (row.credential_authority === null) {
      if (input.credential !== undefined) throw new AppError('validation_failed', 400, 'In server mode the server makes the new credential');
      this.reissuable(row, memberId);
      secret = generateSecretCredential();
      publicKey = publicCredential(ops, row.uuid!, secret);
    } else {
      this.authorityOnly(actor, row);
      if (input.credential === undefined) throw new AppError('validation_failed', 400, 'Send the new public credential');
      this.reissuable(row, memberId);
      publicKey = BigInt(input.credential);
      if (!ops.check(publicKey)) throw new AppError('validation_failed', 400, 'This is not a public credential');
    }
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.credential_reissued', target: id, detail: { memberId } } }, (now) => {
      // Checked again inside the write: a ballot may have come in since.
      const fresh = this.repo.election(id)!;
      const old = this.reissuable(fresh, memberId);
      const lines = readStringList(fresh.credentials_json!, 'credentials');
      if (lines.some((l) => l.split(',')[0] === publicKey.toString())) throw new AppError('validation_failed', 400, 'This credential is listed already');
      const list = replaceInCredentialList(lines, BigInt(old.public_key), publicKey);
      this.repo.replaceCredential(id, memberId, { secret, publicKey: publicKey.toString() });
      this.repo.update(id, { credentials_json: writePublicCredentials(list) }, now);
    });
    return this.detail(actor, id);
  }

  /**
   * Names the credential authority (a commission member) or returns to server
   * mode (null), in a draft. Fixes the Belenios uuid now (each public
   * credential is derived with it) and drops public credentials sent before.
   */
  setAuthority(actor: Actor, id: string, memberId: string | null): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'draft');
    if (memberId !== null) {
      const member = this.actors.load(memberId);
      if (!member || !can(member, 'election.manage', { unitPath: this.actors.unitPath(row.unit_id) })) throw new AppError('validation_failed', 400, 'The credential authority must be on the election commission');
    }
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.credential_authority_set', target: id, detail: { memberId } } }, (now) => {
      this.repo.forgetCredentials(id);
      this.repo.update(id, { credential_authority: memberId, ...(row.uuid === null ? { uuid: generateUuid() } : {}) }, now);
    });
    return this.detail(actor, id);
  }

  /**
   * The authority's public credentials, one per roll member with the roll's
   * weight (exactly the roll, each a group element, all distinct), before
   * open; they replace any sent before. Secrets cannot pass: the schema takes
   * decimal numbers only, and a secret is not a group element.
   */
  upload(actor: Actor, id: string, input: PublicCredentialsInput): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'draft');
    this.authorityOnly(actor, row);
    if (row.roll_frozen_at === null) throw new AppError('roll_not_frozen', 409, 'Freeze the roll first');
    const roll = new Map(this.repo.roll(id).map((r) => [r.member_id, r.weight]));
    const members = new Set<string>();
    const keys = new Set<string>();
    const ops = groupOps('BELENIOS-2048');
    for (const c of input.credentials) {
      if (roll.get(c.memberId) !== c.weight) throw new AppError('validation_failed', 400, `Not on the roll with weight ${c.weight}: ${c.memberId}`);
      if (members.has(c.memberId) || keys.has(c.credential)) throw new AppError('validation_failed', 400, `Listed twice: ${c.memberId}`);
      members.add(c.memberId);
      keys.add(c.credential);
    }
    if (members.size !== roll.size) throw new AppError('credentials_not_ready', 409, `Expected ${roll.size} credentials, got ${members.size}`);
    for (const c of input.credentials) if (!ops.check(BigInt(c.credential))) throw new AppError('validation_failed', 400, `Not a public credential: ${c.memberId}`);
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.credentials_uploaded', target: id, detail: { count: members.size } } }, () =>
      this.repo.storePublicCredentials(
        id,
        input.credentials.map((c) => ({ memberId: c.memberId, publicKey: c.credential })),
      ),
    );
    return this.detail(actor, id);
  }
}

/**
 * Commission-member mode, at open: L from the authority's public credentials,
 * which must cover exactly the roll now (it may have changed since they were
 * sent), with the roll's weights.
 */
export function uploadedCredentialList(repo: ElectionsRepo, id: string): string[] {
  const stored = repo.publicCredentials(id);
  const roll = repo.rollStats(id).size;
  if (stored.length !== roll || stored.some((c) => c.weight === null)) throw new AppError('credentials_not_ready', 409, 'The credential authority has not sent one credential per roll member');
  return writeCredentialList(stored.map((c) => ({ key: BigInt(c.public_key), weight: BigInt(c.weight!) })));
}
