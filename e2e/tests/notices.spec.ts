import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { NoticesPage } from '../pages/notices-page.ts';
import { seriousViolations } from '../support/a11y.ts';
import { readDeviceData, traces } from '../support/device-data.ts';
import { expect, test } from '../support/fixtures.ts';
import { originOf } from '../support/identity.ts';
import { otherMemberOnPhone, PDF, unitIdOf } from '../support/notices.ts';
import { expectUpToDate, MEMBER_A, memberOnPhone, unionWithRoster } from '../support/sync.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('an officer publishes a notice with a PDF to one workplace; its member reads it offline; the read reaches the read-rate view; another workplace never gets it', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const a1 = await unitIdOf(page, server, 'A1');
  const { phone, memberPage, card } = await memberOnPhone(browser, page, server);
  const other = await otherMemberOnPhone(browser, page, server);
  try {
    // The admin (an officer of the whole union) writes to 本社分会 only, with a PDF.
    const officer = new NoticesPage(page);
    const noticeId = await officer.publish({
      title: '春闘の回答について',
      body: '## 回答\n\n会社から**回答**がありました。資料を見てください。',
      category: '賃金',
      unitIds: [a1],
      files: [{ name: '回答書.pdf', mimeType: 'application/pdf', buffer: PDF }],
    });

    // The member of 本社分会 sees it in the feed, unread, with its attachment.
    const shell = new AppShell(memberPage);
    const member = new NoticesPage(memberPage);
    await shell.waitForServiceWorker();
    await memberPage.goto('/');
    await expect(member.item(noticeId)).toBeVisible();
    await expect(member.item(noticeId)).toHaveAttribute('data-unread', 'true');
    await expect(member.item(noticeId)).toContainText('春闘の回答について');
    await expect(member.item(noticeId)).toContainText('賃金');
    await expectUpToDate(shell);
    // Its PDF is kept on the device for offline reading.
    await expect
      .poll(async () => (await readDeviceData(memberPage)).caches.find((c) => c.name === `kumiai-files-${card.memberId}`)?.urls.length ?? 0)
      .toBe(1);

    // The network goes away; the member opens the notice and its PDF.
    await phone.setOffline(true);
    await expect(shell.syncStatus).toHaveAttribute('data-phase', 'offline');
    await member.item(noticeId).click();
    await expect(member.view).toContainText('会社から回答がありました。');
    const link = memberPage.getByTestId('notice-attachment-link');
    await expect(memberPage.getByTestId('notice-attachment')).toHaveAttribute('data-cached', 'true');
    await expect(link).toHaveAttribute('href', /^blob:/);
    // The link opens the device's copy (the app's CSP keeps pages from fetching blob: URLs, so the bytes are read from the cache).
    const head = await memberPage.evaluate(async (name) => {
      const cache = await caches.open(name);
      const [request] = await cache.keys();
      const response = request ? await cache.match(request) : undefined;
      return response ? new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)) : null;
    }, `kumiai-files-${card.memberId}`);
    expect(head).toBe('%PDF-');
    const href = (await link.getAttribute('href')) ?? '';
    const [popup] = await Promise.all([memberPage.waitForEvent('popup'), link.click()]);
    expect(popup.url()).toBe(href);
    await popup.close();
    // The read waits on the device.
    await expect(shell.syncStatus).toHaveAttribute('data-pending', '1');
    await memberPage.getByRole('link', { name: 'お知らせ一覧へ戻る' }).click();
    await expect(member.item(noticeId)).toHaveAttribute('data-unread', 'false');

    // Back online: the read is sent, and the officer's read-rate view shows it.
    await phone.setOffline(false);
    await expectUpToDate(shell);
    await page.goto(`/notices/${noticeId}`);
    await page.getByTestId('notice-read-rate-link').click();
    const total = page.getByTestId('read-rate-total');
    await expect(async () => {
      await page.getByTestId('read-rate-refresh').click();
      await expect(total).toHaveAttribute('data-read', '1', { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await expect(total).toHaveAttribute('data-total', '2');
    await expect(page.getByTestId('read-rate-unit')).toContainText('本社分会');
    await expect(page.getByTestId('read-rate-unread')).not.toContainText(MEMBER_A.name);
    await expect(page.getByTestId('read-rate-unread')).toContainText('200002');

    // The member of 品川職場 never receives it: not in the feed, nowhere on the device.
    const otherShell = new AppShell(other.memberPage);
    await other.memberPage.goto('/');
    await expectUpToDate(otherShell);
    await expect(other.memberPage.getByTestId('notice-feed-empty')).toBeVisible();
    expect(traces(await readDeviceData(other.memberPage), [noticeId])).toEqual([]);
    const file = await other.memberPage.request.get(`${server.url}/api/files/${createHash('sha256').update(PDF).digest('hex')}`);
    expect(file.status()).toBe(404);
    const own = await memberPage.request.get(`${server.url}/api/files/${createHash('sha256').update(PDF).digest('hex')}`);
    expect(own.status()).toBe(200);
  } finally {
    await phone.close();
    await other.phone.close();
  }
});

test('a notice body with <script> and javascript: links renders inert; axe on the feed, notice, editor and read rate at 390 px and 200%', async ({ page, server }) => {
  await unionWithRoster(page, server);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const created = await page.request.post(`${server.url}/api/notices`, {
    headers: originOf(server),
    data: {
      title: '安全のお知らせ',
      body: '<script>alert(1)</script>\n\n[x](javascript:alert(1)) と [組合サイト](https://example.org) <img src=x onerror=alert(1)>',
      category: '安全衛生',
      pinned: true,
      audience: { all: true, units: [], roles: [], members: [] },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const shell = new AppShell(page);
  await shell.setFontScale(200);
  const notices = new NoticesPage(page);
  await page.goto('/');
  await expect(notices.item(id)).toBeVisible();
  await expectAccessible(page, 'feed');

  await notices.item(id).click();
  const body = page.getByTestId('notice-body');
  await expect(body).toContainText('組合サイト');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await body.locator('script, img, [onerror]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  await expect(body.getByText('x', { exact: true })).toBeVisible();
  await expect(body.getByRole('link', { name: '組合サイト' })).toHaveAttribute('href', 'https://example.org');
  expect(dialogs).toEqual([]);
  await expectAccessible(page, 'notice view');

  await page.getByTestId('notice-read-rate-link').click();
  await expect(page.getByTestId('read-rate-total')).toBeVisible();
  await expectAccessible(page, 'read rate');

  await page.goto('/notices/new');
  await expect(page.getByTestId('notice-editor')).toBeVisible();
  await expectAccessible(page, 'editor');
  await page.getByTestId('notice-body-input').fill('[y](javascript:alert(2))');
  await page.getByTestId('notice-tab-preview').click();
  await expect(page.getByRole('tab', { name: 'プレビュー' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('y');
  // Tabs (react-aria): the arrow keys move between 書く and プレビュー.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: '書く' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('notice-body-input')).toHaveValue('[y](javascript:alert(2))');
  await page.getByTestId('notice-tab-preview').click();
  await expect(page.getByTestId('notice-preview')).toContainText('y');
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  await expectAccessible(page, 'editor preview');
  // Publishing with nobody chosen says so, and a refused upload shows a translated error.
  await page.getByTestId('notice-title-input').fill('テスト');
  await page.getByTestId('notice-publish').click();
  await expect(page.getByTestId('notice-audience-error')).toBeVisible();
  await page.getByTestId('notice-tab-write').click();
  await page.getByTestId('notice-file-input').setInputFiles({ name: 'evil.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
  await expect(page.getByTestId('notice-upload-error')).toHaveAttribute('data-code', 'unsupported_file_type');
  await expectAccessible(page, 'editor with errors');
});

test('an officer edits a published notice (the member sees the new title, the history lists both versions), reminds the unread and adds a documents folder', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const a1 = await unitIdOf(page, server, 'A1');
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const officer = new NoticesPage(page);
    const noticeId = await officer.publish({ title: '職場集会のお知らせ', body: '金曜日に集会があります。', unitIds: [a1], files: [] });
    const member = new NoticesPage(memberPage);
    await memberPage.goto('/');
    await expect(member.item(noticeId)).toContainText('職場集会のお知らせ');

    // The officer edits it from the notice view; the editor comes prefilled.
    await page.getByTestId('notice-edit-link').click();
    await expect(page).toHaveURL(new RegExp(`/notices/${noticeId}/edit$`));
    const titleInput = page.getByTestId('notice-title-input');
    await expect(titleInput).toHaveValue('職場集会のお知らせ');
    await expect(page.getByTestId('notice-body-input')).toHaveValue('金曜日に集会があります。');
    await expect(page.locator(`[data-testid="audience-unit"][data-unit-id="${a1}"]`)).toBeChecked();
    await titleInput.fill('職場集会のお知らせ(場所変更)');
    await page.getByTestId('notice-publish').click();
    await expect(page).toHaveURL(new RegExp(`/notices/${noticeId}$`));
    await expect(page.getByTestId('notice-history-version')).toHaveCount(2);
    await expect(page.getByTestId('notice-history-version').first()).toContainText('職場集会のお知らせ(場所変更)');

    // The member's feed shows the new title.
    await expect(member.item(noticeId)).toContainText('職場集会のお知らせ(場所変更)');

    // The reminder reports how many members it reached (none have a push subscription here).
    await page.getByTestId('notice-read-rate-link').click();
    await page.getByTestId('read-rate-remind').click();
    await expect(page.getByTestId('read-rate-reminded')).toHaveAttribute('data-members', /^[0-9]+$/);
    await expect(page.getByTestId('read-rate-reminded')).toContainText('人に通知を送りました');

    // The officer adds a folder to the documents library; it arrives through sync.
    await page.goto('/documents');
    await page.getByTestId('folder-name-input').fill('執行委員会資料');
    await page.getByTestId('folder-add').click();
    await expect(page.getByTestId('folder-added')).toContainText('執行委員会資料');
    await expect(page.getByTestId('documents-folder').filter({ hasText: '執行委員会資料' })).toBeVisible();
  } finally {
    await phone.close();
  }
});
