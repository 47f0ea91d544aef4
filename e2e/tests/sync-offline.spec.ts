import { AppShell } from '../pages/app-shell.ts';
import { MePage } from '../pages/me-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { memberDatabaseName } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { originOf } from '../support/identity.ts';
import { expectUpToDate, MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

const NEW_PHONE = '090-1234-5678';

test('a change made offline survives a reload as "1 waiting" and reaches the server when the network is back', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    const me = new MePage(memberPage);
    await shell.waitForServiceWorker();
    // The record came down over the sync socket: the form reads it from the device database.
    await me.open();
    await expectUpToDate(shell);

    // The network goes away.
    await phone.setOffline(true);
    await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
    await me.changePhone(NEW_PHONE);
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    await expect(me.pendingNote).toBeVisible();

    // Still offline, the app reloads from the service worker and the device database.
    await memberPage.reload();
    await expect(me.phone).toHaveValue(NEW_PHONE);
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
    await expect(shell.syncStatus).toContainText('送信待ち 1件');
    await expect(me.pendingNote).toBeVisible();

    // The network is back: the waiting change is sent and acknowledged.
    await phone.setOffline(false);
    await expectUpToDate(shell);
    await expect(shell.syncStatus).toContainText('送信待ち 0件');
    await expect(me.pendingNote).toHaveCount(0);

    // The server has it: the officer sees it, and so does the member's own session.
    const officerView = await page.request.get(`${server.url}/api/members/${card.memberId}`);
    expect(officerView.ok()).toBe(true);
    expect(JSON.stringify(await officerView.json())).toContain(NEW_PHONE);
    const own = await memberPage.request.get(`${server.url}/api/auth/me`);
    expect(((await own.json()) as { member: { phone: string | null } }).member.phone).toBe(NEW_PHONE);
  } finally {
    await phone.close();
  }
});

test('a session ended while offline keeps the waiting change until the member signs in again; sign-out with a waiting change warns first', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    const me = new MePage(memberPage);
    await shell.waitForServiceWorker();
    await me.open();
    await expectUpToDate(shell);

    // Offline, a change; meanwhile an officer ends the member's sessions.
    await phone.setOffline(true);
    await me.changePhone('03-9876-5432');
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    const ended = await page.request.post(`${server.url}/api/members/${card.memberId}/end-sessions`, { headers: originOf(server) });
    expect(ended.ok()).toBe(true);

    // Back online: the app says to sign in again and keeps the change.
    await phone.setOffline(false);
    await expect(memberPage.getByTestId('session-ended')).toBeVisible({ timeout: 15_000 });
    await expect(memberPage).toHaveURL(/\/sign-in$/);
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    const signIn = new SignInPage(memberPage);
    await signIn.signIn(MEMBER_A.employeeNumber, MEMBER_A.password);
    await signIn.expectSignedIn(MEMBER_A.name);
    await expectUpToDate(shell);
    await expect(memberPage.getByTestId('session-ended')).toHaveCount(0);
    const own = await memberPage.request.get(`${server.url}/api/auth/me`);
    expect(((await own.json()) as { member: { phone: string | null } }).member.phone).toBe('03-9876-5432');

    // Signing out with a change still waiting: warned first; cancel keeps everything.
    await me.open();
    await phone.setOffline(true);
    await me.changePhone('03-0000-0000');
    await memberPage.getByTestId('sign-out').click();
    const confirm = memberPage.getByTestId('sign-out-confirm');
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText('失われます');
    // A real modal (react-aria): an alert dialog named by its title, the safe choice focused, focus kept inside, Escape cancels.
    await expect(memberPage.getByRole('alertdialog')).toHaveAccessibleName(/./);
    expect(await seriousViolations(memberPage), 'the confirm dialog').toEqual([]);
    await expect(memberPage.getByTestId('sign-out-confirm-cancel')).toBeFocused();
    await memberPage.keyboard.press('Tab');
    await memberPage.keyboard.press('Tab');
    await expect(memberPage.getByTestId('sign-out-confirm-cancel')).toBeFocused();
    await memberPage.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await memberPage.getByTestId('sign-out').click();
    await memberPage.getByTestId('sign-out-confirm-cancel').click();
    await expect(confirm).toHaveCount(0);
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    // Signing out anyway removes the member's database from the device.
    await memberPage.getByTestId('sign-out').click();
    await memberPage.getByTestId('sign-out-confirm-confirm').click();
    await expect(memberPage).toHaveURL(/\/sign-in$/);
    const names = await memberPage.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
    expect(names.filter((name) => name.includes(memberDatabaseName(card.memberId)))).toEqual([]);
    expect(await memberPage.evaluate(() => localStorage.getItem('kumiai.me'))).toBeNull();
  } finally {
    await phone.close();
  }
});
