import { canPublishTo, type Actor, type NoticeDoc } from '@kumiai/shared';
import { pathsOf, useUnitDocs } from '../../ui/use-publish-scope.ts';

/**
 * Whether this member may edit a notice and see its history: its author, or an
 * officer who may publish to its whole audience (the server's rule). Named
 * members cannot be placed in units on the device, so such audiences are left
 * to the author (the server decides in the end).
 */
export function useMayEditNotice(actor: Actor | null, notice: NoticeDoc | null | undefined): boolean {
  const docs = useUnitDocs();
  if (!actor || !notice) return false;
  if (notice.authorId === actor.memberId) return true;
  return canPublishTo(actor, notice.audience, pathsOf(docs), () => null);
}
