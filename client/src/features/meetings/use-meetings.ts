import type { EventDoc } from '@kumiai/shared';
import { docsJson, useLiveQuery } from '../../sync/live-query.ts';
import { usePendingIds } from '../../sync/use-pending-ids.ts';
import { useSession } from '../auth/index.ts';
import { useNow } from '../forms/index.ts';
import { awaitingAnswer, myMeetings, type MyMeeting } from './meetings-logic.ts';

/** The member's meetings on the device with their own rsvp, live (also offline); undefined while the database opens. */
export function useMyMeetings(): MyMeeting[] | undefined {
  const { me } = useSession();
  const memberId = me?.member.id ?? null;
  return useLiveQuery(memberId === null ? null : (db) => db.events.find(), (docs) => myMeetings(docsJson<EventDoc>(docs), memberId ?? ''), [memberId]);
}

/** One meeting and the member's rsvp: null when it is not on the device, undefined while loading. */
export function useMyMeeting(meetingId: string): MyMeeting | null | undefined {
  const list = useMyMeetings();
  return list === undefined ? undefined : (list.find((m) => m.meeting.meetingId === meetingId) ?? null);
}

/** How many meetings wait for the member's answer (手続き's badge, the home's "all done"). */
export function useMeetingsToAnswer(): number | undefined {
  const list = useMyMeetings();
  const now = useNow();
  return list === undefined ? undefined : awaitingAnswer(list, now).length;
}

/** Ids of the rsvps changed on this device and not yet acknowledged by the server ("waiting to send"). */
export function usePendingRsvpIds(): ReadonlySet<string> {
  return usePendingIds('events');
}
