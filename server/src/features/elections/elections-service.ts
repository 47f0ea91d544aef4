import { randomUUID } from 'node:crypto';
import {
  can,
  electionPhase,
  isEligible,
  layoutProblem,
  scopeRoots,
  slotsOf,
  toBeleniosTemplate,
  type Actor,
  type ElectionDetail,
  type ElectionInput,
  type ElectionSummary,
  type PaperTotals,
  type RollChanges,
  type RollPage,
  type TrusteesInput,
} from '@kumiai/shared';
import { combineKeys, generateUuid, groupOps, makeElection, readTrustees, writePublicCredentials } from '@kumiai/shared/elections/crypto/index';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { ElectionsCrypto } from './crypto-pool.ts';
import { uploadedCredentialList } from './elections-credentials.ts';
import { commissionOnly, detailOf, inputOf, isCommission, requireState, summaryOf } from './election-view.ts';
import type { ElectionRow, ElectionsRepo } from './elections-repo.ts';

const ROLL_PAGE = 100;

/**
 * The election commission's side (issue 17): set-up, the roll (名簿), the
 * trustees, opening, paper voters and totals. Every change goes through
 * `mutate` (audited; the commission check is `election.manage` on the
 * election's unit). Tally, results and reminders: elections-tally.ts.
 */
export class ElectionsService {
  constructor(
    private readonly repo: ElectionsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly crypto: ElectionsCrypto,
    /** Candidate photos new to the election: images the member saving uploaded (candidate-photos.ts). */
    private readonly checkPhotos: (actor: Actor, input: ElectionInput, before: ElectionInput | null) => void,
  ) {}

  private check(row: ElectionRow) {
    return [{ action: 'election.manage' as const, resource: { unitPath: this.actors.unitPath(row.unit_id) } }];
  }

  private detail(actor: Actor, id: string): ElectionDetail {
    return detailOf(this.repo, this.actors, actor, this.repo.election(id)!, this.clock.now());
  }

  list(actor: Actor): ElectionSummary[] {
    if (scopeRoots(actor, 'election.manage').length === 0) return [];
    const now = this.clock.now();
    return this.repo
      .all()
      .filter((row) => isCommission(this.actors, actor, row))
      .map((row) => summaryOf(this.repo, row, now));
  }

  get(actor: Actor, id: string): ElectionDetail {
    return detailOf(this.repo, this.actors, actor, commissionOnly(this.repo, this.actors, actor, id), this.clock.now());
  }

  private validate(input: ElectionInput): void {
    const problem = layoutProblem(input.questions);
    if (problem) throw new AppError('validation_failed', 400, problem);
    if (input.closesAt <= input.opensAt) throw new AppError('validation_failed', 400, 'closesAt must be after opensAt');
    for (const unitId of input.electorate.unitIds) {
      if (!this.actors.unitPath(unitId).includes(input.unitId)) throw new AppError('validation_failed', 400, `Unit ${unitId} is not within the election's unit`);
    }
  }

  create(actor: Actor, input: ElectionInput): ElectionDetail {
    const unitPath = this.actors.unitPath(input.unitId);
    if (unitPath.length === 0) throw new AppError('not_found', 404, 'No such unit');
    this.validate(input);
    this.checkPhotos(actor, input, null);
    const id = randomUUID();
    this.mutate(actor, { checks: [{ action: 'election.manage', resource: { unitPath } }], audit: { action: 'election.created', target: id, detail: { title: input.title } } }, (now) =>
      this.repo.insert(id, input, actor.memberId, now),
    );
    return this.detail(actor, id);
  }

  update(actor: Actor, id: string, input: ElectionInput): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'draft');
    if (input.unitId !== row.unit_id) throw new AppError('validation_failed', 400, "An election's unit cannot change");
    this.validate(input);
    this.checkPhotos(actor, input, inputOf(row));
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.updated', target: id, detail: { title: input.title } } }, (now) =>
      this.repo.update(id, { input: JSON.stringify(input) }, now),
    );
    return this.detail(actor, id);
  }

  /** 名簿確定: the electorate now, by the eligibility rule, in one statement (a roll frozen again is replaced). */
  freezeRoll(actor: Actor, id: string): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'draft');
    const { electorate } = inputOf(row);
    const paths = new Map<string, string[]>();
    const pathOf = (u: string) => paths.get(u) ?? paths.set(u, this.actors.unitPath(u)).get(u)!;
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.roll_frozen', target: id, detail: (n: number) => ({ members: n }) } }, (now) => {
      const eligible = this.repo.members().filter((m) => isEligible({ unitPath: pathOf(m.unit_id), memberClass: m.member_class, status: m.status }, electorate));
      this.repo.freezeRoll(id, eligible);
      this.repo.update(id, { roll_frozen_at: now }, now);
      return eligible.length;
    });
    return this.detail(actor, id);
  }

  roll(actor: Actor, id: string, cursor: string, q: string): RollPage {
    commissionOnly(this.repo, this.actors, actor, id);
    const { rows, total } = this.repo.rollPage(id, cursor, q.trim(), ROLL_PAGE);
    const names = this.repo.unitNames();
    const paths = new Map<string, string[]>();
    const unitPath = (u: string) => paths.get(u) ?? paths.set(u, this.actors.unitPath(u).map((x) => names.get(x) ?? '')).get(u)!;
    return {
      entries: rows.map((r) => ({ memberId: r.member_id, employeeNumber: r.employee_number, name: r.name, unitPath: unitPath(r.unit_id), memberClass: r.member_class, weight: r.weight })),
      nextCursor: rows.length === ROLL_PAGE ? rows[rows.length - 1]!.employee_number : null,
      total,
    };
  }

  /** Corrections to a frozen roll before opening (audited with the reason). */
  changeRoll(actor: Actor, id: string, changes: RollChanges): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'draft');
    if (row.roll_frozen_at === null) throw new AppError('roll_not_frozen', 409, 'Freeze the roll first');
    const add = changes.add ?? [];
    const known = new Set(this.repo.memberExists(add));
    const unknown = add.filter((m) => !known.has(m));
    if (unknown.length > 0) throw new AppError('validation_failed', 400, `No such member: ${unknown.slice(0, 5).join(', ')}`);
    const detail = { added: add.length, removed: changes.remove?.length ?? 0, weights: changes.weights?.length ?? 0, reason: changes.reason ?? '' };
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.roll_changed', target: id, detail } }, (now) => {
      this.repo.addToRoll(id, this.repo.membersByIds(add));
      this.repo.removeFromRoll(id, changes.remove ?? []);
      this.repo.setWeights(id, changes.weights ?? []);
      this.repo.update(id, {}, now);
    });
    return this.detail(actor, id);
  }

  /** The trustees (commission members) and the threshold, before any key share exists. */
  setTrustees(actor: Actor, id: string, input: TrusteesInput): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'draft');
    if (this.repo.trustees(id).some((t) => t.cert !== null)) throw new AppError('election_locked', 409, 'Key shares exist already');
    if (new Set(input.memberIds).size !== input.memberIds.length) throw new AppError('validation_failed', 400, 'A trustee is named twice');
    if (input.threshold > input.memberIds.length) throw new AppError('validation_failed', 400, 'The threshold cannot exceed the number of trustees');
    const unitPath = this.actors.unitPath(row.unit_id);
    for (const memberId of input.memberIds) {
      const member = this.actors.load(memberId);
      if (!member || !can(member, 'election.manage', { unitPath })) throw new AppError('validation_failed', 400, `Trustee ${memberId} is not on the election commission`);
    }
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.trustees_set', target: id, detail: { trustees: input.memberIds, threshold: input.threshold } } }, (now) => {
      this.repo.setTrustees(id, input.memberIds);
      this.repo.update(id, { threshold: input.threshold }, now);
    });
    return this.detail(actor, id);
  }

  /**
   * draft → ready: the roll frozen and the keys made; the server (credential
   * authority in server mode) issues one secret credential per roll member
   * and publishes only the public list, or (commission-member mode) lists the
   * authority's public credentials; election.json is fixed. Server-made
   * credentials come from the worker pool; the election is opened only if its
   * set-up and roll did not change meanwhile.
   */
  async open(actor: Actor, id: string): Promise<ElectionDetail> {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'draft');
    if (row.roll_frozen_at === null) throw new AppError('roll_not_frozen', 409, 'Freeze the roll first');
    if (row.trustees_json === null) throw new AppError('keys_not_ready', 409, 'The trustees have not made the election key yet');
    const roll = this.repo.roll(id);
    if (roll.length === 0) throw new AppError('validation_failed', 400, 'The roll is empty');
    const ops = groupOps('BELENIOS-2048');
    // Commission-member mode: the uuid was fixed when the authority was named, and L comes from its device.
    const uuid = row.uuid ?? generateUuid();
    const setUp = (r: ElectionRow) => JSON.stringify([r.input, r.trustees_json, r.roll_frozen_at, r.credential_authority, this.repo.roll(id)]);
    const before = setUp(row);
    const creds = row.credential_authority === null ? await this.crypto.issueCredentials(uuid, roll.map((r) => ({ id: r.member_id, weight: BigInt(r.weight) }))) : null;
    const election = makeElection(toBeleniosTemplate(inputOf(row)), uuid, 'BELENIOS-2048', combineKeys(ops, readTrustees(row.trustees_json)));
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.opened', target: id, detail: { uuid, voters: roll.length } } }, (now) => {
      if (!this.repo.moveState(id, 'draft', 'ready', now) || setUp(this.repo.election(id)!) !== before) throw new AppError('election_wrong_state', 409, 'The election changed meanwhile');
      // The authority's uploaded list is read inside the write: it cannot change between the check and the opening.
      const publicList = creds ? creds.publicCredentials : uploadedCredentialList(this.repo, id);
      if (creds) this.repo.storeCredentials(id, creds.issued.map((c) => ({ memberId: c.voterId, secret: c.secret, publicKey: c.publicKey.toString() })));
      this.repo.update(id, { uuid, election_json: election.raw, credentials_json: writePublicCredentials(publicList), opened_at: now }, now);
    });
    return this.detail(actor, id);
  }

  /** A roll member voted on paper (so they cannot vote online too); before the tally. */
  paperVoter(actor: Actor, id: string, memberId: string): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'ready');
    if (!this.repo.rollEntry(id, memberId)) throw new AppError('not_on_roll', 404, 'This member is not on the roll');
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.paper_voter', target: id, detail: { memberId } } }, () => {
      const voted = this.repo.voted(id, memberId);
      if (voted === 'online') throw new AppError('already_voted_online', 409, 'This member has voted online');
      this.repo.markVoted(id, memberId, 'paper');
    });
    return this.detail(actor, id);
  }

  /** Paper totals per Belenios question and answer (blank first), after the window, before publishing. */
  paperTotals(actor: Actor, id: string, input: PaperTotals): ElectionDetail {
    const row = commissionOnly(this.repo, this.actors, actor, id);
    requireState(row, 'ready', 'tallying', 'tallied');
    const input_ = inputOf(row);
    if (electionPhase(this.clock.now(), input_) !== 'after') throw new AppError('election_wrong_state', 409, 'Paper totals are entered after the window closes');
    const slots = slotsOf(input_.questions);
    if (input.totals.length !== slots.length || input.totals.some((r, i) => r.length !== slots[i]!.answers.length + 1)) {
      throw new AppError('validation_failed', 400, `Expected ${slots.length} rows of ${slots.map((s) => s.answers.length + 1).join('/')} numbers`);
    }
    this.mutate(actor, { checks: this.check(row), audit: { action: 'election.paper_totals', target: id, detail: { totals: input.totals } } }, (now) =>
      this.repo.update(id, { paper_totals: JSON.stringify(input.totals) }, now),
    );
    return this.detail(actor, id);
  }
}
