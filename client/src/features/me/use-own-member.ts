import type { MemberDoc } from '@kumiai/shared';
import type { RxDocument } from 'rxdb';
import { useLiveQuery } from '../../sync/live-query.ts';

export type OwnMember = RxDocument<MemberDoc>;

/**
 * The member's own record from the device database, live (a pull, a stream
 * event or the member's own write re-renders). `undefined` while the database
 * opens or the first answer is pending; `null` when the record is not on the
 * device yet (the very first pull has not arrived).
 */
export function useOwnMember(memberId: string | null): OwnMember | null | undefined {
  return useLiveQuery(memberId === null ? null : (db) => db.members.findOne(memberId), (doc) => doc, [memberId]);
}
