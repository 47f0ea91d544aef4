import type { FormDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import type { KumiaiDatabase } from '../../sync/database.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';

interface Seen<T> {
  db: KumiaiDatabase;
  value: T;
}

/** One form from the device, live; null when it is not there, undefined while loading. */
export function useFormDoc(id: string): FormDoc | null | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<FormDoc | null> | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.forms.findOne(id).$.subscribe((doc) => setSeen({ db, value: doc ? (doc.toJSON() as FormDoc) : null }));
    return () => sub.unsubscribe();
  }, [db, id]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}

/** Every form on the device (its author gets drafts too), newest change first; undefined while loading. */
export function useFormDocs(): FormDoc[] | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<FormDoc[]> | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.forms.find().$.subscribe((docs) => setSeen({ db, value: docs.map((d) => d.toJSON() as FormDoc).sort((a, b) => b.updatedAt - a.updatedAt) }));
    return () => sub.unsubscribe();
  }, [db]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}
