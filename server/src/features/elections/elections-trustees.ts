import { electionPhase, type Actor, type ElectionDetail, type TrusteeTask } from '@kumiai/shared';
import {
  certKeys,
  checkPartialDecryption,
  checkTrusteePublicKey,
  coefexpsOf,
  combineFactors,
  computeResult,
  computeVerificationKeys,
  groupOps,
  loadElection,
  pedersenStep4,
  pedersenStep6,
  readEncryptedTally,
  readPartialDecryption,
  readSignedMsg,
  readTrustees,
  verifyCert,
  verifySigned,
  writePartialDecryption,
  writeResult,
  writeSignedMsg,
  writeTrustees,
  type PartialDecryption,
  type SignedMsg,
} from '@kumiai/shared/elections/crypto/index';
import { readCert, readPolynomial, readVoutput, writePolynomial, writeVinput, writeVoutput } from '@kumiai/shared/elections/trustee-messages';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import { detailOf, electionOr404, inputOf, requireState } from './election-view.ts';
import type { ElectionRow, ElectionsRepo, TrusteeRow } from './elections-repo.ts';

const ops = groupOps('BELENIOS-2048');

const invalid = (why: string) => new AppError('trustee_message_invalid', 400, why);

/** Parses and checks a trustee's message with `read`; any failure is trustee_message_invalid. */
function parsed<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The trustees' side (issue 17): each makes her key share on her own device
 * (Belenios threshold steps 1, 3, 5: pedersenStep1/3/5); the server checks
 * every message, runs steps 2, 4 and 6 itself and keeps only public messages
 * (signed, and encrypted to their recipients). After the window, any
 * `threshold` of them decrypt the tally (each partial decryption checked).
 */
export class ElectionTrustees {
  constructor(
    private readonly repo: ElectionsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
  ) {}

  private mine(actor: Actor, id: string): { row: ElectionRow; me: TrusteeRow; all: TrusteeRow[] } {
    const row = electionOr404(this.repo, id);
    const all = this.repo.trustees(id);
    const me = all.find((t) => t.member_id === actor.memberId);
    if (!me) throw new AppError('not_a_trustee', 403, 'Only the election trustees do this step');
    return { row, me, all };
  }

  task(actor: Actor, id: string): TrusteeTask {
    const { row, me, all } = this.mine(actor, id);
    const index = me.idx;
    const certs = () => all.map((t) => t.cert!);
    if (!me.cert) return { step: 'cert', index, count: all.length, threshold: row.threshold, electionTitle: inputOf(row).title };
    if (all.some((t) => !t.cert)) return { step: 'wait', index, waitingFor: 'trustees' };
    if (!me.polynomial) return { step: 'polynomial', index, certs: certs(), threshold: row.threshold };
    if (!me.vinput) return { step: 'wait', index, waitingFor: 'trustees' };
    if (!me.voutput) return { step: 'voutput', index, certs: certs(), vinput: me.vinput };
    if (row.state === 'draft') return { step: 'wait', index, waitingFor: all.some((t) => !t.voutput) ? 'trustees' : 'open' };
    if (row.state === 'ready') return { step: 'wait', index, waitingFor: electionPhase(this.clock.now(), inputOf(row)) === 'after' ? 'tally' : 'close' };
    if (row.state === 'tallying' && !me.decryption) {
      const voutput = readVoutput(me.voutput);
      return { step: 'decrypt', index, election: row.election_json!, encryptedTally: row.encrypted_tally!, voutputPrivateKey: voutput.private_key };
    }
    return { step: 'done', index };
  }

  private record(actor: Actor, row: ElectionRow, step: string, index: number, write: () => void): ElectionDetail {
    this.mutate(actor, { checks: [], audit: { action: 'election.trustee_step', target: row.id, detail: { step, index } } }, (now) => {
      write();
      this.repo.update(row.id, {}, now);
    });
    return detailOf(this.repo, this.actors, actor, this.repo.election(row.id)!, this.clock.now());
  }

  /** Step 1: the trustee's certificate (its signature checked); step 2 runs as each arrives. */
  cert(actor: Actor, id: string, message: string): ElectionDetail {
    const { row, me, all } = this.mine(actor, id);
    requireState(row, 'draft');
    if (me.cert) throw new AppError('election_wrong_state', 409, 'Your certificate is in already');
    const cert = parsed('certificate', () => readCert(message));
    if (!verifyCert(ops, cert)) throw invalid('The certificate does not validate');
    const raw = writeSignedMsg(cert);
    if (all.some((t) => t.cert === raw)) throw invalid('Another trustee sent this certificate');
    return this.record(actor, row, 'cert', me.idx, () => this.repo.setTrusteeMessage(id, me.idx, 'cert', raw));
  }

  /** Step 3: the trustee's polynomial (shares encrypted to each trustee); step 4 once all are in. */
  polynomial(actor: Actor, id: string, message: string): ElectionDetail {
    const { row, me, all } = this.mine(actor, id);
    requireState(row, 'draft');
    if (all.some((t) => !t.cert) || me.polynomial) throw new AppError('election_wrong_state', 409, 'Not the time for a polynomial');
    const certs = all.map((t) => readSignedMsg(JSON.parse(t.cert!)));
    const poly = parsed('polynomial', () => readPolynomial(message));
    if (!verifySigned(ops, certKeys(certs[me.idx - 1]!).verification, poly.coefexps)) throw invalid('The coefficients are not signed by your certificate');
    if (poly.secrets.length !== all.length) throw invalid(`One share per trustee expected (${all.length})`);
    if (parsed('coefexps', () => coefexpsOf(poly.coefexps)).length !== row.threshold) throw invalid(`A polynomial of ${row.threshold} coefficients expected`);
    const raw = writePolynomial(poly);
    return this.record(actor, row, 'polynomial', me.idx, () => {
      this.repo.setTrusteeMessage(id, me.idx, 'polynomial', raw);
      const polys = all.map((t) => (t.idx === me.idx ? poly : t.polynomial ? readPolynomial(t.polynomial) : null));
      if (polys.every((p) => p !== null)) this.repo.setVinputs(id, pedersenStep4(ops, certs, polys).map(writeVinput));
    });
  }

  /** Step 5: the trustee's voutput (its key's proof checked against the commitments); step 6 once all are in. */
  voutput(actor: Actor, id: string, message: string): ElectionDetail {
    const { row, me, all } = this.mine(actor, id);
    requireState(row, 'draft');
    if (!me.vinput || me.voutput) throw new AppError('election_wrong_state', 409, 'Not the time for a voutput');
    const vo = parsed('voutput', () => readVoutput(message));
    const polys = all.map((t) => readPolynomial(t.polynomial!));
    const coefexps = polys.map((p) => coefexpsOf(p.coefexps));
    if (!checkTrusteePublicKey(ops, vo.public_key)) throw invalid('The proof of the key does not validate');
    if (computeVerificationKeys(ops, coefexps)[me.idx - 1] !== vo.public_key.public_key) throw invalid('The key does not match the commitments');
    const raw = writeVoutput(vo);
    return this.record(actor, row, 'voutput', me.idx, () => {
      this.repo.setTrusteeMessage(id, me.idx, 'voutput', raw);
      const vouts = all.map((t) => (t.idx === me.idx ? vo : t.voutput ? readVoutput(t.voutput) : null));
      if (vouts.every((v) => v !== null)) {
        const certs: SignedMsg[] = all.map((t) => readSignedMsg(JSON.parse(t.cert!)));
        const params = pedersenStep6(ops, certs, polys, vouts);
        this.repo.update(id, { trustees_json: writeTrustees([{ kind: 'Pedersen', params }]) }, this.clock.now());
      }
    });
  }

  /** A partial decryption of the encrypted tally (checked); with `threshold` of them the result is computed. */
  decryption(actor: Actor, id: string, message: string): ElectionDetail {
    const { row, me } = this.mine(actor, id);
    requireState(row, 'tallying');
    if (me.decryption) throw new AppError('election_wrong_state', 409, 'Your partial decryption is in already');
    const election = loadElection(row.election_json!);
    const tally = readEncryptedTally(row.encrypted_tally!);
    const trustees = readTrustees(row.trustees_json!);
    const pedersen = trustees[0];
    if (pedersen?.kind !== 'Pedersen') throw new Error('threshold trustees expected');
    const pd = parsed('partial decryption', () => readPartialDecryption(message));
    const bad = parsed('partial decryption', () => checkPartialDecryption(election, tally, pedersen.params.verification_keys[me.idx - 1]!.public_key, pd));
    if (bad) throw invalid(bad);
    return this.record(actor, row, 'decryption', me.idx, () => {
      this.repo.setDecryption(id, me.idx, writePartialDecryption(pd));
      const pds: { owner: number; pd: PartialDecryption }[] = this.repo.decryptions(id).map((d) => ({ owner: d.idx, pd: readPartialDecryption(d.decryption) }));
      if (pds.length < pedersen.params.threshold) return;
      const combined = combineFactors(election, tally, trustees, pds, false);
      if (!combined.ok) throw new Error(combined.reason);
      const result = computeResult(election, tally, combined.factors, BigInt(row.total_weight ?? 0));
      const now = this.clock.now();
      if (!this.repo.moveState(id, 'tallying', 'tallied', now)) throw new AppError('election_wrong_state', 409, 'The election changed meanwhile');
      this.repo.update(id, { result: writeResult(result) }, now);
    });
  }
}
