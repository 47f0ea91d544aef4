import type { Answers } from '@kumiai/shared';
import type { StoredRejection } from '../../sync/rejections.ts';
import { useRejections } from '../../sync/SyncProvider.tsx';

/** Refused submissions matching `which` (by form or by submission id), with dismiss. */
export function useSubmissionRejections(which: { formId?: string; id?: string }): { rejections: StoredRejection[]; dismiss: (key: string) => Promise<void> } {
  const { rejections, dismiss } = useRejections();
  const mine = rejections.filter((r) => r.collection === 'submissions' && (which.id === undefined || r.id === which.id) && (which.formId === undefined || r.attempted.formId === which.formId));
  return { rejections: mine, dismiss };
}

/** The answers the member tried to send, to load into the form again. */
export function attemptedAnswers(rejection: StoredRejection): Answers {
  const answers = rejection.attempted.answers;
  return typeof answers === 'object' && answers !== null ? (answers as Answers) : {};
}

/** Whether a refusal came after this write (so the write did not go through). */
export function refusedSince(rejections: readonly StoredRejection[], id: string, at: number): boolean {
  return rejections.some((r) => r.id === id && r.at >= at);
}
