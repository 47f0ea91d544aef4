import type { Browser, Page } from '@playwright/test';
import { ActivatePage } from '../pages/activate-page.ts';
import { AppShell } from '../pages/app-shell.ts';
import { KioskPage } from '../pages/kiosk-page.ts';
import { MePage } from '../pages/me-page.ts';
import { memberDatabaseName, readDeviceData, traces } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { ADMIN, issueCards, originOf, phoneContext } from '../support/identity.ts';
import { startServer } from '../support/server.ts';
import { expectUpToDate, MEMBER_A, unionWithRoster } from '../support/sync.ts';
import type { RunningServer } from '../support/server.ts';

const MEMBER_B = { employeeNumber: '200002', name: '山﨑 ①子', password: 'another quiet phrase', pin: '5937' } as const;

async function activateWithPin(browser: Browser, server: RunningServer, url: string, password: string, pin: string): Promise<void> {
  const phone = await phoneContext(browser, server);
  const activate = new ActivatePage(await phone.newPage());
  await activate.openCard(url);
  await activate.choosePassword(password, pin);
  await expect(activate.page.getByTestId('home-member')).toBeVisible();
  await phone.close();
}

/** The kiosk's idle timeout is 2 s here: someone keeps touching the screen while the test looks around. */
async function keepTouching(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { keepTouching?: number };
    w.keepTouching = window.setInterval(() => window.dispatchEvent(new Event('pointermove')), 300);
  });
}

async function stopTouching(page: Page): Promise<void> {
  await page.evaluate(() => window.clearInterval((window as unknown as { keepTouching?: number }).keepTouching));
}

test('on a kiosk, member A\u2019s data is on the device while signed in, and nothing of A\u2019s is left for member B', async ({ browser }) => {
  const server = await startServer({ KUMIAI_KIOSK_IDLE_SECONDS: '2' });
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  try {
    const page = await context.newPage();
    await unionWithRoster(page, server);
    const [cardA, cardB] = await issueCards(page.request, server, [MEMBER_A.employeeNumber, MEMBER_B.employeeNumber]);
    if (!cardA || !cardB) throw new Error('cards were not issued');
    await activateWithPin(browser, server, cardA.url, MEMBER_A.password, MEMBER_A.pin);
    await activateWithPin(browser, server, cardB.url, MEMBER_B.password, MEMBER_B.pin);
    const aTraces = [cardA.memberId, memberDatabaseName(cardA.memberId), MEMBER_A.employeeNumber, MEMBER_A.name];

    const kiosk = new KioskPage(page);
    const shell = new AppShell(page);
    await kiosk.register('本社分会', '休憩室のタブレット');
    await kiosk.expectSignInScreen('本社分会');

    // A signs in with the PIN; A's record is replicated into A's own database on the device.
    await kiosk.signIn(MEMBER_A.employeeNumber, MEMBER_A.pin);
    await keepTouching(page);
    await expectUpToDate(shell);
    const aDb = memberDatabaseName(cardA.memberId);
    await expect
      .poll(async () => {
        const data = await readDeviceData(page);
        const members = data.indexedDb.find((db) => db.name.startsWith(`rxdb-dexie-${aDb}--`) && db.name.endsWith('--members'));
        return members?.stores.docs?.includes(cardA.memberId) && members.stores.docs.includes(MEMBER_A.name);
      })
      .toBe(true);

    expect(traces(await readDeviceData(page), aTraces)).not.toEqual([]);

    // A changes their phone with no network and taps sign-out: the kiosk says why it cannot, and wipes nothing.
    const me = new MePage(page);
    await me.open();
    await keepTouching(page);
    await context.setOffline(true);
    await me.changePhone('080-2222-3333');
    await page.getByTestId('kiosk-sign-out').click();
    await expect(page.getByTestId('kiosk-blocked')).toBeVisible();
    await expect(page.getByTestId('kiosk-blocked')).toContainText('失われます');
    await page.getByTestId('kiosk-blocked-cancel').click();
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    expect(traces(await readDeviceData(page), aTraces)).not.toEqual([]);
    // The network is back: sign-out waits until the server has the change, then wipes.
    await context.setOffline(false);
    await page.getByTestId('kiosk-sign-out').click();
    await kiosk.expectSignInScreen('本社分会');
    // The server has A's change: the admin (on another device) sees it.
    const office = await browser.newContext({ baseURL: server.url });
    const signIn = await office.request.post('/api/auth/sign-in', { headers: originOf(server), data: { employeeNumber: ADMIN.employeeNumber, password: ADMIN.password } });
    expect(signIn.ok()).toBe(true);
    const aOnServer = await office.request.get(`/api/members/${cardA.memberId}`);
    expect(JSON.stringify(await aOnServer.json())).toContain('080-2222-3333');
    await office.close();

    // A again: another change with no network, and A walks away from the tablet. The idle timeout
    // signs A out anyway (no dialog left for the next person to answer "stay") and wipes the change
    // with everything else of A's; the session A could not end offline is ended before B signs in.
    await kiosk.signIn(MEMBER_A.employeeNumber, MEMBER_A.pin);
    await keepTouching(page);
    await expectUpToDate(shell);
    await me.open();
    await keepTouching(page);
    await context.setOffline(true);
    await me.changePhone('080-4444-5555');
    await expect(shell.syncStatus).toHaveAttribute('data-pending', /^[1-9]/);
    await stopTouching(page);
    await expect(page).toHaveURL(/\/kiosk$/);
    await expect(page.getByTestId('kiosk-sign-out')).toHaveCount(0);
    await expect(page.getByTestId('kiosk-blocked')).toHaveCount(0);
    // Offline the kiosk cannot ask the server which kiosk it is; with the network back it is ready.
    await context.setOffline(false);
    await page.reload();
    await kiosk.expectSignInScreen('本社分会');
    aTraces.push('080-4444-5555');

    // B signs in: nothing of A's is anywhere on the device.
    await kiosk.signIn(MEMBER_B.employeeNumber, MEMBER_B.pin);
    await keepTouching(page);
    await expectUpToDate(shell);
    await expect(page.getByTestId('home-member')).toContainText(MEMBER_B.name);
    await expect.poll(async () => (await readDeviceData(page)).indexedDb.some((db) => db.name.includes(memberDatabaseName(cardB.memberId)))).toBe(true);
    const data = await readDeviceData(page);
    expect(traces(data, aTraces)).toEqual([]);
    expect(data.indexedDb.map((db) => db.name).filter((name) => name.includes('kumiai-m-'))).not.toHaveLength(0);
  } finally {
    await context.close();
    await server.stop();
  }
});
