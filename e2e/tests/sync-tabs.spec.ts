import { AppShell } from '../pages/app-shell.ts';
import { MePage } from '../pages/me-page.ts';
import { tamperWithOwnRecord } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

test('two tabs of one member: a change made in either reaches the server, nothing stays waiting; a refusal is listed once in both', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  try {
    // The app is open in the first tab; a second tab of the same member opens.
    const second = await phone.newPage();
    const me2 = new MePage(second);
    await me2.open();
    await expectUpToDate(new AppShell(second));
    await me2.changePhone('070-1111-2222');
    await expect(async () => {
      const officerView = await page.request.get(`${server.url}/api/members/${card.memberId}`);
      expect(JSON.stringify(await officerView.json())).toContain('070-1111-2222');
    }).toPass();
    // Neither tab counts the change as waiting once it is acknowledged (each records only its own writes).
    for (const tab of [memberPage, second]) await expectUpToDate(new AppShell(tab));

    // A change the server refuses, pushed from a database two tabs open at once: one refusal, in both tabs.
    await memberPage.close();
    await tamperWithOwnRecord(second, card.memberId);
    const third = await phone.newPage();
    await Promise.all([me2.open(), new MePage(third).open()]);
    for (const tab of [second, third]) {
      await expect(tab.getByTestId('rejection')).toHaveCount(1);
      await expect(tab.getByTestId('rejection')).toHaveAttribute('data-code', 'forbidden_field');
      await expectUpToDate(new AppShell(tab));
    }
    // Reloading (the refused change pushed again at the next start) still lists it once.
    await third.reload();
    await expect(third.getByTestId('profile-phone')).toBeVisible();
    await expectUpToDate(new AppShell(third));
    for (const tab of [second, third]) await expect(tab.getByTestId('rejection')).toHaveCount(1);
  } finally {
    await phone.close();
  }
});
