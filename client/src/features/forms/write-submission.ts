import { surveySubmissionId, type Answers, type FormDoc } from '@kumiai/shared';
import type { KumiaiDatabase } from '../../sync/database.ts';
import { changedFields, newSubmission, withdrawnFields, type RequestedState } from './submission-doc.ts';

/**
 * Writes a member's submission through RxDB (works offline; the sync engine
 * pushes it and counts it as waiting until the server acknowledges it).
 * An existing document is patched in the fields a device may change only;
 * otherwise a new one is created (also over a creation the server refused,
 * whose local copy was removed).
 */
export async function writeSubmission(db: KumiaiDatabase, input: { form: FormDoc; memberId: string; submissionId: string | null; answers: Answers; state: RequestedState }): Promise<string> {
  const { form, memberId, answers, state } = input;
  const id = form.kind === 'survey' ? surveySubmissionId(form.id, memberId) : (input.submissionId ?? crypto.randomUUID());
  const current = await db.submissions.findOne(id).exec();
  if (current) await current.incrementalPatch(changedFields(form, answers, state));
  else await db.submissions.insert(newSubmission({ form, memberId, answers, state, now: Date.now(), id }));
  return id;
}

export async function withdrawSubmission(db: KumiaiDatabase, id: string): Promise<void> {
  const current = await db.submissions.findOne(id).exec();
  await current?.incrementalPatch(withdrawnFields());
}
