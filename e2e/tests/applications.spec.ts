import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { ApprovalsPage } from '../pages/approvals-page.ts';
import { FormsPage } from '../pages/forms-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { ADMIN } from '../support/identity.ts';
import { grantRole, jpegSize, personOnDevice, photoPng, WORKPLACE_OFFICER } from '../support/forms.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('a member applies for 結婚祝金 with a photo while offline; the workplace officer, then the branch officer approve; the member sees "approved"', async ({ page, server, browser }) => {
  test.setTimeout(120_000);
  await unionWithRoster(page, server);
  // 本社分会 (A1) has its own officer; the admin is also the officer of 東京支部 (A) above it.
  await grantRole(page, server, WORKPLACE_OFFICER.employeeNumber, 'A1', 'officer');
  await grantRole(page, server, ADMIN.employeeNumber, 'A', 'officer');
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  const workplace = await personOnDevice(browser, page, server, WORKPLACE_OFFICER);
  try {
    const shell = new AppShell(memberPage);
    await shell.setFontScale(200);
    await memberPage.goto('/');
    await shell.waitForServiceWorker();
    await expectUpToDate(shell);

    // No signal on the shop floor: the member fills in the application anyway.
    await phone.setOffline(true);
    await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
    const forms = new FormsPage(memberPage);
    await forms.openList();
    await expectAccessible(memberPage, '/forms offline at 200%');
    await forms.openForm('tpl-marriage');
    await expect(memberPage.getByRole('heading', { level: 1 })).toContainText('結婚祝金');
    // Sending with nothing filled in names what is missing, in place.
    await forms.submit.click();
    await expect(memberPage.getByTestId('form-error-summary')).toBeVisible();
    await expect(memberPage.getByTestId('form-error-marriage_date')).toBeVisible();
    await expectAccessible(memberPage, '/forms/tpl-marriage with problems at 200%');

    await forms.input('marriage_date').fill('2026-10-10');
    await forms.input('spouse_name').fill('髙橋 美咲');
    await forms.attach('certificate', { name: '受理証明書.png', mimeType: 'image/png', buffer: photoPng() });
    await forms.submit.click();
    await expect(forms.confirmation).toBeVisible();
    const submissionId = await forms.viewSubmission();
    // It waits on the device, visibly.
    await expect(forms.status).toHaveAttribute('data-state', 'submitted');
    await expect(memberPage.getByTestId('submission-pending')).toBeVisible();
    // One state, one badge: waiting to send, not also "sent (awaiting receipt)".
    await expect(forms.status).toHaveText('⏳ 送信待ち');
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    await expectAccessible(memberPage, '/submissions/:id waiting to send at 200%');

    // Back online: the photo is uploaded, then the application; it is in review at step 1 of 2.
    await phone.setOffline(false);
    await expectUpToDate(shell);
    await expect(forms.status).toHaveAttribute('data-state', 'in_review');
    await expect(forms.status).toHaveAttribute('data-step', '0');
    await expect(memberPage.getByTestId('submission-pending')).toHaveCount(0);

    // The workplace officer finds it in the inbox, sees the photo, and approves.
    const first = new ApprovalsPage(workplace.personPage);
    await new AppShell(workplace.personPage).setFontScale(200);
    await first.openInbox();
    await expect(first.row(submissionId)).toBeVisible();
    await expectAccessible(workplace.personPage, '/approvals at 200%');
    await first.open(submissionId);
    await expect(first.detail).toContainText('髙橋 美咲');
    const photo = workplace.personPage.getByTestId('application-attachment').first();
    await expect(photo).toBeVisible();
    const href = await photo.getAttribute('href');
    expect(href).toMatch(/^\/api\/files\/[0-9a-f]{64}/);
    // The photo was made smaller on the phone before it was sent.
    const file = await workplace.personPage.request.get(href!);
    expect(file.headers()['content-type']).toBe('image/jpeg');
    const size = jpegSize(await file.body());
    expect(size && Math.max(size.width, size.height)).toBeLessThanOrEqual(1600);
    await expectAccessible(workplace.personPage, '/approvals/:id at 200%');
    await first.act('approve', '確認しました。');

    // The branch officer acts at step 2; the workplace officer no longer can.
    await workplace.personPage.reload();
    await expect(workplace.personPage.getByTestId('application-no-actions')).toBeVisible();
    const second = new ApprovalsPage(page);
    await second.openInbox();
    await second.open(submissionId);
    await expect(page.getByTestId('application-history')).toContainText('確認しました。');
    await second.act('approve', '支部として承認します。');

    // The member's phone shows the decision and its history, with the comments.
    await expect(forms.status).toHaveAttribute('data-state', 'approved');
    const history = memberPage.getByTestId('submission-history');
    await expect(history).toContainText('確認しました。');
    await expect(history).toContainText('支部として承認します。');
    await expectAccessible(memberPage, '/submissions/:id approved at 200%');
  } finally {
    await phone.close();
    await workplace.context.close();
  }
});
