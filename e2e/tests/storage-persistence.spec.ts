import type { BrowserContext } from '@playwright/test';
import { ActivatePage } from '../pages/activate-page.ts';
import { KioskPage } from '../pages/kiosk-page.ts';
import { expect, test } from '../support/fixtures.ts';
import { importCsv, issueCards, phoneContext, setupAdmin, SJIS_ROSTER, UNITS_CSV } from '../support/identity.ts';

/** Records each call of navigator.storage.persist() in the context's pages (and still asks the browser). */
async function countPersistCalls(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const storage = navigator.storage;
    const persist = storage.persist.bind(storage);
    const w = window as unknown as { persistCalls: number };
    w.persistCalls = 0;
    storage.persist = () => {
      w.persistCalls += 1;
      return persist();
    };
  });
}

test('a personal phone asks the browser to keep its data and says on マイページ what it answered; a kiosk never asks', async ({ page, server, browser }) => {
  // This browser (the officer's) becomes the kiosk below.
  await countPersistCalls(page.context());
  await setupAdmin(page.request, server);
  await importCsv(page.request, server, 'units', UNITS_CSV);
  await importCsv(page.request, server, 'members', SJIS_ROSTER);
  const [card] = await issueCards(page.request, server, ['200001']);

  const phone = await phoneContext(browser, server);
  await countPersistCalls(phone);
  try {
    const memberPage = await phone.newPage();
    const activate = new ActivatePage(memberPage);
    await activate.openCard(card!.url);
    await activate.choosePassword('my own quiet phrase', '4821');
    await expect(memberPage.getByTestId('home-member')).toBeVisible();
    await memberPage.goto('/me');
    const fact = memberPage.getByTestId('me-storage');
    // Headless Chromium may grant or refuse; either way the page says which, in words.
    await expect(fact).toHaveAttribute('data-persistence', /^(persisted|best-effort)$/);
    const granted = (await fact.getAttribute('data-persistence')) === 'persisted';
    await expect(fact).toContainText(granted ? '保持されます' : '消すことがあります');
    expect(await memberPage.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBeGreaterThanOrEqual(1);
  } finally {
    await phone.close();
  }

  const kiosk = new KioskPage(page);
  await kiosk.register('本社分会', '休憩室のタブレット');
  await kiosk.signIn('200001', '4821');
  await expect(page.getByTestId('home-member')).toContainText('髙橋 誠一');
  await page.goto('/me');
  await expect(page.getByTestId('me-name')).toHaveText('髙橋 誠一');
  await expect(page.getByTestId('me-storage')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(0);
});
