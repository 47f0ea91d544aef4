import { audienceRoles, eventDocSchema, type EventDoc } from '@kumiai/shared';
import type { CollectionRegistration, WriteContext, WriteRefusal } from '../../sync/registry.ts';

const bool = (column: string) => `json(CASE WHEN ${column} THEN 'true' ELSE 'false' END)`;

/** The fields of an rsvp only the server sets: a device that changes one is refused, naming it. */
const SERVER_SET = ['kind', 'meetingId', 'memberId', 'delegate', 'present', 'checkinCode', 'remindedAt'] as const;
/** The meeting's own fields, which never belong in an rsvp. */
const MEETING_FIELDS = Object.keys(eventDocSchema.properties).filter((k) => !['id', 'kind', 'meetingId', 'updatedAt', 'memberId', 'answer', 'note', 'proxy', ...SERVER_SET].includes(k));

interface MeetingFacts {
  starts_at: number;
  cancelled: number;
  quorum: string | null;
}

function refuseProxy(ctx: WriteContext, meetingId: string, meeting: MeetingFacts, proxy: EventDoc['proxy']): WriteRefusal | null {
  if (proxy === null || proxy === undefined) return null;
  const rule = meeting.quorum ? (JSON.parse(meeting.quorum) as { proxies: boolean }) : null;
  if (!rule?.proxies) return { code: 'invalid_answer', field: 'proxy', message: 'This meeting takes no proxies' };
  if ('memberId' in proxy) {
    if (proxy.memberId === ctx.actor.memberId) return { code: 'invalid_answer', field: 'proxy', message: 'A proxy names someone else' };
    const invited = ctx.stmt(`SELECT 1 FROM events WHERE id = ? AND kind = 'rsvp' AND withdrawn = 0`).get(`rsvp:${meetingId}:${proxy.memberId}`);
    if (!invited) return { code: 'invalid_answer', field: 'proxy', message: 'A proxy names the chair or another invitee' };
  }
  return null;
}

/**
 * `events` (collection #11): meetings and each invitee's own rsvp, one source
 * table told apart by `kind`. A meeting row reaches its audience and its
 * organiser (`member_id`, like a notice's author); an rsvp row only its member
 * (`member_id`), and is sent as removed while `withdrawn` (its member left the
 * audience). Devices write only their own rsvp's answer, note and proxy.
 */
export const eventsCollection: CollectionRegistration<EventDoc> = {
  name: 'events',
  schema: eventDocSchema,
  source: {
    table: 'events',
    projection: `CASE t.kind WHEN 'meeting' THEN json_object('id', t.id, 'kind', t.kind, 'meetingId', t.meeting_id, 'meetingKind', t.meeting_kind, 'unitId', t.unit_id,
      'title', t.title, 'titleEn', t.title_en, 'description', t.description, 'descriptionEn', t.description_en, 'startsAt', t.starts_at, 'endsAt', t.ends_at,
      'place', t.place, 'placeEn', t.place_en, 'onlineUrl', t.online_url, 'chairId', t.chair_id, 'quorum', json(t.quorum), 'rsvpBy', t.rsvp_by,
      'agenda', json(t.agenda), 'decisions', json(t.decisions), 'minutesDocumentId', t.minutes_document_id, 'cancelled', ${bool('t.cancelled')}, 'updatedAt', t.updated_at)
    ELSE json_object('id', t.id, 'kind', t.kind, 'meetingId', t.meeting_id, 'memberId', t.member_id, 'answer', t.answer, 'note', t.note, 'proxy', json(t.proxy),
      'delegate', ${bool('t.delegate')}, 'present', ${bool('t.present')}, 'checkinCode', t.checkin_code, 'remindedAt', t.reminded_at, 'updatedAt', t.updated_at) END`,
  },
  capture: { member: 'member_id', deleted: 'withdrawn', audience: { column: 'audience', when: { sql: "NEW.kind = 'meeting'", columns: ['kind'] } } },
  readableUnits: () => [],
  // As notices: a member belongs to the audience of every unit on their path.
  audience: { units: (actor) => [...actor.unitPath], roles: (actor) => audienceRoles(actor) },
  readsOwn: (actor) => actor.status !== 'left',
  serverOwned: ['updatedAt'],
  write: {
    check: (ctx, master, doc, deleted) => {
      if (deleted) return { code: 'forbidden', message: 'Meetings and answers are never removed from a device' };
      // The server makes every invitee's rsvp; a device never creates one.
      if (!master) return { code: 'not_found' };
      if (master.kind !== 'rsvp') return { code: 'read_only' };
      if (master.memberId !== ctx.actor.memberId) return { code: 'forbidden' };
      for (const field of SERVER_SET) if (JSON.stringify(doc[field] ?? null) !== JSON.stringify(master[field] ?? null)) return { code: 'forbidden_field', field };
      for (const field of MEETING_FIELDS) if ((doc as Record<string, unknown>)[field] !== undefined) return { code: 'forbidden_field', field };
      const meeting = ctx.stmt(`SELECT starts_at, cancelled, quorum FROM events WHERE id = ? AND kind = 'meeting'`).get(master.meetingId) as MeetingFacts | undefined;
      if (!meeting) return { code: 'not_found' };
      // The server's clock decides: an answer written offline before the start but sent after it is too late.
      if (meeting.cancelled || ctx.now >= meeting.starts_at) return { code: 'closed', message: meeting.cancelled ? 'The meeting was cancelled' : 'The meeting has started' };
      return refuseProxy(ctx, master.meetingId, meeting, doc.proxy) ?? { allow: null };
    },
    apply: (ctx, doc) => {
      ctx
        .stmt(`UPDATE events SET answer = ?, note = ?, proxy = ?, answered_at = ?, updated_at = ? WHERE id = ? AND kind = 'rsvp'`)
        .run(doc.answer ?? 'undecided', doc.note ?? '', doc.proxy ? JSON.stringify(doc.proxy) : null, ctx.now, ctx.now, doc.id);
    },
  },
};
