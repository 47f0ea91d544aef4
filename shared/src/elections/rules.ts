import type { AnswerCount, ElectionInput, ElectionOutcome, ElectionPhase, ElectionQuestion, QuestionOutcome } from './api.ts';
import { isConfidenceVote, slotsOf, YES } from './layout.ts';

/**
 * The election's rules as pure functions (issue 17): who is on the roll, where
 * the clock stands against the window, and what the counts decide. The server
 * decides with them; the screens may show the same reasoning.
 */

export interface EligibilityFacts {
  /** Root → … → the member's unit. */
  unitPath: readonly string[];
  memberClass: string;
  status: 'active' | 'on_leave' | 'left';
}

/** On the roll at the freeze: in one of the electorate's units' subtrees, of one of its classes ([] = any), not 'left'. */
export function isEligible(member: EligibilityFacts, electorate: ElectionInput['electorate']): boolean {
  if (member.status === 'left') return false;
  if (!electorate.unitIds.some((u) => member.unitPath.includes(u))) return false;
  return electorate.classes.length === 0 || electorate.classes.includes(member.memberClass);
}

/** The window on the server's clock: opensAt inclusive, closesAt exclusive. */
export function electionPhase(now: number, window: { opensAt: number; closesAt: number }): ElectionPhase {
  if (now < window.opensAt) return 'before';
  return now < window.closesAt ? 'open' : 'after';
}

/** Quorum: turnout (online + paper, by weight) at least quorumPercent of the roll's weight; 0 = none. */
export function quorumMet(turnout: number, electorate: number, quorumPercent: number): boolean {
  return quorumPercent === 0 || turnout * 100 >= quorumPercent * electorate;
}

/** Whether `yes` clears the question's threshold over its base (simple: more than half; two_thirds: at least two thirds). */
export function clearsThreshold(q: Pick<ElectionQuestion, 'threshold'>, yes: number, base: number): boolean {
  if (base <= 0) return false;
  return q.threshold === 'two_thirds' ? yes * 3 >= base * 2 : yes * 2 > base;
}

export interface OutcomeInput {
  questions: readonly ElectionQuestion[];
  /** The Belenios result (weights), one row per slot of `slotsOf(questions)`, blank first; null before decryption (all zero). */
  online: readonly (readonly (number | bigint)[])[] | null;
  /** Paper totals in the same shape, or null. */
  paper: readonly (readonly number[])[] | null;
  /** The roll's total weight. */
  electorate: number;
  /** Who voted, by weight. */
  turnout: { online: number; paper: number };
  quorumPercent: number;
}

const cell = (rows: OutcomeInput['online'] | OutcomeInput['paper'], i: number, j: number): number => Number(rows?.[i]?.[j] ?? 0);

/** The election's outcome from the counts, per its rules. */
export function electionOutcome(o: OutcomeInput): ElectionOutcome {
  const total = o.turnout.online + o.turnout.paper;
  const quorum = quorumMet(total, o.electorate, o.quorumPercent);
  const byId = new Map(o.questions.map((q) => [q.id, q]));
  const questions = slotsOf(o.questions).map((slot, i): QuestionOutcome => {
    const q = byId.get(slot.questionId)!;
    const counts: AnswerCount[] = slot.answers.map((answer, j) => {
      const online = cell(o.online, i, j + 1);
      const paper = cell(o.paper, i, j + 1);
      return { answer, online, paper, total: online + paper };
    });
    const blankOnline = cell(o.online, i, 0);
    const blankPaper = cell(o.paper, i, 0);
    const blank = { online: blankOnline, paper: blankPaper, total: blankOnline + blankPaper };
    const valid = counts.reduce((n, c) => n + c.total, 0);
    const cast = valid + blank.total;
    const base = { questionId: q.id, ...(slot.candidateId ? { candidateId: slot.candidateId } : {}), counts, blank, valid, cast };
    if (!quorum) return { ...base, decision: 'no_quorum', winners: [], tied: [] };
    if (q.kind === 'yes_no' || isConfidenceVote(q)) return { ...base, ...yesNoDecision(q, counts, valid, cast, o.electorate) };
    return { ...base, ...mostVoted(q, counts) };
  });
  return { electorate: o.electorate, turnout: { online: o.turnout.online, paper: o.turnout.paper, total }, quorumMet: quorum, questions };
}

type Decision = Pick<QuestionOutcome, 'decision' | 'winners' | 'tied'>;

/** yes_no and 信任投票: approved when yes clears the threshold of its base; yes = no under a simple majority of valid votes is a tie (the stated rule applies, unless it is not_approved). */
function yesNoDecision(q: ElectionQuestion, counts: AnswerCount[], valid: number, cast: number, electorate: number): Decision {
  const yes = counts.find((c) => c.answer === YES)?.total ?? 0;
  const no = valid - yes;
  const base = q.base === 'valid' ? valid : q.base === 'cast' ? cast : electorate;
  if (clearsThreshold(q, yes, base)) return { decision: 'approved', winners: [], tied: [] };
  if (q.threshold === 'simple' && q.base === 'valid' && yes === no && yes > 0 && q.tie !== 'not_approved') return { decision: 'tie', winners: [], tied: [] };
  return { decision: 'rejected', winners: [], tied: [] };
}

/**
 * officer (more candidates than seats): the `seats` most voted are elected;
 * choice: the most voted option. When candidates tie across the cut, those
 * above it are elected and the tied ones go to the stated rule (lot, runoff:
 * decision 'tie'); under not_approved none of the tied is elected.
 */
function mostVoted(q: ElectionQuestion, counts: AnswerCount[]): Decision {
  const seats = q.kind === 'officer' ? (q.seats ?? 1) : 1;
  const won = q.kind === 'officer' ? 'elected' : 'chosen';
  const sorted = [...counts].sort((a, b) => b.total - a.total);
  if (sorted.length <= seats) return { decision: won, winners: sorted.map((c) => c.answer), tied: [] };
  const cut = sorted[seats - 1]!.total;
  if (sorted[seats]!.total < cut) return { decision: won, winners: sorted.slice(0, seats).map((c) => c.answer), tied: [] };
  const winners = sorted.filter((c) => c.total > cut).map((c) => c.answer);
  const tied = sorted.filter((c) => c.total === cut).map((c) => c.answer);
  return { decision: q.tie === 'not_approved' ? won : 'tie', winners, tied };
}
