import { electionPhase, type Actor, type ElectionDetail } from '@kumiai/shared';
import { replaceInCredentialList } from '@kumiai/shared/elections/credential-list';
import { generateSecretCredential, groupOps, publicCredential, readStringList, writePublicCredentials } from '@kumiai/shared/elections/crypto/index';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import { commissionOnly, detailOf, inputOf, requireState } from './election-view.ts';
import type { ElectionRow, ElectionsRepo } from './elections-repo.ts';
import type { ElectionVoting } from './elections-voting.ts';

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
    private readonly voting: ElectionVoting,
  ) {}

  private reissuable(row: ElectionRow, memberId: string): { secret: string; public_key: string } {
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

  /** Server mode: the server makes the new credential; the member fetches it over their own session (`GET /ballot-kit`). */
  reissue(actor: Actor, id: string, memberId: string): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    this.reissuable(row, memberId);
    const ops = groupOps('BELENIOS-2048');
    const secret = generateSecretCredential();
    const publicKey = publicCredential(ops, row.uuid!, secret);
    const check = [{ action: 'election.manage' as const, resource: { unitPath: this.actors.unitPath(row.unit_id) } }];
    this.mutate(actor, { checks: check, audit: { action: 'election.credential_reissued', target: id, detail: { memberId } } }, (now) => {
      // Checked again inside the write: a ballot may have come in since.
      const fresh = this.repo.election(id)!;
      const old = this.reissuable(fresh, memberId);
      const list = replaceInCredentialList(readStringList(fresh.credentials_json!, 'credentials'), BigInt(old.public_key), publicKey);
      this.repo.replaceCredential(id, memberId, { secret, publicKey: publicKey.toString() });
      this.repo.update(id, { credentials_json: writePublicCredentials(list) }, now);
    });
    // The ballot box holds L: the next ballot loads the new list.
    this.voting.closeBox(id);
    return detailOf(this.repo, this.actors, actor, this.repo.election(id)!, this.clock.now());
  }
}
