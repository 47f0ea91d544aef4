import { expect, type Locator, type Page } from '@playwright/test';

/** The first-run setup screen opened from the link the server prints. */
export class SetupPage {
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.message = page.getByTestId('setup-message');
  }

  async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  async complete(input: { union: string; employeeNumber: string; name: string; password: string }): Promise<void> {
    await this.page.getByTestId('setup-union-name').fill(input.union);
    await this.page.getByTestId('setup-employee-number').fill(input.employeeNumber);
    await this.page.getByTestId('setup-name').fill(input.name);
    await this.page.getByTestId('setup-password').fill(input.password);
    await this.page.getByTestId('setup-submit').click();
  }

  async expectRefused(state: 'used' | 'expired' | 'invalid' | 'done'): Promise<void> {
    await expect(this.message).toBeVisible();
    await expect(this.message).toHaveAttribute('data-state', state);
    await expect(this.page.getByTestId('setup-submit')).toHaveCount(0);
  }
}
