import { ActivatePage } from '../pages/activate-page.ts';
import { KioskPage } from '../pages/kiosk-page.ts';
import { startServer } from '../support/server.ts';
import { expect, test } from '../support/fixtures.ts';
import { importCsv, issueCards, phoneContext, setupAdmin, SJIS_ROSTER, UNITS_CSV } from '../support/identity.ts';

test('on a kiosk, a member signs in with a PIN and is signed out by tap and by idle timeout', async ({ browser }) => {
  const server = await startServer({ KUMIAI_KIOSK_IDLE_SECONDS: '2' });
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  try {
    const page = await context.newPage();
    await setupAdmin(page.request, server);
    await importCsv(page.request, server, 'units', UNITS_CSV);
    await importCsv(page.request, server, 'members', SJIS_ROSTER);
    const [card] = await issueCards(page.request, server, ['200001']);

    // Member A activates on their phone, choosing a kiosk PIN.
    const phone = await phoneContext(browser, server);
    const activate = new ActivatePage(await phone.newPage());
    await activate.openCard(card!.url);
    await activate.expectGreeting('髙橋 誠一', '200001');
    await activate.choosePassword('my own quiet phrase', '4821');
    await expect(activate.page.getByTestId('home-member')).toBeVisible();
    await phone.close();

    // The officer turns this browser into 本社分会's kiosk and is signed out of it.
    const kiosk = new KioskPage(page);
    await kiosk.register('本社分会', '休憩室のタブレット');
    await kiosk.expectSignInScreen('本社分会');
    await expect(page.getByTestId('install-button')).toHaveCount(0);

    // A wrong PIN is refused.
    await page.getByTestId('kiosk-employee-number').fill('200001');
    await page.getByTestId('kiosk-pin').fill('0000');
    await page.getByTestId('kiosk-submit').click();
    await expect(page.getByTestId('kiosk-error')).toHaveAttribute('data-code', 'pin_invalid');

    // Signed in with the PIN, then out with one tap.
    await kiosk.signIn('２０００01', '4821');
    await expect(page.getByTestId('home-member')).toContainText('髙橋 誠一');
    await expect(page.getByTestId('kiosk-countdown')).toBeVisible();
    // One pair of words (ログイン / ログアウト), and on every page who is signed in and the countdown.
    await expect(page.getByTestId('kiosk-countdown')).toContainText('自動ログアウト');
    await expect(page.getByRole('button', { name: /^ログアウト/ })).toBeVisible();
    for (const path of ['/', '/me', '/settings']) {
      if (path !== '/') await page.goto(path);
      await expect(page.getByText('髙橋 誠一 さんがログイン中')).toBeVisible();
      await expect(page.getByTestId('kiosk-countdown')).toBeVisible();
      await expect(page.locator('body')).not.toContainText('サインアウト');
      await expect(page.locator('body')).not.toContainText('サインイン');
    }
    await page.getByTestId('kiosk-sign-out').click();
    await kiosk.expectSignInScreen('本社分会');
    expect(await page.evaluate(() => localStorage.getItem('kumiai.me'))).toBeNull();

    // Again, then left alone: the idle timeout signs A out.
    await kiosk.signIn('200001', '4821');
    await kiosk.expectSignInScreen('本社分会');
    expect(await page.evaluate(() => localStorage.getItem('kumiai.me'))).toBeNull();
    const me = await page.request.get(`${server.url}/api/auth/me`);
    expect(me.status()).toBe(401);
  } finally {
    await context.close();
    await server.stop();
  }
});
