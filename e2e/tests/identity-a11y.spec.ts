import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { RosterPage } from '../pages/roster-page.ts';
import { KioskPage } from '../pages/kiosk-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { importCsv, setupAdmin, SJIS_ROSTER, UNITS_CSV } from '../support/identity.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /読み込み中|Loading/ })).toHaveCount(0);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

for (const fontScale of [100, 200]) {
  test(`axe: identity screens at 390 px and ${fontScale}% text have no serious or critical violations`, async ({ page, server }) => {
    test.setTimeout(120_000);
    const shell = new AppShell(page);
    await shell.setFontScale(fontScale);

    await page.goto('/sign-in');
    await expectAccessible(page, 'sign-in');
    await page.goto('/activate');
    await expect(page.getByTestId('activate-code')).toBeVisible();
    await expectAccessible(page, 'activate');

    await setupAdmin(page.request, server);
    await importCsv(page.request, server, 'units', UNITS_CSV);
    for (const path of ['/me', '/members', '/units', '/audit', '/members/cards']) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    await page.goto('/members');
    await expect(page.getByTestId('members-list')).toBeVisible();

    // The import wizard with a report that lists problems, warnings and the members missing from the file.
    const wizard = new RosterPage(page);
    await wizard.open();
    await wizard.check('members', SJIS_ROSTER);
    await expectAccessible(page, 'import report');
    await importCsv(page.request, server, 'members', SJIS_ROSTER);
    await wizard.open();
    await wizard.check('members', `${import.meta.dirname}/../../server/test/fixtures/roster/members-bad-rows.csv`);
    await expect(page.getByTestId('import-problems')).toBeVisible();
    await expectAccessible(page, 'import report with problems');

    await page.goto('/members');
    await page.getByTestId('member-row').filter({ hasText: '髙橋' }).click();
    await expect(page.getByTestId('member-employee-number')).toHaveText('200001');
    await expectAccessible(page, 'member detail');
    await page.getByTestId('member-issue-card').click();
    await expect(page.getByTestId('login-card-qr')).toBeVisible();
    await expectAccessible(page, 'member detail with a card');

    const kiosk = new KioskPage(page);
    await kiosk.register('本社分会', 'a11y tablet');
    await kiosk.expectSignInScreen('本社分会');
    expect(await shell.rootFontSize()).toBe(`${fontScale}%`);
    await expectAccessible(page, 'kiosk sign-in');
  });
}
