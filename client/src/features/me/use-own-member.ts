import type { MemberDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import type { RxDocument } from 'rxdb';
import type { KumiaiDatabase } from '../../sync/database.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';

export type OwnMember = RxDocument<MemberDoc>;

interface Seen {
  db: KumiaiDatabase;
  doc: OwnMember | null;
}

/**
 * The member's own record from the device database, live (a pull, a stream
 * event or the member's own write re-renders). `undefined` while the database
 * opens or the first answer is pending; `null` when the record is not on the
 * device yet (the very first pull has not arrived).
 */
export function useOwnMember(memberId: string | null): OwnMember | null | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen | null>(null);
  useEffect(() => {
    if (!db || !memberId) return;
    const sub = db.members.findOne(memberId).$.subscribe((doc) => setSeen({ db, doc }));
    return () => sub.unsubscribe();
  }, [db, memberId]);
  // An answer from a database that has since closed (signed out, another member) is not this one's.
  if (!db || !seen || seen.db !== db) return undefined;
  return seen.doc;
}
