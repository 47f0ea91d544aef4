import { expect, type Page } from '@playwright/test';

/** The first sign-in from a login card: greeting, new password, optional kiosk PIN. */
export class ActivatePage {
  constructor(readonly page: Page) {}

  /** Opens the card's URL (the code in the fragment) as scanning its QR code would. */
  async openCard(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async expectGreeting(name: string, employeeNumber: string): Promise<void> {
    const greeting = this.page.getByTestId('activate-greeting');
    await expect(greeting).toContainText(name);
    await expect(greeting).toContainText(employeeNumber);
  }

  async choosePassword(password: string, pin?: string): Promise<void> {
    await this.page.getByTestId('activate-password').fill(password);
    if (pin) await this.page.getByTestId('activate-pin').fill(pin);
    await this.page.getByTestId('activate-submit').click();
  }
}
