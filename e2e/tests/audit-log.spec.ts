import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { ADMIN, importCsv, issueCards, originOf, setupAdmin, SJIS_ROSTER, UNITS_CSV } from '../support/identity.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('the audit log reads in words with names, filters by who, what and when, and exports what the filter shows', async ({ page, server }) => {
  await setupAdmin(page.request, server);
  await importCsv(page.request, server, 'units', UNITS_CSV);
  await importCsv(page.request, server, 'members', SJIS_ROSTER);
  const [card] = await issueCards(page.request, server, ['200001']);
  // An action on one member: its entry names them.
  const ended = await page.request.post(`${server.url}/api/members/${card?.memberId ?? ''}/end-sessions`, { headers: originOf(server) });
  expect(ended.ok()).toBe(true);

  await page.goto('/audit');
  const list = page.getByRole('list').filter({ has: page.getByText('初期設定を完了') });
  // Words and names, never codes or ids.
  await expect(list.getByRole('listitem').filter({ hasText: 'ログインカードを発行' })).toContainText(`操作した人: ${ADMIN.name}`);
  await expect(list.getByRole('listitem').filter({ hasText: 'すべての端末からログアウトさせた' })).toContainText('対象: 髙橋 誠一');
  await expect(list.getByText('code.issued')).toHaveCount(0);
  await expectAccessible(page, 'audit');

  // What: one kind of action.
  await page.getByLabel('操作の種類').selectOption({ label: '組合員名簿を取り込み' });
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(list).toHaveCount(0);
  const imported = page.getByRole('listitem').filter({ hasText: '組合員名簿を取り込み' });
  await expect(imported).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ hasText: 'ログインカードを発行' })).toHaveCount(0);
  const exportLink = page.getByRole('link', { name: 'この条件で CSV に書き出す' });
  await expect(exportLink).toHaveAttribute('href', /action=members\.imported/);

  // Who: an unknown employee number is said plainly; the admin's number shows their entries.
  await page.getByLabel('操作した人の社員番号').fill('999999');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page.getByText('社員番号 999999 の人は見つかりません。')).toBeVisible();
  await page.getByLabel('操作した人の社員番号').fill(ADMIN.employeeNumber);
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(exportLink).toHaveAttribute('href', /actor=/);
  await expect(imported).toHaveCount(1);

  // When: a range before today finds nothing.
  await page.getByLabel('この日から').fill('2001-01-01');
  await page.getByLabel('この日まで').fill('2001-01-31');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page.getByText('条件に合う記録はありません。')).toBeVisible();
  await expect(exportLink).toHaveAttribute('href', /from=2001-01-01.*to=2001-01-31/);

  // The export link carries the filter: the CSV holds only the roster import.
  await page.getByRole('button', { name: '絞り込みをやめる' }).click();
  await page.getByLabel('操作の種類').selectOption({ label: '組合員名簿を取り込み' });
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(imported).toHaveCount(1);
  const csv = await (await page.request.get(`${server.url}${(await exportLink.getAttribute('href')) ?? ''}`)).text();
  expect(csv).toContain('members.imported');
  expect(csv).not.toContain('code.issued');

  // English, at 200 %.
  const shell = new AppShell(page);
  await shell.setFontScale(200);
  await page.goto('/audit');
  await shell.switchLanguage();
  await expect(page.getByRole('listitem').filter({ hasText: 'Issued login cards' })).toBeVisible();
  await expectAccessible(page, 'audit en 200%');
});
