import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations, sidewaysOverflow } from '../support/a11y.ts';
import { readDeviceData, traces } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { grantRole, jpegSize, personOnDevice, photoPng, WORKPLACE_OFFICER } from '../support/forms.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

/** The roster's third member (品川職場, A2), made an officer of the branch 東京支部 (A): may take 本社分会's cases. */
const BRANCH_OFFICER = { employeeNumber: '200003', name: '波～太郎', password: 'branch officer phrase' } as const;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await sidewaysOverflow(page);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('a member opens a consultation offline with a photo; the desk lead assigns a branch officer, who replies; the member reads it; the unassigned workplace officer has nothing of it', async ({ page, server, browser }) => {
  test.setTimeout(240_000);
  const CASE_TEXT = '毎月40時間を超えるサービス残業を求められています（e2e相談本文）';
  const REPLY = '記録をありがとうございます。来週お話を聞かせてください（e2e返信）';
  const NOTE = '人事部の残業記録と照合する（e2e内部メモ）';
  const MEMBER_REPLY = 'タイムカードの写しもあります（e2e相談者の返信）';
  await unionWithRoster(page, server);
  // 本社分会 (A1) is member A's workplace: its officer leads that desk (overtime goes to the workplace's desk).
  await grantRole(page, server, WORKPLACE_OFFICER.employeeNumber, 'A1', 'officer');
  await grantRole(page, server, BRANCH_OFFICER.employeeNumber, 'A', 'officer');
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  const lead = await personOnDevice(browser, page, server, WORKPLACE_OFFICER);
  const officer = await personOnDevice(browser, page, server, BRANCH_OFFICER);
  try {
    const shell = new AppShell(memberPage);
    await shell.setFontScale(200);
    await memberPage.goto('/');
    await shell.waitForServiceWorker();
    await expectUpToDate(shell);

    // No signal: the member opens a case anyway, from マイページ.
    await phone.setOffline(true);
    await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
    await memberPage.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'マイページ' }).click();
    await memberPage.getByTestId('me-link-consultations').click();
    await expect(memberPage.getByTestId('consultations-page')).toBeVisible();
    await expect(memberPage.getByTestId('consultation-readers')).toContainText('会社の人は読めません');
    await expectAccessible(memberPage, '/consultations offline at 200%');
    await memberPage.getByTestId('consultation-open').click();
    await expect(memberPage.getByTestId('consultation-new')).toBeVisible();
    await expectAccessible(memberPage, '/consultations/new offline at 200%');
    await memberPage.getByTestId('consultation-category').selectOption('overtime');
    await memberPage.getByTestId('consultation-text').fill(CASE_TEXT);
    await memberPage.getByTestId('consultation-file').setInputFiles({ name: 'タイムカード.png', mimeType: 'image/png', buffer: photoPng() });
    await expect(memberPage.getByTestId('consultation-file-item')).toContainText('タイムカード.jpg');
    await expect(memberPage.getByTestId('consultation-route')).toHaveAttribute('data-desk', 'workplace');
    // Anonymity towards the workplace sends it to the central desk instead, and says so.
    await memberPage.getByTestId('consultation-anonymous').check();
    await expect(memberPage.getByTestId('consultation-route')).toHaveAttribute('data-desk', 'central');
    await memberPage.getByTestId('consultation-anonymous').uncheck();
    await memberPage.getByTestId('consultation-send').click();

    // It waits on the device, visibly.
    const casePage = memberPage.getByTestId('consultation-page');
    await expect(casePage).toBeVisible();
    const caseId = (await casePage.getAttribute('data-case-id')) ?? '';
    expect(caseId).not.toBe('');
    await expect(memberPage.getByTestId('consultation-status')).toHaveAttribute('data-state', 'waiting');
    await expect(memberPage.getByTestId('consultation-waiting')).toBeVisible();
    await expect(memberPage.getByTestId('consultation-case-text')).toHaveText(CASE_TEXT);
    // Counted as waiting like any write (the header; signing out would warn).
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    await expectAccessible(memberPage, '/consultations/:id waiting to send at 200%');

    // Back online: the photo is uploaded, then the case is pushed and received (受付).
    await phone.setOffline(false);
    await expect(memberPage.getByTestId('consultation-status')).toHaveAttribute('data-state', 'received', { timeout: 45_000 });
    await expectUpToDate(shell);
    await expect(memberPage.getByTestId('consultation-waiting')).toHaveCount(0);
    const attachment = memberPage.getByTestId('consultation-attachment');
    await expect(attachment).toHaveCount(1);
    // The photo was made smaller on the phone before it was sent.
    const photo = await memberPage.request.get(new URL((await attachment.getAttribute('href')) ?? '', server.url).href);
    expect(photo.ok()).toBe(true);
    const size = jpegSize(Buffer.from(await photo.body()));
    expect(Math.max(size?.width ?? 0, size?.height ?? 0)).toBe(1600);

    // The desk lead of 本社分会 sees that a case arrived (never its content) and assigns the branch officer.
    const leadPage = lead.personPage;
    await new AppShell(leadPage).setFontScale(200);
    await leadPage.goto('/');
    await leadPage.getByTestId('menu-consultations-desk').click();
    const row = leadPage.locator(`[data-testid="desk-case"][data-case-id="${caseId}"]`);
    await expect(row).toHaveAttribute('data-needs-assignment', 'true');
    await expect(leadPage.getByTestId('consultations-desk')).not.toContainText(CASE_TEXT);
    await expectAccessible(leadPage, '/consultations/desk at 200%');
    await row.getByTestId('desk-case-assign').click();
    await row.locator(`[data-testid="consultation-candidate"][data-member-id="${officer.memberId}"]`).check();
    await expectAccessible(leadPage, '/consultations/desk assigning at 200%');
    await row.getByTestId('consultation-assign-save').click();
    await expect(row.getByTestId('desk-case-assignees')).toContainText(BRANCH_OFFICER.name);
    // The counts: one case is a group under 5, so nothing is shown of it, and the page says why.
    await leadPage.goto('/');
    await leadPage.getByTestId('menu-consultations-counts').click();
    await expect(leadPage.getByTestId('counts-hidden-note')).toBeVisible();
    await expect(leadPage.getByTestId('counts-total')).toBeVisible();
    await expect(leadPage.getByTestId('counts-cell')).toHaveCount(0);
    await expect(leadPage.getByTestId('counts-total')).toContainText('0件');
    await expect(leadPage.getByTestId('consultation-retention-days')).toBeVisible();
    await expect(leadPage.getByTestId('consultation-retention-input')).toHaveCount(0);
    await expectAccessible(leadPage, '/consultations/counts at 200%');

    // The assigned officer finds it on their device, writes an internal note, replies and sets 対応中.
    const op = officer.personPage;
    const officerShell = new AppShell(op);
    await officerShell.setFontScale(200);
    await op.goto('/');
    // Their home says a case waits for their answer (its kind and status; the words are on its page).
    await expect(op.getByTestId('consultations-assigned-card').locator(`[data-testid="consultation-row"][data-case-id="${caseId}"]`)).toBeVisible({ timeout: 30_000 });
    await expect(op.getByTestId('consultations-assigned-card')).not.toContainText(CASE_TEXT);
    await op.getByTestId('menu-consultations-assigned').click();
    const link = op.locator(`[data-testid="consultation-row"][data-case-id="${caseId}"]`);
    await expect(link).toBeVisible({ timeout: 30_000 });
    await expectAccessible(op, '/consultations/assigned at 200%');
    await link.click();
    await expect(op.getByTestId('consultation-page')).toHaveAttribute('data-viewer', 'officer');
    await expect(op.getByTestId('consultation-case-text')).toHaveText(CASE_TEXT);
    await expect(op.getByTestId('consultation-member')).toContainText('髙橋 誠一');
    await op.getByTestId('consultation-note-text').fill(NOTE);
    await op.getByTestId('consultation-note-send').click();
    await expect(op.getByTestId('consultation-note')).toContainText(NOTE);
    await expect(op.getByTestId('consultation-note')).toContainText('相談者には見えません');
    await op.getByTestId('consultation-reply-text').fill(REPLY);
    await op.getByTestId('consultation-reply-send').click();
    await expect(op.getByTestId('consultation-message')).toContainText(REPLY);
    // The officer's first reply moves the case from 受付 to 対応中 (the server's rule).
    await expect(op.getByTestId('consultation-status')).toHaveAttribute('data-state', 'in_progress', { timeout: 30_000 });
    await expectUpToDate(officerShell);
    await expectAccessible(op, '/consultations/:id as the assigned officer at 200%');

    // The member gets the reply and the status, sees who reads it now, and never the note; they answer.
    await expect(memberPage.getByTestId('consultation-message')).toContainText(REPLY, { timeout: 30_000 });
    await expect(memberPage.getByTestId('consultation-status')).toHaveAttribute('data-state', 'in_progress');
    await expect(memberPage.getByTestId('consultation-assignees')).toContainText(BRANCH_OFFICER.name);
    await expect(memberPage.getByTestId('consultation-note')).toHaveCount(0);
    await expectAccessible(memberPage, '/consultations/:id with a reply at 200%');
    // Home says the desk replied, and leads back to the case.
    await memberPage.goto('/');
    await expect(memberPage.getByTestId('consultations-card')).toContainText('相談窓口から返信があります');
    await expectAccessible(memberPage, 'home with a consultation reply at 200%');
    await memberPage.getByTestId('consultations-card').locator(`[data-testid="consultation-row"][data-case-id="${caseId}"]`).click();
    await expect(memberPage.getByTestId('consultation-message')).toContainText(REPLY);
    await memberPage.getByTestId('consultation-reply-text').fill(MEMBER_REPLY);
    // A reply may carry a photo too: kept on the phone until it is uploaded, then sent with the reply.
    await memberPage.getByTestId('consultation-file').setInputFiles({ name: '残業記録.png', mimeType: 'image/png', buffer: photoPng() });
    await expect(memberPage.getByTestId('consultation-file-item')).toContainText('残業記録.jpg');
    await memberPage.getByTestId('consultation-reply-send').click();
    const answered = memberPage.getByTestId('consultation-message').filter({ hasText: MEMBER_REPLY });
    await expect(answered).toBeVisible();
    await expect(answered.getByTestId('consultation-attachment')).toContainText('残業記録.jpg', { timeout: 30_000 });
    await expect(memberPage.getByTestId('consultation-file-item')).toHaveCount(0);
    await expectUpToDate(shell);

    // The officer reads the answer and marks the case 解決; the member sees it, and that it takes no more messages.
    await expect(op.getByTestId('consultation-message').filter({ hasText: MEMBER_REPLY })).toBeVisible({ timeout: 30_000 });
    await expect(op.getByTestId('consultation-message').filter({ hasText: MEMBER_REPLY }).getByTestId('consultation-attachment')).toContainText('残業記録.jpg');
    await op.getByTestId('consultation-status-choice').getByLabel('解決').check();
    await op.getByTestId('consultation-status-save').click();
    await expect(op.getByTestId('consultation-status')).toHaveAttribute('data-state', 'resolved', { timeout: 30_000 });
    await expect(memberPage.getByTestId('consultation-status')).toHaveAttribute('data-state', 'resolved', { timeout: 30_000 });
    await expect(memberPage.getByTestId('consultation-reply-text')).toHaveCount(0);
    expect(traces(await readDeviceData(memberPage), [NOTE])).toEqual([]);

    // The workplace's officer, who leads the desk but was not assigned, has nothing of it: not on screen,
    // not in search, not in the device's IndexedDB, localStorage or caches.
    const leadShell = new AppShell(leadPage);
    await leadPage.goto('/consultations/assigned');
    await expect(leadPage.getByTestId('consultations-assigned-none')).toBeVisible();
    await expectAccessible(leadPage, '/consultations/assigned with none at 200%');
    await leadPage.goto(`/consultations/${caseId}`);
    await expect(leadPage.getByTestId('consultation-not-found')).toBeVisible();
    await leadPage.goto('/search?q=サービス残業');
    await expect(leadPage.getByTestId('search-outcome')).toHaveAttribute('data-count', '0');
    await expectUpToDate(leadShell);
    const leadData = await readDeviceData(leadPage);
    expect(traces(leadData, [CASE_TEXT, REPLY, NOTE, MEMBER_REPLY, 'サービス残業'])).toEqual([]);
    expect(leadData.indexedDb.filter((db) => Object.values(db.stores).some((rows) => rows.includes(caseId))).map((db) => db.name)).toEqual([]);

    // The union's admin sees counts only, and sets how long a closed case's content is kept (an officer only reads it).
    await page.goto('/consultations/counts');
    await expect(page.getByTestId('consultation-retention-days')).toBeVisible();
    await page.getByTestId('consultation-retention-input').fill('30');
    await page.getByRole('button', { name: '期間を変える' }).click();
    await expect(page.getByTestId('consultation-retention-days')).toContainText('30日後');
    await expectAccessible(page, '/consultations/counts as the admin');

    // The member asks for the content to be deleted: it leaves their device and the officer's.
    await memberPage.getByTestId('consultation-erase').click();
    await expect(memberPage.getByTestId('consultation-erase-dialog')).toBeVisible();
    expect(await seriousViolations(memberPage), 'the deletion question').toEqual([]);
    await memberPage.getByTestId('consultation-erase-dialog-confirm').click();
    await expect(memberPage.getByTestId('consultation-not-found')).toBeVisible({ timeout: 30_000 });
    await expect(op.getByTestId('consultation-not-found')).toBeVisible({ timeout: 30_000 });
    await expectUpToDate(shell);
    await expectUpToDate(officerShell);
    expect(traces(await readDeviceData(memberPage), [CASE_TEXT, REPLY, MEMBER_REPLY])).toEqual([]);
    expect(traces(await readDeviceData(op), [CASE_TEXT, REPLY, MEMBER_REPLY, NOTE])).toEqual([]);
  } finally {
    await phone.close();
    await lead.context.close();
    await officer.context.close();
  }
});
