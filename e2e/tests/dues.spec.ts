import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { DuesPage } from '../pages/dues-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { grantRole, personOnDevice, WORKPLACE_OFFICER } from '../support/forms.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

/** One h1, no serious or critical axe violation, no sideways scroll at this width (390 px) and at 320 px. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow(), `${screen} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await overflow(), `${screen} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 390, height: 844 });
}

/** This month as the app's month fields start (the browser and the test share the machine's clock and zone). */
function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

test('a treasurer imports a check-off file, fixes the reported row, applies it and sees arrears; the member reads the month offline', async ({ page, server, browser }) => {
  test.setTimeout(240_000);
  const month = thisMonth();
  await unionWithRoster(page, server);
  // 山﨑 is the treasurer of 東京支部 (A), over the roster's three members.
  await grantRole(page, server, WORKPLACE_OFFICER.employeeNumber, 'A', 'treasurer');

  // The admin, treasurer of the whole union, adds the rule: 2,000 yen a month for regular members from this month.
  const admin = new DuesPage(page);
  await admin.openFromMenu('dues-rules');
  await page.getByTestId('rule-class').fill('regular');
  await page.getByTestId('rule-amount').fill('2000');
  await page.getByTestId('rule-add').click();
  await expect(page.getByTestId('dues-rules').getByRole('listitem').filter({ hasText: '月額 2,000円' })).toBeVisible();

  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  const treasurer = await personOnDevice(browser, page, server, WORKPLACE_OFFICER);
  const tp = treasurer.personPage;
  await new AppShell(tp).setFontScale(200);
  const dues = new DuesPage(tp);

  // The employer's file: 髙橋 deducted in full, 山﨑's number mistyped (20002) and 1,500 deducted, 波 missing.
  await dues.openFromMenu('dues-checkoff');
  await expectAccessible(tp, '/dues/checkoff at 200%');
  const csv = Buffer.from('\ufeff社員番号,氏名,組合費\r\n200001,髙橋 誠一,2000\r\n20002,山﨑 ①子,"1,500"\r\n', 'utf8');
  await dues.dryRun('本社工場', { name: 'チェックオフ.csv', buffer: csv });
  await expect(dues.report).toHaveAttribute('data-blocked', 'true');
  await expect(tp.getByTestId('checkoff-problem-3')).toContainText('20002');
  await expect(tp.getByTestId('checkoff-missing-200003')).toContainText('2,000円');
  await expect(tp.getByTestId('checkoff-apply')).toHaveCount(0);
  await expectAccessible(tp, 'check-off report with a problem at 200%');

  // Fixed in the app (the file stays as sent): the dry run runs again, the problem is gone, the short deduction is reported.
  await dues.fixNumber(3, '200002');
  await expect(dues.report).toHaveAttribute('data-blocked', 'false');
  await expect(tp.getByTestId('checkoff-fixes')).toContainText('200002');
  await expect(tp.getByTestId('checkoff-mismatch-3')).toContainText('1,500円');
  await expect(tp.getByTestId('checkoff-mismatch-3')).toContainText('2,000円');
  await expect(tp.getByTestId('checkoff-missing-200002')).toHaveCount(0);
  await expect(tp.getByTestId('checkoff-missing-200003')).toBeVisible();
  await expectAccessible(tp, 'check-off report after the fix at 200%');
  await dues.apply();
  await expect(tp.getByTestId('checkoff-applied')).toHaveAttribute('data-replaced', 'false');

  // Arrears: 波 owes the whole month, 山﨑 the 500 yen not deducted; 髙橋 nothing.
  await dues.openFromMenu('dues-arrears');
  await expect(tp.getByTestId('arrears-row-200003')).toHaveAttribute('data-outstanding', '2000');
  await expect(tp.getByTestId('arrears-row-200003')).toHaveAttribute('data-age', '0');
  await expect(tp.getByTestId('arrears-row-200002')).toHaveAttribute('data-outstanding', '500');
  await expect(tp.getByTestId('arrears-row-200001')).toHaveCount(0);
  await expectAccessible(tp, '/dues/arrears at 200%');

  // 波 pays in cash: recorded by hand, the arrears are gone.
  await tp.getByTestId('arrears-row-200003').getByRole('link').click();
  await expect(tp.getByTestId('dues-member')).toBeVisible();
  await expect(tp.getByTestId(`dues-month-${month}-general`)).toHaveAttribute('data-state', 'unpaid');
  await tp.getByTestId('payment-method').getByLabel('現金').check();
  await tp.getByTestId('payment-amount').fill('2000');
  await tp.getByTestId('payment-submit').click();
  await expect(tp.getByTestId('payment-done')).toBeVisible();
  await expect(tp.getByTestId(`dues-month-${month}-general`)).toHaveAttribute('data-source', 'cash');
  await expectAccessible(tp, '/dues/members at 200%');
  await dues.openFromMenu('dues-arrears');
  await expect(tp.getByTestId('arrears-row-200002')).toBeVisible();
  await expect(tp.getByTestId('arrears-row-200003')).toHaveCount(0);

  // Totals: the branch was asked 6,000 yen and received 5,500.
  await dues.openFromMenu('dues-totals');
  const branch = tp.locator('[data-testid^="totals-general-"]').first();
  await expect(branch).toHaveAttribute('data-expected', '6000');
  await expect(branch).toHaveAttribute('data-received', '5500');
  // The branch's year so far: this month only.
  await expect(tp.getByTestId('summary-total')).toHaveAttribute('data-expected', '6000');
  await expect(tp.getByTestId('summary-total')).toHaveAttribute('data-received', '5500');
  await expect(tp.getByTestId('export-month')).toHaveAttribute('href', `/api/dues/export.csv?month=${month}`);
  const exported = await tp.request.get(`/api/dues/export.csv?month=${month}`);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toContain('200003');
  await expectAccessible(tp, '/dues/manage at 200%');
  await dues.openFromMenu('dues-rules');
  await expectAccessible(tp, '/dues/rules (read only) at 200%');

  // The union's treasurer (the admin) cannot start a rule in a month already recorded: past months never change.
  await new AppShell(page).setFontScale(200);
  await admin.openFromMenu('dues-rules');
  await page.getByTestId('rule-class').fill('regular');
  await page.getByTestId('rule-amount').fill('2500');
  await page.getByTestId('rule-add').click();
  await expect(page.getByTestId('rule-error')).toHaveAttribute('data-code', 'dues_rule_past');
  await expect(page.getByTestId('dues-rules').getByRole('listitem').filter({ hasText: '2,500円' })).toHaveCount(0);
  await expectAccessible(page, '/dues/rules with its forms and a refusal at 200%');
  await new AppShell(page).switchLanguage();
  await page.goto('/dues/rules');
  await expect(page.getByTestId('rule-form')).toBeVisible();
  await expectAccessible(page, '/dues/rules with its forms in English at 200%');

  // Every treasurer screen in English too.
  const shell = new AppShell(tp);
  await shell.switchLanguage();
  for (const path of ['/dues/manage', '/dues/checkoff', '/dues/arrears', '/dues/rules', '/dues/members?number=200003']) {
    await tp.goto(path);
    await expect(tp.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(tp.getByText('読み込み中')).toHaveCount(0);
    await expectAccessible(tp, `${path} in English at 200%`);
  }

  // The member: their month from マイページ, then offline after a reload.
  const memberShell = new AppShell(memberPage);
  await memberShell.setFontScale(200);
  await memberPage.goto('/');
  await memberShell.waitForServiceWorker();
  await expectUpToDate(memberShell);
  const mine = new DuesPage(memberPage);
  await mine.openMine();
  await expect(mine.month(month)).toHaveAttribute('data-state', 'paid');
  await expect(mine.month(month)).toHaveAttribute('data-source', 'checkoff');
  await expect(mine.month(month)).toContainText('2,000円');
  await expect(memberPage.getByTestId(`dues-year-total-${month.slice(0, 4)}`)).toContainText('2,000円');
  await expect(memberPage.getByTestId('my-dues-arrears')).toHaveAttribute('data-amount', '0');
  await expectAccessible(memberPage, '/dues (member) at 200%');
  await phone.setOffline(true);
  await memberPage.reload();
  await expect(mine.month(month)).toHaveAttribute('data-state', 'paid');
  await expect(memberPage.getByTestId('sync-status')).toHaveAttribute('data-phase', 'offline');
  await memberShell.switchLanguage();
  await expect(mine.month(month)).toContainText('¥2,000');
  await expect(mine.month(month)).toContainText('Check-off');
  await expectAccessible(memberPage, '/dues (member) offline in English at 200%');
  await phone.close();
  await treasurer.context.close();
});
