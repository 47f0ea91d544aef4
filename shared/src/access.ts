import type { Actor } from './permissions.ts';
import { inAudience, type Audience } from './sync/notices.ts';

/**
 * A record an office answers for: a notice, a document, a form, an
 * application. Its author (if any), its audience, and whether it has been
 * released to that audience (what the collection's read scope delivers: a
 * published notice, a form that is not a draft, any document, an application
 * once submitted).
 */
export interface OfficedRecord {
  authorId: string | null;
  audience: Audience;
  released: boolean;
}

export type OfficeAccess = 'allowed' | 'forbidden' | 'not_found';

/**
 * The one rule for acting on an audience-bearing record as its office:
 * its author, or an officer whose scope (for the action at hand, `covers`)
 * reaches its whole audience, may. Anyone else is refused without learning
 * more than they hold already: a member who can read the record (it is
 * released and they are in its audience) is told "forbidden"; everyone else,
 * and everyone while the record is a draft or not yet out (a scheduled or
 * expired notice, a draft form), is told "not found", as for no record at all.
 */
export function officeAccess(actor: Actor, record: OfficedRecord, covers: (audience: Audience) => boolean): OfficeAccess {
  if (record.authorId !== null && record.authorId === actor.memberId) return 'allowed';
  if (covers(record.audience)) return 'allowed';
  return record.released && inAudience(actor, record.audience) ? 'forbidden' : 'not_found';
}
