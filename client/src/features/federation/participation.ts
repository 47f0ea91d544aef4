import type { InboxItem } from '@kumiai/shared';

/**
 * What a unified action reports upward, as its inbox card explains it: the
 * count an officer typed (a paper tally) wins over the app's 参加する answers;
 * without either nothing goes up for it. Mirrors the server's
 * federation-figures.ts `participants`.
 */
export function participationSource(item: Pick<InboxItem, 'participation' | 'appAnswers'>): { reported: number | null; from: 'typed' | 'app' | null } {
  if (item.participation !== null) return { reported: item.participation, from: 'typed' };
  if (item.appAnswers !== null) return { reported: item.appAnswers, from: 'app' };
  return { reported: null, from: null };
}
