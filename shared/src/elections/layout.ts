import type { ElectionInput, ElectionQuestion } from './api.ts';
import type { Plaintext } from './crypto/ballot.ts';
import type { ElectionTemplate } from './crypto/election.ts';
import type { Question } from './crypto/types.ts';

/**
 * How the union's questions become Belenios questions (one "slot" each), the
 * same on the voter's device (to make the plaintext) and on the server (to
 * read the result back). Every slot allows a blank vote (白票): counted as
 * cast, not as valid.
 *
 * - officer, more candidates than seats: one slot, pick 1 to `seats` candidates;
 * - officer, candidates ≤ seats (信任投票): one yes/no slot per candidate;
 * - yes_no (スト権, 規約改正): one slot, 賛成 or 反対;
 * - choice: one slot, pick 1 to `maxChoices` options.
 */
export interface Slot {
  questionId: string;
  /** 信任投票: the candidate this slot is about. */
  candidateId?: string;
  /** The answer keys in Belenios order (after the blank flag): option ids, or 'yes' / 'no'. */
  answers: string[];
  min: number;
  max: number;
}

export const YES = 'yes';
export const NO = 'no';

/** 信任投票: an officer question with no more candidates than seats. */
export const isConfidenceVote = (q: ElectionQuestion): boolean => q.kind === 'officer' && q.options.length <= (q.seats ?? 1);

export function slotsOf(questions: readonly ElectionQuestion[]): Slot[] {
  return questions.flatMap((q): Slot[] => {
    if (q.kind === 'yes_no') return [{ questionId: q.id, answers: [YES, NO], min: 1, max: 1 }];
    if (isConfidenceVote(q)) return q.options.map((o) => ({ questionId: q.id, candidateId: o.id, answers: [YES, NO], min: 1, max: 1 }));
    const max = q.kind === 'officer' ? (q.seats ?? 1) : Math.min(q.maxChoices ?? 1, q.options.length);
    return [{ questionId: q.id, answers: q.options.map((o) => o.id), min: 1, max }];
  });
}

/** A problem with the questions as an election (before Belenios sees them), or null. */
export function layoutProblem(questions: readonly ElectionQuestion[]): string | null {
  const ids = new Set<string>();
  for (const q of questions) {
    if (ids.has(q.id)) return `duplicate question id ${q.id}`;
    ids.add(q.id);
    if (q.kind === 'yes_no' && q.options.length > 0) return `${q.id}: a yes/no question has no options`;
    if (q.kind !== 'yes_no' && q.options.length === 0) return `${q.id}: needs at least one option`;
    if (q.kind === 'choice' && q.options.length < 2) return `${q.id}: a choice needs at least two options`;
    const optionIds = new Set(q.options.map((o) => o.id));
    if (optionIds.size !== q.options.length) return `${q.id}: duplicate option ids`;
    if (optionIds.has(YES) || optionIds.has(NO)) return `${q.id}: option ids '${YES}' and '${NO}' are reserved`;
  }
  return null;
}

const label = (q: ElectionQuestion, optionId: string): string => {
  if (optionId === YES) return isConfidenceVote(q) ? '信任 Confidence' : '賛成 Yes';
  if (optionId === NO) return isConfidenceVote(q) ? '不信任 No confidence' : '反対 No';
  const o = q.options.find((x) => x.id === optionId);
  return o ? (o.nameEn ? `${o.name} ${o.nameEn}` : o.name) : optionId;
};

/** The Belenios template (election.json's questions, in both languages, as the public record shows them). */
export function toBeleniosTemplate(input: ElectionInput): ElectionTemplate {
  const byId = new Map(input.questions.map((q) => [q.id, q]));
  const both = (ja: string, en?: string) => (en ? `${ja} ${en}` : ja);
  const questions: Question[] = slotsOf(input.questions).map((s) => {
    const q = byId.get(s.questionId)!;
    const candidate = s.candidateId ? q.options.find((o) => o.id === s.candidateId) : undefined;
    const title = candidate ? `${both(q.title, q.titleEn)}: ${both(candidate.name, candidate.nameEn)}` : both(q.title, q.titleEn);
    return { question: title, answers: s.answers.map((a) => label(q, a)), blank: true, min: s.min, max: s.max };
  });
  return { name: both(input.title, input.titleEn), description: input.description || input.title, questions };
}

/** A voter's answer to one slot: blank (白票), or the answer keys picked (option ids, or 'yes' / 'no'). */
export type SlotChoice = { blank: true } | { picked: readonly string[] };

/** The Belenios plaintext for the voter's choices, one per slot in `slotsOf` order; throws on a choice the slot does not allow. */
export function plaintextFor(questions: readonly ElectionQuestion[], choices: readonly SlotChoice[]): Plaintext {
  const slots = slotsOf(questions);
  if (choices.length !== slots.length) throw new Error(`${slots.length} answers expected, got ${choices.length}`);
  return slots.map((s, i) => {
    const c = choices[i]!;
    if ('blank' in c) return [1, ...s.answers.map(() => 0)];
    const picked = new Set(c.picked);
    if (picked.size !== c.picked.length || [...picked].some((a) => !s.answers.includes(a))) throw new Error(`slot ${i + 1}: unknown or repeated answer`);
    if (picked.size < s.min || picked.size > s.max) throw new Error(`slot ${i + 1}: pick between ${s.min} and ${s.max}`);
    return [0, ...s.answers.map((a) => (picked.has(a) ? 1 : 0))];
  });
}
