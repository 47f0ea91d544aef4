import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { FormsPage } from '../pages/forms-page.ts';
import { seriousViolations, sidewaysOverflow } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { ADMIN, setupAdmin } from '../support/identity.ts';
import { MEMBER_C, otherMemberOnPhone, PDF, unitIdOf } from '../support/notices.ts';
import { record } from '../support/recorder.ts';
import { startServer } from '../support/server.ts';
import { expectUpToDate, unionWithRoster } from '../support/sync.ts';

/**
 * Issue 20, two real servers: the test's own (the union, ものづくり労働組合) and a
 * second one started here for the federation, each with its own data folder and
 * port on 127.0.0.1. The federation's officer makes a token; the union's admin
 * links after comparing the fingerprint; a unified action goes down, is released
 * to a workplace and read on a member's phone "from" the federation; the member
 * answers its participation survey (参加する), that count goes up in a report and
 * the federation sees it; a count an officer types then wins in the preview.
 */

test.setTimeout(240_000);

const FEDERATION = '全国ものづくり産業労働組合連合会';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await sidewaysOverflow(page);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** Each screen in Japanese and English at 200 % text (the pages are 390 px wide). */
async function expectScreensAccessible(page: Page, screens: readonly (readonly [string, string, string])[]): Promise<void> {
  const shell = new AppShell(page);
  await shell.setFontScale(200);
  for (const lang of ['ja', 'en'] as const) {
    if (lang === 'en') await shell.switchLanguage();
    for (const [name, path, ready] of screens) {
      await page.goto(path);
      await expect(page.getByTestId(ready)).toBeVisible();
      await expectAccessible(page, `${name} (${lang}, 200%)`);
    }
  }
}

test('a federation and a union link, a unified action reaches a member “from” the federation, and its participation count goes back up', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const federation = await startServer();
  const fedContext = await browser.newContext({ baseURL: federation.url, viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  record(fedContext, 'federation');
  const fed = await fedContext.newPage();
  let phone: Awaited<ReturnType<typeof otherMemberOnPhone>>['phone'] | null = null;
  try {
    await setupAdmin(fed.request, federation, FEDERATION);

    // The federation's officer makes an exchange token for the union, by its name: shown once, with the federation's fingerprint.
    await fed.goto('/federation/unions');
    await fed.getByTestId('federation-union-name').fill(ADMIN.union);
    await fed.getByTestId('federation-create-token').click();
    const token = (await fed.getByTestId('federation-new-token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThan(10);
    const fingerprint = await fed.getByTestId('federation-own-fingerprint').getAttribute('data-fingerprint');
    expect(fingerprint).toBeTruthy();
    await expectAccessible(fed, 'token shown (ja, 390 px)');
    await expect(fed.getByTestId('federation-union')).toHaveAttribute('data-status', 'invited');

    // The union's admin enters the address and token, sees the federation's name and the same fingerprint, confirms
    // (first at 100 % text, then again at 200 %: checking stores nothing).
    const shell = new AppShell(page);
    for (const scale of [100, 200] as const) {
      await shell.setFontScale(scale);
      await page.goto('/federation');
      await page.getByTestId('federation-url').fill(`http://127.0.0.1:${federation.port}`);
      await page.getByTestId('federation-token').fill(token);
      await expectAccessible(page, `link form (ja, 390 px, ${scale}%)`);
      await page.getByTestId('federation-check').click();
      await expect(page.getByTestId('federation-preview-name')).toHaveText(FEDERATION);
      await expect(page.getByTestId('federation-preview-fingerprint')).toHaveAttribute('data-fingerprint', fingerprint!);
      // In large groups of four digits, as both officers read them.
      await expect(page.getByTestId('federation-preview-fingerprint').locator('li').first()).toHaveText(/^([0-9A-F]{4}){4}$/);
      await expectAccessible(page, `fingerprint check (ja, 390 px, ${scale}%)`);
    }
    await page.getByTestId('federation-confirm').click();
    await expect(page.getByTestId('federation-link-state')).toHaveAttribute('data-status', 'active');
    await expect(page.getByTestId('federation-name')).toHaveText(FEDERATION);
    await shell.setFontScale(100);
    await page.goto('/federation');

    // The federation publishes a unified action; it sees the union linked.
    await fed.reload();
    await expect(fed.getByTestId('federation-union')).toHaveAttribute('data-status', 'active');
    await fed.getByTestId('federation-item-kind').getByLabel('統一行動').check();
    await fed.getByTestId('federation-item-title').fill('春季統一行動');
    await fed.getByTestId('federation-item-body').fill('全国一斉に職場集会を開きます。');
    await fed.getByTestId('federation-item-date').fill('2027-03-12');
    await fed.getByTestId('federation-item-demand').fill('月額1万円の賃上げ');
    await fed.getByTestId('federation-item-question').fill('職場集会に参加しましたか');
    await fed.getByTestId('notice-file-input').setInputFiles({ name: '行動要領.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(fed.getByTestId('notice-attached-file')).toContainText('行動要領.pdf');
    await fed.getByTestId('federation-publish-submit').click();
    await expect(fed.getByTestId('federation-published')).toBeVisible();
    await expect(fed.getByTestId('federation-item')).toContainText('春季統一行動');

    // The union syncs and releases it to one workplace (品川職場, A2).
    await page.getByTestId('federation-sync').click();
    await expect(page.getByTestId('federation-synced')).toBeVisible();
    const item = page.getByTestId('federation-inbox-item');
    await expect(item).toContainText('春季統一行動');
    await expect(item).toContainText('月額1万円の賃上げ');
    await expect(item.getByTestId('federation-item-materials')).toContainText('行動要領.pdf');
    const a2 = await unitIdOf(page, server, 'A2');
    await item.locator(`[data-testid="audience-unit"][data-unit-id="${a2}"]`).check();
    await item.getByTestId('federation-release').click();
    await expect(page.getByTestId('federation-item-released')).toBeVisible();

    // A member of 品川職場 on a 390 px phone reads it "from" the federation, on the list and on the notice.
    const member = await otherMemberOnPhone(browser, page, server);
    phone = member.phone;
    const mp = member.memberPage;
    await mp.goto('/notices');
    const row = mp.getByTestId('notice-item').filter({ hasText: '春季統一行動' });
    await expect(row.getByTestId('notice-origin')).toHaveText(`${FEDERATION} から`);
    await expectAccessible(mp, 'notices with an origin (ja, 390 px)');
    await row.click();
    await expect(mp.getByTestId('notice-view').getByTestId('notice-origin')).toHaveText(`${FEDERATION} から`);
    // The federation's material came with it, attached for the notice's readers.
    await expect(mp.getByTestId('notice-attachment')).toHaveCount(1);
    await expectAccessible(mp, 'notice from the federation (ja, 390 px)');

    // The member answers the action's participation survey on the phone: 参加する.
    const forms = new FormsPage(mp);
    await mp.goto('/');
    await forms.openList();
    await forms.list.getByTestId('form-item').filter({ hasText: '春季統一行動 参加のご確認' }).click();
    await expect(forms.editor).toBeVisible();
    await expect(forms.field('take_part')).toContainText('職場集会に参加しましたか');
    await forms.option('take_part', 'yes').click();
    await forms.submit.click();
    await expect(forms.confirmation).toBeVisible();
    await expectUpToDate(new AppShell(mp));

    // The union's preview counts the app's answers: 1, with no names; sends; the next sync delivers.
    await page.reload();
    await expect(page.getByTestId('federation-participation-summary')).toContainText('アプリの回答 1件');
    await expect(page.getByTestId('federation-participation-summary')).toHaveAttribute('data-from', 'app');
    const preview = page.getByTestId('federation-report-preview');
    await expect(preview.getByTestId('figures-participants')).toHaveText('1');
    await expect(preview.getByTestId('federation-report-preview-members')).toHaveText('4');
    await expect(page.getByTestId('federation-report')).not.toContainText(ADMIN.name);
    await expect(page.getByTestId('federation-report')).not.toContainText(MEMBER_C.name);
    await expect(page.getByTestId('federation-report')).not.toContainText(MEMBER_C.employeeNumber);
    await page.getByTestId('federation-send-report').click();
    await expect(page.getByTestId('federation-report-queued')).toBeVisible();
    await expect(page.getByTestId('federation-sent-report')).toHaveAttribute('data-delivered', 'false');
    await page.getByTestId('federation-sync').click();
    await expect(page.getByTestId('federation-sent-report')).toHaveAttribute('data-delivered', 'true');
    await expectAccessible(page, 'union link with inbox and report (ja, 390 px)');

    // The federation sees that union's count, and nobody left to report.
    await fed.reload();
    await expect(fed.getByTestId('federation-total-action').locator('dd')).toHaveText('1');
    await expect(fed.getByTestId('federation-total-members')).toHaveText('4');
    await expect(fed.getByTestId('federation-not-reported')).toHaveCount(0);
    const union = fed.getByTestId('federation-union');
    await union.locator('summary').click();
    await expect(union.getByTestId('figures-participants')).toHaveText('1');
    await expectAccessible(fed, 'member unions with figures (ja, 390 px)');

    // A count the officer types (a paper tally) wins over the app's answers in the next report.
    await page.getByTestId('federation-participation').fill('37');
    await page.getByTestId('federation-participation-save').click();
    await expect(page.getByTestId('federation-participation-summary')).toContainText('アプリの回答 1件 / 入力した人数 37');
    await expect(page.getByTestId('federation-participation-summary')).toHaveAttribute('data-from', 'typed');
    await expect(page.getByTestId('federation-report-preview').getByTestId('figures-participants')).toHaveText('37');
    // Cleared by what the button says, the app's answers are reported again.
    await page.getByRole('button', { name: '入力した人数を取り消して、アプリの回答を報告する' }).click();
    await expect(page.getByTestId('federation-participation-summary')).toHaveAttribute('data-from', 'app');
    await expect(page.getByTestId('federation-participation-summary')).toHaveText(/^アプリの回答 1件/);
    await expect(page.getByTestId('federation-report-preview').getByTestId('figures-participants')).toHaveText('1');

    // The union pauses (after a confirmation): the federation sees who paused; the union resumes.
    await page.goto('/federation');
    await page.getByTestId('federation-link-pause').click();
    await expectAccessible(page, 'pause confirmation (ja, 390 px)');
    await page.getByTestId('federation-link-confirm-confirm').click();
    await expect(page.getByTestId('federation-link-state')).toHaveAttribute('data-status', 'paused');
    await expect(page.getByTestId('federation-sync')).toHaveCount(0);
    await fed.reload();
    await expect(union).toHaveAttribute('data-status', 'paused');
    await expect(union.getByTestId('federation-union-status')).toHaveText('一時停止中(この組合が停止)');
    await page.getByTestId('federation-link-resume').click();
    await page.getByTestId('federation-link-confirm-confirm').click();
    await expect(page.getByTestId('federation-link-state')).toHaveAttribute('data-status', 'active');
    await fed.reload();
    await expect(union).toHaveAttribute('data-status', 'active');

    // Every new screen at 390 px and 200 % text, ja and en.
    await expectScreensAccessible(page, [['union link', '/federation', 'federation-report-preview']]);
    await expectScreensAccessible(fed, [['member unions', '/federation/unions', 'federation-totals']]);

    // The federation ends the link: the union learns it at its next sync, says so, and offers a new link.
    await union.locator('[data-testid$="-revoke"]').click();
    await fed.locator('[data-testid$="-confirm-confirm"]').click();
    await expect(union).toHaveAttribute('data-status', 'revoked');
    await page.goto('/federation');
    await page.getByTestId('federation-sync').click();
    await expect(page.getByTestId('federation-link-state')).toHaveAttribute('data-status', 'revoked');
    await expect(page.getByTestId('federation-sync-error')).toHaveAttribute('data-code', 'federation_link_revoked');
    await expect(page.getByTestId('federation-link-form')).toBeVisible();
  } finally {
    await phone?.close();
    await fedContext.close();
    await federation.stop();
  }
});
