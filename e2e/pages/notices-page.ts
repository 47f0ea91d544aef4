import { expect, type Locator, type Page } from '@playwright/test';

/** The home feed, a notice, the editor and the read-rate view, in the words of a member or officer. */
export class NoticesPage {
  readonly feed: Locator;
  readonly items: Locator;
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.feed = page.getByTestId('notice-feed');
    this.items = page.getByTestId('notice-item');
    this.view = page.getByTestId('notice-view');
  }

  item(noticeId: string): Locator {
    return this.page.locator(`[data-testid="notice-item"][data-notice-id="${noticeId}"]`);
  }

  /** Writes and publishes a notice to the given units with attachments; returns the new notice's id. */
  async publish(notice: { title: string; body: string; category?: string; unitIds: string[]; files: { name: string; mimeType: string; buffer: Buffer }[] }): Promise<string> {
    await this.page.goto('/notices/new');
    await expect(this.page.getByTestId('notice-editor')).toBeVisible();
    await this.page.getByTestId('notice-title-input').fill(notice.title);
    await this.page.getByTestId('notice-body-input').fill(notice.body);
    if (notice.category) await this.page.getByTestId('notice-category-input').fill(notice.category);
    for (const unitId of notice.unitIds) await this.page.locator(`[data-testid="audience-unit"][data-unit-id="${unitId}"]`).check();
    if (notice.files.length > 0) {
      await this.page.getByTestId('notice-file-input').setInputFiles(notice.files);
      await expect(this.page.getByTestId('notice-attached-file')).toHaveCount(notice.files.length);
    }
    await this.page.getByTestId('notice-publish').click();
    await expect(this.page).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
    await expect(this.view).toBeVisible();
    return (await this.view.getAttribute('data-notice-id')) ?? '';
  }
}
