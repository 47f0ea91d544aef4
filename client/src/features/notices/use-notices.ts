import type { NoticeDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import type { KumiaiDatabase } from '../../sync/database.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';

interface Seen<T> {
  db: KumiaiDatabase;
  value: T;
}

/** Pinned first, then newest first. */
export function feedOrder(a: NoticeDoc, b: NoticeDoc): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return b.publishAt - a.publishAt;
}

/** The published notices on the device, live, in feed order; undefined while the database opens. */
export function usePublishedNotices(): NoticeDoc[] | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<NoticeDoc[]> | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.notices.find({ selector: { status: 'published' } }).$.subscribe((docs) =>
      setSeen({ db, value: docs.map((d) => d.toJSON() as NoticeDoc).sort(feedOrder) }),
    );
    return () => sub.unsubscribe();
  }, [db]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}

/** Ids of the notices this member has read (their own receipts on the device), live. */
export function useReadIds(): ReadonlySet<string> | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<ReadonlySet<string>> | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.reads.find().$.subscribe((docs) => setSeen({ db, value: new Set(docs.map((d) => d.noticeId)) }));
    return () => sub.unsubscribe();
  }, [db]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}

/** One notice from the device, live; null when it is not there, undefined while loading. */
export function useNotice(id: string): NoticeDoc | null | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen<NoticeDoc | null> | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.notices.findOne(id).$.subscribe((doc) => setSeen({ db, value: doc ? (doc.toJSON() as NoticeDoc) : null }));
    return () => sub.unsubscribe();
  }, [db, id]);
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.value;
}
