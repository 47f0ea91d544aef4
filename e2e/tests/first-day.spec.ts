import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { importCsv, issueCards, phoneContext, setupAdmin, SJIS_ROSTER, UNITS_CSV } from '../support/identity.ts';

/** A member's first day: the login card's words lead to the screens, マイページ changes the password, officer pages say no plainly. */

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('a member with only a login card finds 「はじめてのログイン」 on the start page, types the code and chooses a password', async ({ page, server, browser }) => {
  await setupAdmin(page.request, server);
  await importCsv(page.request, server, 'units', UNITS_CSV);
  await importCsv(page.request, server, 'members', SJIS_ROSTER);
  const [card] = await issueCards(page.request, server, ['200001']);

  const phone = await phoneContext(browser, server);
  const member = await phone.newPage();
  // The sign-in page offers it too.
  await member.goto('/sign-in');
  await expect(member.getByRole('link', { name: /はじめてのログイン/ })).toHaveAttribute('href', '/activate');
  await expectAccessible(member, 'sign-in');

  // What the card says: open the address, choose 「はじめてのログイン」, type the code.
  await member.goto('/');
  await expectAccessible(member, 'start page');
  await member.getByRole('link', { name: /はじめてのログイン/ }).click();
  await expect(member).toHaveURL(/\/activate$/);
  await member.getByLabel('ログインカードのコード').fill(card?.code ?? '');
  await member.getByRole('button', { name: '次へ' }).click();
  await expect(member.getByText('髙橋 誠一')).toBeVisible();
  await member.getByLabel('新しいパスワード').fill('my own quiet phrase');
  await member.getByRole('button', { name: 'パスワードを決めてログインする' }).click();
  await expect(member.getByText('髙橋 誠一 さん', { exact: true })).toBeVisible();
  await phone.close();
});

test('マイページ: a wrong current password changes nothing; the new password works and other devices are signed out', async ({ page, server, browser }) => {
  await setupAdmin(page.request, server);
  await importCsv(page.request, server, 'units', UNITS_CSV);
  await importCsv(page.request, server, 'members', SJIS_ROSTER);
  const [card] = await issueCards(page.request, server, ['200001']);
  const phone = await phoneContext(browser, server);
  const member = await phone.newPage();
  await member.goto(card?.url ?? '/');
  await member.getByLabel('新しいパスワード').fill('first quiet phrase');
  await member.getByRole('button', { name: 'パスワードを決めてログインする' }).click();
  await expect(member.getByText('髙橋 誠一 さん', { exact: true })).toBeVisible();

  await member.goto('/me');
  const form = member.getByRole('form', { name: 'パスワードを変える' });
  await form.getByLabel('いまのパスワード').fill('not my password');
  await form.getByLabel('新しいパスワード').fill('second quiet phrase');
  await expect(form.getByRole('checkbox', { name: '他の端末からもログアウトする' })).toBeChecked();
  await form.getByRole('button', { name: 'パスワードを変える' }).click();
  await expect(form.getByRole('alert')).toContainText('いまのパスワードが違います');
  await expectAccessible(member, 'me with an error');

  // Nothing changed: the old password still signs in, on a second device (a laptop).
  const laptop = await phoneContext(browser, server);
  const other = await laptop.newPage();
  const otherSignIn = new SignInPage(other);
  await otherSignIn.open();
  await otherSignIn.signIn('200001', 'first quiet phrase');
  await otherSignIn.expectSignedIn('髙橋 誠一');

  // The right password: changed, and the laptop signed out (the box was ticked).
  await form.getByLabel('いまのパスワード').fill('first quiet phrase');
  await form.getByRole('button', { name: 'パスワードを変える' }).click();
  await expect(form.getByRole('status')).toContainText('パスワードを変えました');
  await expect(form.getByRole('status')).toContainText('他の1台の端末からログアウトしました');
  const refused = await other.request.get('/api/auth/me');
  expect(refused.status()).toBe(401);

  // The kiosk PIN: a short one is explained, a good one is accepted.
  const pinForm = member.getByRole('form', { name: '共用端末用の暗証番号を変える' });
  await pinForm.getByLabel('いまのパスワード').fill('second quiet phrase');
  await pinForm.getByLabel('新しい暗証番号').fill('12');
  await pinForm.getByRole('button', { name: '暗証番号を変える' }).click();
  await expect(pinForm.getByText('暗証番号は4〜8桁の数字にしてください。')).toBeVisible();
  await pinForm.getByLabel('新しい暗証番号').fill('2468');
  await pinForm.getByRole('button', { name: '暗証番号を変える' }).click();
  await expect(pinForm.getByRole('status')).toContainText('暗証番号を変えました');

  // The new password signs in; the old one no longer does.
  await otherSignIn.open();
  await otherSignIn.signIn('200001', 'first quiet phrase');
  await expect(other.getByTestId('sign-in-error')).toBeVisible();
  await otherSignIn.signIn('200001', 'second quiet phrase');
  await otherSignIn.expectSignedIn('髙橋 誠一');

  // 200 % text, both languages.
  const shell = new AppShell(member);
  await shell.setFontScale(200);
  await member.goto('/me');
  await expectAccessible(member, 'me ja 200%');
  await shell.switchLanguage();
  await expect(member.getByRole('heading', { name: 'Change your password' })).toBeVisible();
  await expectAccessible(member, 'me en 200%');
  await laptop.close();
  await phone.close();
});

test('a member who opens an officer page reads that they may not see it, with a way home', async ({ page, server, browser }) => {
  await setupAdmin(page.request, server);
  await importCsv(page.request, server, 'units', UNITS_CSV);
  await importCsv(page.request, server, 'members', SJIS_ROSTER);
  const [card] = await issueCards(page.request, server, ['200001']);
  const phone = await phoneContext(browser, server);
  const member = await phone.newPage();
  await member.goto(card?.url ?? '/');
  await member.getByLabel('新しいパスワード').fill('my own quiet phrase');
  await member.getByRole('button', { name: 'パスワードを決めてログインする' }).click();
  await expect(member.getByText('髙橋 誠一 さん', { exact: true })).toBeVisible();

  await member.goto('/members');
  await expect(member.getByRole('heading', { level: 1, name: 'このページを見る権限がありません' })).toBeVisible();
  await expect(member).toHaveURL(/\/members$/);
  await expectAccessible(member, 'forbidden');
  await member.getByRole('link', { name: 'ホームに戻る' }).click();
  await expect(member.getByText('髙橋 誠一 さん', { exact: true })).toBeVisible();
  await phone.close();
});

test('the roster import page offers a sample roster in Shift_JIS (for Excel) and UTF-8', async ({ page, server }) => {
  await setupAdmin(page.request, server);
  await page.goto('/members/import');
  for (const [name, encoding] of [
    ['見本をダウンロード(Excel 用・Shift_JIS)', 'shift_jis'],
    ['見本をダウンロード(UTF-8)', 'utf-8'],
  ] as const) {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name }).click();
    const file = await (await downloading).path();
    const text = new TextDecoder(encoding).decode(fs.readFileSync(file));
    expect(text, encoding).toContain('社員番号');
  }
  await expectAccessible(page, 'roster import');
});
