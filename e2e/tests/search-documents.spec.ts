import type { Page } from '@playwright/test';
import { japanesePdf } from '../../server/test/japanese-pdf.ts';
import { AppShell } from '../pages/app-shell.ts';
import { seriousViolations } from '../support/a11y.ts';
import { expect, test } from '../support/fixtures.ts';
import { originOf } from '../support/identity.ts';
import { otherMemberOnPhone, unitIdOf } from '../support/notices.ts';
import { expectUpToDate, memberOnPhone, unionWithRoster } from '../support/sync.ts';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await seriousViolations(page), screen).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function search(page: Page, q: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('search-link').click();
  await page.getByLabel('探す言葉').fill(q);
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-outcome')).toBeVisible();
}

test('an officer adds a document whose PDF alone holds 賃金; a member of its workplace finds it by search, another workplace does not; axe on search, documents and a document at 390 px and 200%', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const a1 = await unitIdOf(page, server, 'A1');
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  const other = await otherMemberOnPhone(browser, page, server);
  try {
    // The admin adds a document for 本社分会 through the form; the word is only inside the PDF.
    await page.goto('/documents');
    await page.getByTestId('documents-add').click();
    await expect(page.getByTestId('document-folder').locator('option')).not.toHaveCount(0);
    await page.getByTestId('document-title-input').fill('春闘の回答書');
    await page.getByTestId('document-description-input').fill('会社からの回答です。');
    await page.locator(`[data-testid="audience-unit"][data-unit-id="${a1}"]`).check();
    await page.getByTestId('document-keep-offline').check();
    await page.getByTestId('document-file').setInputFiles({ name: '回答書.pdf', mimeType: 'application/pdf', buffer: japanesePdf('今年の賃金についての回答') });
    await expect(page.getByTestId('document-file-done')).toContainText('回答書.pdf');
    await page.getByTestId('document-save').click();
    const view = page.getByTestId('document-view');
    await expect(view).toBeVisible();
    const documentId = (await view.getAttribute('data-document-id')) ?? '';
    expect(documentId).not.toBe('');
    await expect(page.getByTestId('document-current')).toHaveAttribute('data-version', '1');

    // The member of 本社分会 finds it by the two-character word inside the PDF.
    const shell = new AppShell(memberPage);
    await shell.setFontScale(200);
    await search(memberPage, '賃金');
    await expect(memberPage.getByTestId('search-outcome')).toHaveAttribute('data-offline', 'false');
    const hit = memberPage.locator(`[data-testid="search-hit"][data-id="${documentId}"]`);
    await expect(hit).toBeVisible();
    await expect(hit).toContainText('春闘の回答書');
    await expect(hit).toContainText('賃金');
    await expectAccessible(memberPage, 'search with results');

    // The hit opens the document, which the library lists too.
    await hit.click();
    await expect(memberPage.getByTestId('document-view')).toContainText('会社からの回答です。');
    await expect(memberPage.getByTestId('notice-attachment-link')).toBeVisible();
    await expectAccessible(memberPage, 'document view');
    await memberPage.goto('/documents');
    await expect(memberPage.locator(`[data-testid="document-item"][data-document-id="${documentId}"]`)).toBeVisible();
    await expectAccessible(memberPage, 'documents');

    // Offline, the search runs on the device (titles and descriptions) and says so.
    await expectUpToDate(shell);
    await memberPage.goto('/search');
    await phone.setOffline(true);
    await memberPage.getByLabel('探す言葉').fill('回答書');
    await memberPage.getByTestId('search-submit').click();
    await expect(memberPage.getByTestId('search-offline')).toBeVisible();
    await expect(memberPage.locator(`[data-testid="search-hit"][data-id="${documentId}"]`)).toBeVisible();
    await phone.setOffline(false);

    // The member of 品川職場 finds nothing: the document is not theirs to read.
    await search(other.memberPage, '賃金');
    await expect(other.memberPage.getByTestId('search-none')).toBeVisible();
    await expect(other.memberPage.getByTestId('search-hit')).toHaveCount(0);
  } finally {
    await phone.close();
    await other.phone.close();
  }
});

test('a member comments and reacts on a notice; another reader sees it; an officer hides it; axe on a notice with comments at 390 px and 200%', async ({ page, server, browser }) => {
  await unionWithRoster(page, server);
  const created = await page.request.post(`${server.url}/api/notices`, {
    headers: originOf(server),
    data: { title: '職場集会のご案内', body: 'ご意見をどうぞ。', pinned: false, allowComments: true, audience: { all: true, units: [], roles: [], members: [] } },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const { phone, memberPage } = await memberOnPhone(browser, page, server);
  try {
    const shell = new AppShell(memberPage);
    await shell.setFontScale(200);
    await memberPage.goto(`/notices/${id}`);
    await memberPage.getByLabel('コメントを書く').fill('参加します');
    await memberPage.getByTestId('comment-send').click();
    const mine = memberPage.getByTestId('comment').filter({ hasText: '参加します' });
    await expect(mine).toBeVisible();
    await expect(mine).toHaveAttribute('data-waiting', 'false');
    const like = memberPage.locator('[data-testid="reaction"][data-emoji="👍"]');
    await like.click();
    await expect(like).toHaveAttribute('aria-pressed', 'true');
    await expect(like).toHaveAttribute('data-count', '1');
    await expectUpToDate(shell);
    await expectAccessible(memberPage, 'notice with comments');

    // The officer (another reader) sees the comment and the reaction, and hides the comment.
    await page.goto(`/notices/${id}`);
    const seen = page.getByTestId('comment').filter({ hasText: '参加します' });
    await expect(seen).toBeVisible();
    await expect(page.locator('[data-testid="reaction"][data-emoji="👍"]')).toHaveAttribute('data-count', '1');
    await seen.getByTestId('comment-hide').click();
    await expect(page.locator('[data-testid="comment"][data-hidden="true"]')).toContainText('非表示にされました');
    await expect(memberPage.locator('[data-testid="comment"][data-hidden="true"]')).toContainText('非表示にされました');
    await expect(memberPage.getByTestId('notice-comments')).not.toContainText('参加します');
  } finally {
    await phone.close();
  }
});
