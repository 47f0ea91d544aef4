import type { CDPSession, Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { KioskPage } from '../pages/kiosk-page.ts';
import { NoticesPage } from '../pages/notices-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { originOf } from '../support/identity.ts';
import type { RunningServer } from '../support/server.ts';
import { MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  icon: string;
  data: { url?: string; noticeId?: string; type?: string } | null;
}

/** The notifications the app's service worker is showing, read through its registration. */
async function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const list = await registration.getNotifications();
    return list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, icon: n.icon, data: n.data as ShownNotification['data'] }));
  });
}

/** What DevTools reported about the service worker during a test (its versions' states, its errors); attached when the test fails. */
let workerEvents: string[] = [];
test.beforeEach(() => {
  workerEvents = [];
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook needs from this pattern; this one needs none
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus && workerEvents.length > 0) await testInfo.attach('service-worker-events', { body: workerEvents.join('\n'), contentType: 'text/plain' });
});

/** The id of the app's service worker registration, as DevTools knows it; what DevTools says of the worker is kept in `workerEvents`. */
async function registrationId(cdp: CDPSession, server: RunningServer): Promise<string> {
  const at = () => new Date().toISOString().slice(11, 23);
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) workerEvents.push(`${at()} version ${v.versionId} of registration ${v.registrationId}: ${v.status}, ${v.runningStatus}, controls ${v.controlledClients?.length ?? 0}`);
  });
  cdp.on('ServiceWorker.workerErrorReported', (event) => workerEvents.push(`${at()} error: ${JSON.stringify(event.errorMessage)}`));
  const registrations = new Map<string, { scopeURL: string; isDeleted: boolean }>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
    for (const r of event.registrations) registrations.set(r.registrationId, r);
  });
  await cdp.send('ServiceWorker.enable');
  let found: string | undefined;
  await expect
    .poll(() => {
      found = [...registrations].find(([, r]) => r.scopeURL === `${server.url}/` && !r.isDeleted)?.[0];
      return found;
    })
    .toBeTruthy();
  return found ?? '';
}

/**
 * Chromium subscribes through Google's push service (FCM), which cannot be reached here, so the
 * browser's PushManager is replaced by one that hands out a local subscription (a real P-256 key,
 * an https endpoint) and keeps it in sessionStorage across reloads. Everything else is real:
 * permission, the app's code, the server's checks, and the service worker that receives the push.
 */
async function stubPushService(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const KEY = 'e2e.push-subscription';
    type Stored = { endpoint: string; p256dh: string; auth: string; key: number[] };
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const make = (stored: Stored) => ({
      endpoint: stored.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: new Uint8Array(stored.key).buffer },
      toJSON: () => ({ endpoint: stored.endpoint, expirationTime: null, keys: { p256dh: stored.p256dh, auth: stored.auth } }),
      unsubscribe: async () => {
        sessionStorage.removeItem(KEY);
        return true;
      },
    });
    const load = () => {
      const raw = sessionStorage.getItem(KEY);
      return raw ? make(JSON.parse(raw) as Stored) : null;
    };
    PushManager.prototype.getSubscription = async function () {
      return load() as unknown as PushSubscription | null;
    };
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      if (Notification.permission !== 'granted') throw new DOMException('permission denied', 'NotAllowedError');
      const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
      const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
      const key = options?.applicationServerKey;
      const keyBytes = key instanceof ArrayBuffer ? new Uint8Array(key) : ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : new Uint8Array();
      const stored: Stored = {
        endpoint: `https://push.invalid/send/${crypto.randomUUID()}`,
        p256dh: b64(raw),
        auth: b64(crypto.getRandomValues(new Uint8Array(16))),
        key: [...keyBytes],
      };
      sessionStorage.setItem(KEY, JSON.stringify(stored));
      return make(stored) as unknown as PushSubscription;
    };
  });
}

async function publishToAll(page: Page, server: RunningServer, title: string): Promise<string> {
  const created = await page.request.post(`${server.url}/api/notices`, {
    headers: originOf(server),
    data: { title, body: '組合からのお知らせです。', category: '全般', pinned: false, audience: { all: true, units: [], roles: [], members: [] } },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test('a member opts in on /me; a pushed notice shows a notification that opens the notice; opting out unsubscribes; axe at 390 px and 200%', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    await phone.grantPermissions(['notifications'], { origin: server.url });
    await stubPushService(memberPage);
    const shell = new AppShell(memberPage);
    await shell.waitForServiceWorker();

    // Opt in: the switch asks the browser, subscribes with the server's key and registers the subscription.
    await memberPage.goto('/me');
    const toggle = memberPage.getByRole('switch', { name: '通知を受け取る' });
    const status = memberPage.getByTestId('push-status');
    await expect(status).toHaveAttribute('data-status', 'off');
    await expect(toggle).not.toBeChecked();
    const posted = memberPage.waitForResponse((r) => r.url().endsWith('/api/push/subscriptions') && r.request().method() === 'POST');
    await toggle.click();
    expect((await posted).status()).toBe(204);
    await expect(status).toHaveAttribute('data-status', 'on');
    await expect(toggle).toBeChecked();
    const endpoint = await memberPage.evaluate(async () => (await (await navigator.serviceWorker.ready).pushManager.getSubscription())?.endpoint ?? null);
    expect(endpoint).toMatch(/^https:\/\/push\.invalid\//);

    // The state survives a reload (read from the browser's subscription).
    await memberPage.reload();
    await expect(status).toHaveAttribute('data-status', 'on');
    await expect(toggle).toBeChecked();

    // The admin publishes a notice; its push message is delivered to the service worker through DevTools.
    const noticeId = await publishToAll(page, server, '臨時大会のお知らせ');
    const cdp = await phone.newCDPSession(memberPage);
    const id = await registrationId(cdp, server);
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: server.url,
      registrationId: id,
      data: JSON.stringify({ type: 'notice', noticeId, title: '臨時大会のお知らせ', url: `/notices/${noticeId}` }),
    });
    workerEvents.push(`${new Date().toISOString().slice(11, 23)} push delivered to registration ${id}`);
    await expect.poll(async () => (await shownNotifications(memberPage)).length).toBe(1);
    const [shown] = await shownNotifications(memberPage);
    expect(shown).toMatchObject({ title: '臨時大会のお知らせ', body: '新しいお知らせ', tag: noticeId, data: { url: `/notices/${noticeId}`, noticeId } });
    expect(shown?.icon).toBe(`${server.url}/icons/icon-192.png`);

    // A reminder for the same notice replaces it (same tag) and says it is unread.
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: server.url,
      registrationId: id,
      data: JSON.stringify({ type: 'reminder', noticeId, title: '臨時大会のお知らせ', url: `/notices/${noticeId}` }),
    });
    await expect.poll(async () => (await shownNotifications(memberPage)).map((n) => n.body)).toEqual(['未読のお知らせがあります']);

    // Tapping opens data.url (Chromium's DevTools cannot click a notification; the click handler's
    // focus / navigate / same-origin logic is covered by client/src/features/push/push-sw.test.ts): that address shows the notice.
    await memberPage.goto(shown?.data?.url ?? '/');
    await expect(new NoticesPage(memberPage).view).toContainText('組合からのお知らせです。');

    // Accessible at 390 px and 200% with the opt-in on.
    await shell.setFontScale(200);
    await memberPage.goto('/me');
    await expect(status).toHaveAttribute('data-status', 'on');
    await expect(memberPage.getByRole('heading', { level: 1 })).toHaveCount(1);
    expect(await seriousViolations(memberPage)).toEqual([]);
    const overflow = await memberPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Opting out unsubscribes in the browser and tells the server.
    const deleted = memberPage.waitForResponse((r) => r.url().endsWith('/api/push/subscriptions') && r.request().method() === 'DELETE');
    await toggle.click();
    expect((await deleted).status()).toBe(204);
    await expect(status).toHaveAttribute('data-status', 'off');
    expect(await memberPage.evaluate(async () => (await (await navigator.serviceWorker.ready).pushManager.getSubscription()) === null)).toBe(true);
  } finally {
    await phone.close();
  }
});

test('notifications blocked by the browser are explained, and a kiosk never offers push', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage } = await memberOnPhone(browser, page, server, MEMBER_A.pin);
  try {
    // Blocked: Playwright's contexts deny notifications unless granted, which the browser reports as "denied".
    const shell = new AppShell(memberPage);
    await shell.waitForServiceWorker();
    await memberPage.goto('/me');
    const state = await memberPage.evaluate(() => Notification.permission);
    if (state === 'denied') {
      await expect(memberPage.getByTestId('push-status')).toHaveAttribute('data-status', 'blocked');
      await expect(memberPage.getByRole('switch', { name: '通知を受け取る' })).toHaveCount(0);
    }

    // The admin's browser becomes 本社分会's kiosk; the member signs in there with the PIN.
    const kiosk = new KioskPage(page);
    await kiosk.register('本社分会', '休憩室のタブレット');
    await kiosk.expectSignInScreen('本社分会');
    await kiosk.signIn(MEMBER_A.employeeNumber, MEMBER_A.pin);
    await expect(page.getByTestId('home-member')).toContainText(MEMBER_A.name);
    await page.goto('/me');
    await expect(page.getByTestId('push-status')).toHaveAttribute('data-status', 'kiosk');
    await expect(page.getByTestId('push-toggle')).toHaveCount(0);
    // And the server refuses a kiosk session's subscription all the same.
    const refused = await page.request.post(`${server.url}/api/push/subscriptions`, {
      headers: originOf(server),
      data: { endpoint: 'https://push.example/abc', keys: { p256dh: `BA${'A'.repeat(85)}`, auth: 'A'.repeat(22) } },
    });
    expect(refused.status()).toBe(403);
  } finally {
    await phone.close();
  }
});
