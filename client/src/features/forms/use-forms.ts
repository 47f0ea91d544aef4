import type { FormDoc, SubmissionDoc } from '@kumiai/shared';
import { docJson, docsJson, useLiveQuery } from '../../sync/live-query.ts';
import { usePendingIds } from '../../sync/use-pending-ids.ts';

/**
 * The forms and the member's own submissions from the device database, live
 * (also offline). Each hook answers undefined while the database opens, and
 * never an answer from a database that has since closed (another member).
 */

/** Every form on the device (the server sends only the published ones whose audience the member is in, and their own drafts if an officer). */
export function useForms(): FormDoc[] | undefined {
  return useLiveQuery((db) => db.forms.find(), docsJson, []);
}

/** One form from the device, live; null when it is not there, undefined while loading. */
export function useFormDoc(id: string): FormDoc | null | undefined {
  return useLiveQuery((db) => db.forms.findOne(id), docJson, [id]);
}

/** The member's submissions (only their own ever reach the device), newest first. */
export function useMySubmissions(): SubmissionDoc[] | undefined {
  return useLiveQuery((db) => db.submissions.find(), (docs) => docsJson(docs).sort((a, b) => b.updatedAt - a.updatedAt), []);
}

export function useSubmissionDoc(id: string | null): SubmissionDoc | null | undefined {
  return useLiveQuery(id === null ? null : (db) => db.submissions.findOne(id), docJson, [id]);
}

/** Ids of the submissions written on this device and not yet acknowledged by the server ("waiting to send"). */
export function usePendingSubmissionIds(): ReadonlySet<string> {
  return usePendingIds('submissions');
}
