import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { NoticesPage } from '../pages/notices-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { unitIdOf } from '../support/notices.ts';
import { memberOnPhone, unionWithRoster } from '../support/sync.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

/**
 * Issue 14, part 5: an officer gives a notice an English title and text beside
 * the Japanese (under 「英語版(任意)」 in the editor); a member who reads the
 * app in English sees the English, one who reads Japanese the Japanese.
 */
test('a notice with English: a member who switched to English sees the English title and body', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const a1 = await unitIdOf(page, server, 'A1');
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const officerShell = new AppShell(page);
    await officerShell.setFontScale(200);
    await page.goto('/notices/new');
    await page.getByLabel('件名', { exact: true }).fill('定期大会のお知らせ');
    await page.getByRole('textbox', { name: '本文(Markdown)', exact: true }).fill('12月5日に**定期大会**を開きます。');
    // The English is folded away until asked for.
    const english = page.getByText('英語版(任意)');
    await expect(page.getByLabel('件名(英語)')).toBeHidden();
    await english.click();
    await page.getByLabel('件名(英語)').fill('Annual convention');
    await page.getByLabel('本文(英語)').fill('The **annual convention** is on 5 December.');
    await expectAccessible(page, 'editor with the English open (ja, 200%)');
    await page.locator(`[data-testid="audience-unit"][data-unit-id="${a1}"]`).check();
    await page.getByRole('button', { name: '掲載する' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '定期大会のお知らせ' })).toBeVisible();

    // In Japanese the member reads the Japanese.
    const shell = new AppShell(memberPage);
    const member = new NoticesPage(memberPage);
    await memberPage.goto('/');
    await expect(member.items.filter({ hasText: '定期大会のお知らせ' })).toBeVisible();

    // Switched to English: the feed, the notice's heading and its text are the English ones, marked as English.
    await shell.switchLanguage();
    await expect(memberPage.locator('html')).toHaveAttribute('lang', 'en');
    const item = member.items.filter({ hasText: 'Annual convention' });
    await expect(item).toBeVisible();
    await expect(member.items.filter({ hasText: '定期大会のお知らせ' })).toHaveCount(0);
    await item.click();
    const heading = memberPage.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Annual convention');
    await expect(heading).toHaveAttribute('lang', 'en');
    const body = memberPage.getByTestId('notice-body');
    await expect(body).toContainText('The annual convention is on 5 December.');
    await expect(body.locator('strong')).toHaveText('annual convention');
    await expect(body).not.toContainText('定期大会');
    await shell.setFontScale(200);
    await memberPage.goBack();
    await expect(heading).toHaveText('Annual convention');
    await expectAccessible(memberPage, 'notice in English (en, 200%)');

    // Back in Japanese: the Japanese again.
    await shell.switchLanguage();
    await expect(heading).toHaveText('定期大会のお知らせ');
  } finally {
    await phone.close();
  }
});

test('the form builder and the documents editors offer the English; the built-in templates and folders read in English; axe in ja and en at 200%', async ({ page, server }) => {
  await unionWithRoster(page, server);
  const shell = new AppShell(page);
  await shell.setFontScale(200);
  for (const lang of ['ja', 'en'] as const) {
    const summary = lang === 'ja' ? '英語版(任意)' : 'English version (optional)';
    await page.goto('/forms/new?kind=survey');
    await page.getByText(summary).click();
    await expect(page.getByLabel(lang === 'ja' ? '題名(英語)' : 'Title in English')).toBeVisible();
    await expectAccessible(page, `form builder with the English open (${lang})`);
    await page.goto('/documents/new');
    await page.getByText(summary).click();
    await expect(page.getByLabel(lang === 'ja' ? '説明(英語)' : 'Description in English')).toBeVisible();
    await expectAccessible(page, `document editor with the English open (${lang})`);
    await page.goto('/documents');
    await page.getByTestId('folder-form').getByText(summary).click();
    await expect(page.getByLabel(lang === 'ja' ? 'フォルダの名前(英語)' : 'Folder name in English')).toBeVisible();
    await expectAccessible(page, `documents with the folder's English open (${lang})`);
    if (lang === 'ja') {
      await expect(page.getByRole('heading', { level: 2, name: '規約' })).toBeVisible();
      await shell.switchLanguage();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
  }
  // In English the shipped folders and application templates read in English.
  await page.goto('/documents');
  await expect(page.getByRole('heading', { level: 2, name: 'Bylaws' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Meeting papers' })).toBeVisible();
  await page.goto('/forms');
  const applications = page.getByTestId('forms-applications');
  await expect(applications.getByRole('link', { name: /Marriage gift/ })).toBeVisible();
  await applications.getByRole('link', { name: /Condolence payment/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Condolence payment');
  await expect(page.getByText('Our deepest sympathy.', { exact: false })).toBeVisible();
  await expectAccessible(page, 'a built-in template in English');
  // No sideways scrolling at 320 px with the English open either (the audience's long English role names wrap).
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/notices/new');
  await page.getByText('English version (optional)').click();
  await expect(page.getByLabel('Text in English')).toBeVisible();
  await expectAccessible(page, 'notice editor with the English open at 320 px (en, 200%)');
});
