import type { DuesDoc } from '@kumiai/shared';
import { docsJson, useLiveQuery } from '../../sync/live-query.ts';

/** One member's dues records on the device (their own, or for a treasurer any member's in their units), live; undefined while loading. */
export function useMemberDues(memberId: string | null): DuesDoc[] | undefined {
  return useLiveQuery(memberId === null ? null : (db) => db.dues.find({ selector: { memberId } }), docsJson, [memberId]);
}
