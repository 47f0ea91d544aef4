import type { FormDoc, SubmissionDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import type { KumiaiDatabase } from '../../sync/database.ts';
import { useSyncDatabase, useSyncEngine } from '../../sync/SyncProvider.tsx';

/**
 * The forms and the member's own submissions from the device database, live
 * (also offline). Each hook answers undefined while the database opens, and
 * never an answer from a database that has since closed (another member).
 */

interface Seen<T> {
  db: KumiaiDatabase;
  value: T;
}

function useLive<T>(query: ((db: KumiaiDatabase, set: (value: T) => void) => () => void) | null, deps: readonly unknown[]): T | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<T> | null>(null);
  useEffect(() => {
    if (!db || !query) return;
    return query(db, (value) => setSeen({ db, value }));
    // The query is rebuilt from deps on each render; db and deps decide when to resubscribe.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, ...deps]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}

/** Every form on the device (the server sends only the published ones whose audience the member is in, and their own drafts if an officer). */
export function useForms(): FormDoc[] | undefined {
  return useLive<FormDoc[]>((db, set) => {
    const sub = db.forms.find().$.subscribe((docs) => set(docs.map((d) => d.toJSON() as FormDoc)));
    return () => sub.unsubscribe();
  }, []);
}

export function useFormDoc(id: string): FormDoc | null | undefined {
  return useLive<FormDoc | null>((db, set) => {
    const sub = db.forms.findOne(id).$.subscribe((doc) => set(doc ? (doc.toJSON() as FormDoc) : null));
    return () => sub.unsubscribe();
  }, [id]);
}

/** The member's submissions (only their own ever reach the device), newest first. */
export function useMySubmissions(): SubmissionDoc[] | undefined {
  return useLive<SubmissionDoc[]>((db, set) => {
    const sub = db.submissions.find().$.subscribe((docs) => set(docs.map((d) => d.toJSON() as SubmissionDoc).sort((a, b) => b.updatedAt - a.updatedAt)));
    return () => sub.unsubscribe();
  }, []);
}

export function useSubmissionDoc(id: string | null): SubmissionDoc | null | undefined {
  return useLive<SubmissionDoc | null>(
    id === null
      ? null
      : (db, set) => {
          const sub = db.submissions.findOne(id).$.subscribe((doc) => set(doc ? (doc.toJSON() as SubmissionDoc) : null));
          return () => sub.unsubscribe();
        },
    [id],
  );
}

const none: ReadonlySet<string> = new Set();

/** Ids of the submissions written on this device and not yet acknowledged by the server ("waiting to send"). */
export function usePendingSubmissionIds(): ReadonlySet<string> {
  const pending = useSyncEngine().engine?.database.pending ?? null;
  const [ids, setIds] = useState<ReadonlySet<string>>(none);
  useEffect(() => {
    if (!pending) return;
    const read = (): ReadonlySet<string> => new Set(pending.entries.filter((e) => e.collection === 'submissions').map((e) => e.id));
    // The store publishes its count; an entry is added or removed whenever the count changes.
    const sub = pending.count$.subscribe(() => setIds(read()));
    return () => sub.unsubscribe();
  }, [pending]);
  return pending ? ids : none;
}
