import { rsvpAnswers, type ResponsesPage } from '@kumiai/shared';
import { readStored, writeStored } from '../../lib/storage.ts';
import { memberLocalKey } from '../../sync/session-data.ts';
import { fetchResponses } from './officer-api.ts';

/** The invitees of a meeting, for ticking names at the door: every page of every answer, kept on the device to work offline. */

export interface Invitee {
  memberId: string;
  name: string;
  unitId: string;
  /** Checked in when the list was loaded (from any device). */
  present?: boolean;
}

/** Under the officer's own keys: removed with their data at sign-out. */
export const inviteesKey = (officerId: string, meetingId: string): string => memberLocalKey(officerId, `meetingInvitees.${meetingId}`);

/** Everyone invited (those who answered each way, then those who have not), by name. */
export async function loadInvitees(meetingId: string, signal?: AbortSignal): Promise<Invitee[]> {
  const all = new Map<string, Invitee>();
  for (const answer of [...rsvpAnswers, null]) {
    let cursor: string | null = null;
    do {
      const page: ResponsesPage = await fetchResponses(meetingId, cursor, answer, signal);
      for (const x of page.members) all.set(x.memberId, { memberId: x.memberId, name: x.name, unitId: x.unitId, present: x.present });
      cursor = page.next;
    } while (cursor);
  }
  return [...all.values()].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

export function storedInvitees(officerId: string, meetingId: string): Invitee[] {
  try {
    const value: unknown = JSON.parse(readStored(inviteesKey(officerId, meetingId)) ?? '[]');
    return Array.isArray(value) ? (value as Invitee[]) : [];
  } catch {
    return [];
  }
}

export const storeInvitees = (officerId: string, meetingId: string, invitees: readonly Invitee[]): void => writeStored(inviteesKey(officerId, meetingId), JSON.stringify(invitees));

function fromBase64Url(text: string): string | null {
  try {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * What an attendance QR (`KM1.<meeting>.<member>.<HMAC>`, base64url parts) names, read on the device
 * to say whom it scanned and to set aside another meeting's code. The server checks the HMAC; this does not.
 */
export function readCheckinCode(text: string): { meetingId: string; memberId: string } | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts[0] !== 'KM1') return null;
  const meetingId = fromBase64Url(parts[1] ?? '');
  const memberId = fromBase64Url(parts[2] ?? '');
  return meetingId && memberId ? { meetingId, memberId } : null;
}
