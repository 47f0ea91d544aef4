import {
  can,
  electionOutcome,
  electionPhase,
  type Actor,
  type ElectionDetail,
  type ElectionInput,
  type ElectionOutcome,
  type ElectionSummary,
  type TrusteeProgress,
} from '@kumiai/shared';
import { readResult } from '@kumiai/shared/elections/crypto/index';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { ElectionRow, ElectionsRepo, TrusteeRow } from './elections-repo.ts';

export const inputOf = (row: ElectionRow): ElectionInput => JSON.parse(row.input) as ElectionInput;

/** The election, or 404. */
export function electionOr404(repo: ElectionsRepo, id: string): ElectionRow {
  const row = repo.election(id);
  if (!row) throw notFound('No such election');
  return row;
}

/** Whether the actor is the election's commission: election.manage on its unit (admins as such are not). */
export function isCommission(actors: ActorRepo, actor: Actor, row: ElectionRow): boolean {
  return can(actor, 'election.manage', { unitPath: actors.unitPath(row.unit_id) });
}

/** The election if this actor is its commission; 403 when they can see the unit (an admin), else 404. */
export function commissionOnly(repo: ElectionsRepo, actors: ActorRepo, actor: Actor, id: string): ElectionRow {
  const row = electionOr404(repo, id);
  if (isCommission(actors, actor, row)) return row;
  if (can(actor, 'unit.read', { unitPath: actors.unitPath(row.unit_id) })) throw new AppError('forbidden', 403, 'Only the election commission does this');
  throw notFound('No such election');
}

export function requireState(row: ElectionRow, ...states: ElectionRow['state'][]): void {
  if (!states.includes(row.state)) {
    if (states.length === 1 && states[0] === 'draft') throw new AppError('election_locked', 409, 'Only a draft election can be changed');
    throw new AppError('election_wrong_state', 409, `The election is ${row.state}; this needs ${states.join(' or ')}`);
  }
}

/** The key step a trustee has done: 0, 1 (cert), 3 (polynomial), 5 (voutput). */
export const trusteeStep = (t: TrusteeRow): TrusteeProgress['step'] => (t.voutput ? 5 : t.polynomial ? 3 : t.cert ? 1 : 0);

export function summaryOf(repo: ElectionsRepo, row: ElectionRow, now: number): ElectionSummary {
  const input = inputOf(row);
  return {
    id: row.id,
    title: input.title,
    ...(input.titleEn ? { titleEn: input.titleEn } : {}),
    state: row.state,
    phase: electionPhase(now, input),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    electorate: repo.rollStats(row.id).size,
  };
}

/** The counts and the rules' decision now (online from the decrypted result, paper as entered). */
export function outcomeNow(repo: ElectionsRepo, row: ElectionRow): ElectionOutcome | null {
  if (row.outcome) return JSON.parse(row.outcome) as ElectionOutcome;
  if (!row.result) return null;
  const input = inputOf(row);
  const turnout = { online: 0, paper: 0 };
  for (const r of repo.turnoutRows(row.id)) if (r.how) turnout[r.how] += r.weight;
  return electionOutcome({
    questions: input.questions,
    online: readResult(row.result),
    paper: row.paper_totals ? (JSON.parse(row.paper_totals) as number[][]) : null,
    electorate: repo.rollStats(row.id).weight,
    turnout,
    quorumPercent: input.quorumPercent,
  });
}

export function detailOf(repo: ElectionsRepo, actors: ActorRepo, actor: Actor, row: ElectionRow, now: number): ElectionDetail {
  const stats = repo.rollStats(row.id);
  const trustees = repo.trustees(row.id);
  const mine = trustees.find((t) => t.member_id === actor.memberId);
  return {
    ...summaryOf(repo, row, now),
    input: inputOf(row),
    rollFrozenAt: row.roll_frozen_at,
    rollSize: stats.size,
    rollWeight: stats.weight,
    trustees: trustees.map((t) => ({ memberId: t.member_id, name: t.name, index: t.idx, step: trusteeStep(t), decrypted: t.decryption !== null })),
    threshold: row.threshold,
    keysReady: row.trustees_json !== null,
    uuid: row.uuid,
    you: { commission: isCommission(actors, actor, row), trustee: mine?.idx ?? null },
    paperVoters: repo.turnoutRows(row.id).filter((r) => r.how === 'paper').length,
    paperTotals: row.paper_totals ? (JSON.parse(row.paper_totals) as number[][]) : null,
    outcome: outcomeNow(repo, row),
    credentialAuthority: row.credential_authority === null ? null : { memberId: row.credential_authority, name: repo.memberName(row.credential_authority) },
    ...(row.credential_authority !== null && row.state === 'draft' ? { publicCredentials: repo.credentialCount(row.id) } : {}),
  };
}
