import { scopeRoots, type Me } from '@kumiai/shared';
import { actorOf } from '../auth/index.ts';

/** The units where this member is on the election commission (holds election_commissioner), none for everyone else — admins included. */
export function commissionRoots(me: Me | null): string[] {
  return me ? scopeRoots(actorOf(me), 'election.manage') : [];
}

export const isCommission = (me: Me | null): boolean => commissionRoots(me).length > 0;
