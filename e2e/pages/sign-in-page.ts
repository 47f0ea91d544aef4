import { expect, type Page } from '@playwright/test';

/** The personal sign-in screen: employee number and password. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.page.getByTestId('sign-in-submit')).toBeVisible();
  }

  async signIn(employeeNumber: string, password: string): Promise<void> {
    await this.page.getByTestId('sign-in-employee-number').fill(employeeNumber);
    await this.page.getByTestId('sign-in-password').fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }

  async expectSignedIn(name: string): Promise<void> {
    await expect(this.page.getByTestId('home-member')).toContainText(name);
  }
}
