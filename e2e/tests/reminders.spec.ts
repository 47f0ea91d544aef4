import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { NoticesPage } from '../pages/notices-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { unitIdOf } from '../support/notices.ts';
import { MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('a reminder nobody can get as a notification says why, offers the printed list by workplace, and reaches the member on their home', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const a1 = await unitIdOf(page, server, 'A1');
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const officer = new NoticesPage(page);
    const noticeId = await officer.publish({ title: '職場集会のお知らせ', body: '金曜日に集会があります。', unitIds: [a1], files: [] });

    // Nobody has notifications on: the message says so, and why.
    await page.goto(`/notices/${noticeId}/read-rate`);
    await page.getByRole('button', { name: '未読の人にリマインドを送る' }).click();
    const status = page.getByRole('status').filter({ hasText: '通知を送りました' });
    await expect(status).toContainText(/0人に通知を送りました。[1-9][0-9]*人は通知をオンにしていないため届きません。/);
    await expect(status).toContainText('次にアプリを開いたときホームにリマインドが表示されます');
    await expectAccessible(page, 'read-rate after a reminder');

    // The printable list: the unread member under their workplace, with their employee number.
    await page.getByRole('link', { name: '未読の人の一覧(印刷用)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '未読の人の一覧' })).toBeVisible();
    const workplace = page.getByRole('region', { name: /本社分会/ });
    await expect(workplace.getByRole('rowheader', { name: MEMBER_A.name })).toBeVisible();
    await expect(workplace.getByRole('row', { name: new RegExp(MEMBER_A.name) })).toContainText(MEMBER_A.employeeNumber);
    await expect(page.getByRole('region', { name: /品川職場/ })).toHaveCount(0);
    await expectAccessible(page, 'unread list');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
    await expect(workplace).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    // The member opens the app: the reminder is on their home, kept for offline use.
    await memberPage.goto('/');
    const card = memberPage.getByRole('region', { name: 'まだ読んでいないお知らせ' });
    await expect(card.getByRole('link', { name: '職場集会のお知らせ' })).toBeVisible();
    expect(await memberPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kumiai.noticeReminders.')).map((k) => localStorage.getItem(k) ?? '').join())).toContain('職場集会のお知らせ');
    await expectAccessible(memberPage, 'home with a reminder');
    const shell = new AppShell(memberPage);
    await shell.setFontScale(200);
    await memberPage.goto('/');
    await shell.switchLanguage();
    await expect(memberPage.getByRole('heading', { name: 'Notices you have not read yet' })).toBeVisible();
    await expectAccessible(memberPage, 'home with a reminder, en 200%');
    await shell.switchLanguage();

    // Once read, it is gone from home.
    await memberPage.getByRole('link', { name: '職場集会のお知らせ' }).first().click();
    await expect(memberPage).toHaveURL(new RegExp(`/notices/${noticeId}$`));
    await memberPage.goto('/');
    await expect(memberPage.getByTestId('notice-feed')).toBeVisible();
    await expect(memberPage.getByRole('region', { name: 'まだ読んでいないお知らせ' })).toHaveCount(0);
  } finally {
    await phone.close();
  }
});
