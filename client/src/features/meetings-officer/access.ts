import { scopeRoots, type Me } from '@kumiai/shared';
import { actorOf } from '../auth/index.ts';

/** The units where this member may run meetings (meeting.manage: officers and admins), none for everyone else. */
export function meetingRoots(me: Me | null): string[] {
  return me ? scopeRoots(actorOf(me), 'meeting.manage') : [];
}

export const mayRunMeetings = (me: Me | null): boolean => meetingRoots(me).length > 0;
