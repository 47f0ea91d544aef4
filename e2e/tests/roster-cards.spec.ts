import { ActivatePage } from '../pages/activate-page.ts';
import { CardsPage } from '../pages/cards-page.ts';
import { RosterPage } from '../pages/roster-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { expect, test } from '../support/fixtures.ts';
import { phoneContext, setupAdmin, SJIS_ROSTER, UNITS_CSV } from '../support/identity.ts';

test('an officer imports a Shift_JIS roster and prints cards; a member activates on a phone and signs in', async ({ page, server, browser }) => {
  await setupAdmin(page.request, server);

  // Units first, through the same wizard.
  const wizard = new RosterPage(page);
  await wizard.open();
  await wizard.check('units', UNITS_CSV);
  await expect(page.getByTestId('import-to-create')).toHaveText('3');
  await wizard.apply();

  // The Shift_JIS roster: dry run, report, apply.
  await page.getByTestId('import-restart').click();
  await wizard.check('members', SJIS_ROSTER);
  await expect(wizard.report).toContainText('Shift_JIS');
  await expect(wizard.report).toHaveAttribute('data-problems', '0');
  await expect(page.getByTestId('import-to-create')).toHaveText('3');
  await wizard.apply();
  await expect(page.getByTestId('import-done')).toContainText('3');

  // Cards for everyone not yet signed in, with codes and QR images.
  await page.getByTestId('import-to-cards').click();
  const cards = new CardsPage(page);
  await expect(page.getByTestId('cards-issue')).toBeVisible();
  await cards.issueForDefaultSelection(3);
  await expect(page.getByTestId('login-card-qr')).toHaveCount(3);
  for (const img of await page.getByTestId('login-card-qr').all()) {
    await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml/);
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  await expect(page.getByTestId('login-card-code').first()).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId('cards-print')).toBeVisible();
  // The print stylesheet shows only the sheet.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('cards-print')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  const card = await cards.cardOf('髙橋 誠一');
  expect(card.url).toContain('/activate#code=');

  // The member, on their own phone, opens the card's QR link.
  const phone = await phoneContext(browser, server);
  const memberPage = await phone.newPage();
  const activate = new ActivatePage(memberPage);
  await activate.openCard(card.url);
  await activate.expectGreeting('髙橋 誠一', '200001');
  await expect.poll(() => memberPage.url()).not.toContain('code=');
  await activate.choosePassword('my own quiet phrase');
  await expect(memberPage.getByTestId('home-member')).toContainText('髙橋 誠一');

  // Signed out, they come back with the new password.
  await memberPage.goto('/me');
  await memberPage.getByTestId('sign-out').click();
  await expect(memberPage).toHaveURL(/\/sign-in$/);
  const signIn = new SignInPage(memberPage);
  await signIn.signIn('２０００１', 'wrong password!');
  await expect(memberPage.getByTestId('sign-in-error')).toHaveAttribute('data-code', 'sign_in_failed');
  await signIn.signIn('２００００１', 'my own quiet phrase');
  await signIn.expectSignedIn('髙橋 誠一');

  // The code worked once: the card's link now refuses.
  const again = await phone.newPage();
  await again.goto(card.url);
  await expect(again.getByTestId('activate-error')).toHaveAttribute('data-code', 'activation_code_invalid');
  await phone.close();
});
