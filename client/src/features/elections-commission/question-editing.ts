import type { ElectionInput, ElectionOption, ElectionQuestion, ElectionQuestionKind } from '@kumiai/shared';

/** Small pure helpers of the election editor. */

export const newId = (): string => crypto.randomUUID().slice(0, 12);

export function newQuestion(kind: ElectionQuestionKind): ElectionQuestion {
  const base = { id: newId(), kind, title: '', threshold: 'simple', base: 'valid', tie: kind === 'officer' ? 'lot' : 'not_approved' } as const;
  if (kind === 'officer') return { ...base, seats: 1, options: [newOption()] };
  if (kind === 'choice') return { ...base, maxChoices: 1, options: [newOption(), newOption()] };
  return { ...base, options: [] };
}

export const newOption = (): ElectionOption => ({ id: newId(), name: '' });

export function newElection(unitId: string, now: number): ElectionInput {
  const hour = 3_600_000;
  const opensAt = Math.ceil((now + hour) / hour) * hour;
  return { unitId, title: '', description: '', questions: [newQuestion('yes_no')], electorate: { unitIds: [unitId], classes: [] }, quorumPercent: 0, opensAt, closesAt: opensAt + 24 * hour };
}

/** The classes field (comma-separated) ↔ the list. */
export const classesFrom = (text: string): string[] =>
  text
    .split(/[,、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
