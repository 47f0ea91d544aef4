import type { DocumentDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import type { KumiaiDatabase } from '../../sync/database.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';

interface Seen<T> {
  db: KumiaiDatabase;
  value: T;
}

/** Folders in their order (then by name); documents newest first. */
export function libraryOrder(a: DocumentDoc, b: DocumentDoc): number {
  if (a.kind === 'folder' && b.kind === 'folder') return a.sort - b.sort || a.title.localeCompare(b.title, 'ja');
  return b.updatedAt - a.updatedAt;
}

/** Every folder and document on the device, live, in library order; undefined while the database opens. */
export function useLibrary(): DocumentDoc[] | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<DocumentDoc[]> | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.documents.find().$.subscribe((docs) => setSeen({ db, value: docs.map((d) => d.toJSON() as DocumentDoc).sort(libraryOrder) }));
    return () => sub.unsubscribe();
  }, [db]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}

/** One document from the device, live; null when it is not there, undefined while loading. */
export function useLibraryDocument(id: string): DocumentDoc | null | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<DocumentDoc | null> | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.documents.findOne(id).$.subscribe((doc) => setSeen({ db, value: doc ? (doc.toJSON() as DocumentDoc) : null }));
    return () => sub.unsubscribe();
  }, [db, id]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}
