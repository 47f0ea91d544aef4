import { AppShell } from '../pages/app-shell.ts';
import { MePage } from '../pages/me-page.ts';
import { expect, test } from '../support/fixtures.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

test('a sign-out made offline forgets the member at once and ends the session on the server once the phone is back online', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const me = new MePage(memberPage);
    await me.open();
    await expectUpToDate(new AppShell(memberPage));
    await phone.setOffline(true);
    await memberPage.getByTestId('sign-out').click();
    await expect(memberPage).toHaveURL(/\/sign-in/);
    // While offline the cookie still works on the server: the session is not ended yet.
    expect((await memberPage.request.get(`${server.url}/api/auth/me`)).status()).toBe(200);

    await phone.setOffline(false);
    await expect.poll(async () => (await memberPage.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
    // Opening the app again does not bring the member back.
    await memberPage.goto('/');
    await expect(memberPage).toHaveURL(/\/sign-in|\/welcome|\/$/);
    await expect(memberPage.getByTestId('home-member')).toHaveCount(0);
  } finally {
    await phone.close();
  }
});
