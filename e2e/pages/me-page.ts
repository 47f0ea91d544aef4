import { expect, type Locator, type Page } from '@playwright/test';

/** The member's own page: their record, contact details (synced), refused changes, sign-out. */
export class MePage {
  readonly phone: Locator;
  readonly email: Locator;
  readonly pendingNote: Locator;
  readonly rejections: Locator;

  constructor(readonly page: Page) {
    this.phone = page.getByTestId('profile-phone');
    this.email = page.getByTestId('profile-email');
    this.pendingNote = page.getByTestId('profile-pending');
    this.rejections = page.getByTestId('rejection');
  }

  /** Opens /me and waits until the member's record is read from the device database. */
  async open(): Promise<void> {
    await this.page.goto('/me');
    await expect(this.phone).toBeVisible();
  }

  async changePhone(phone: string): Promise<void> {
    await this.phone.fill(phone);
    await this.page.getByTestId('profile-save').click();
    await expect(this.page.getByTestId('profile-saved')).toBeVisible();
  }
}
