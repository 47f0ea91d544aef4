import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { EventDoc } from '@kumiai/shared';
import { issueCards, originOf, phoneContext } from './identity.ts';
import type { RunningServer } from './server.ts';

/**
 * Issue 19: members whose answers the member screens (another module) would send, made here
 * through the sync protocol from a browser signed in as them: the `events` collection over
 * the app's own WebSocket (/api/sync, the session cookie), as their device would.
 */

export interface SyncedMember {
  context: BrowserContext;
  page: Page;
  memberId: string;
}

/** A roster member signed in on a phone-sized context of their own (card activated through the API), on a page of the server's origin. */
export async function memberSignedIn(browser: Browser, admin: Page, server: RunningServer, person: { employeeNumber: string; password: string }): Promise<SyncedMember> {
  const [card] = await issueCards(admin.request, server, [person.employeeNumber]);
  if (!card) throw new Error('no card issued');
  const context = await phoneContext(browser, server);
  const res = await context.request.post(`${server.url}/api/auth/activate`, { headers: originOf(server), data: { code: card.code, password: person.password } });
  if (!res.ok()) throw new Error(`activation failed: ${res.status()} ${await res.text()}`);
  const page = await context.newPage();
  await page.goto('/healthz');
  return { context, page, memberId: card.memberId };
}

type Reply = { result?: { documents?: EventDoc[] }; rejected?: { id: string; code: string }[]; error?: { code: string } };

/** One request over a fresh sync socket from the member's page (the cookie authenticates it). */
async function syncRequest(page: Page, method: string, params: unknown): Promise<Reply> {
  return page.evaluate(
    ({ method, params }) =>
      new Promise<Reply>((resolve, reject) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/sync`);
        const timer = setTimeout(() => reject(new Error('no answer from /api/sync')), 10_000);
        ws.onopen = () => ws.send(JSON.stringify({ id: 'q', collection: 'events', method, params }));
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as Reply & { id: string };
          if (message.id !== 'q') return;
          clearTimeout(timer);
          ws.close();
          resolve(message);
        };
        ws.onerror = () => reject(new Error('sync socket failed'));
      }),
    { method, params },
  );
}

/** The member's own rsvp for the meeting, as their device receives it. */
export async function ownRsvp(member: SyncedMember, meetingId: string): Promise<EventDoc> {
  const reply = await syncRequest(member.page, 'masterChangesSince', [null, 500]);
  const doc = reply.result?.documents?.find((d) => d.id === `rsvp:${meetingId}:${member.memberId}`);
  if (!doc) throw new Error(`no rsvp for ${member.memberId}: ${JSON.stringify(reply).slice(0, 300)}`);
  return doc;
}

/** The member answers (and perhaps gives a proxy) from their device; fails on any refusal. */
export async function answer(member: SyncedMember, meetingId: string, change: Pick<EventDoc, 'answer'> & Partial<Pick<EventDoc, 'proxy' | 'note'>>): Promise<EventDoc> {
  const own = await ownRsvp(member, meetingId);
  const reply = await syncRequest(member.page, 'masterWrite', [[{ assumedMasterState: own, newDocumentState: { ...own, ...change } }]]);
  if (reply.error || (reply.rejected ?? []).length > 0) throw new Error(`rsvp refused: ${JSON.stringify(reply)}`);
  return ownRsvp(member, meetingId);
}
