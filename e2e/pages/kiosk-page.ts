import { expect, type Page } from '@playwright/test';

/** A workplace's shared tablet: registration, PIN sign-in, one-tap and idle sign-out. */
export class KioskPage {
  constructor(readonly page: Page) {}

  async register(workplace: string, name: string): Promise<void> {
    await this.page.goto('/kiosk/register');
    const select = this.page.getByTestId('kiosk-unit');
    const value = await select.locator('option', { hasText: workplace }).first().getAttribute('value');
    await select.selectOption(value ?? '');
    await this.page.getByTestId('kiosk-name').fill(name);
    await this.page.getByTestId('kiosk-register-submit').click();
  }

  async expectSignInScreen(workplace: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/kiosk$/);
    await expect(this.page.getByTestId('kiosk-workplace')).toHaveText(workplace);
    await expect(this.page.getByTestId('kiosk-sign-out')).toHaveCount(0);
  }

  async signIn(employeeNumber: string, pin: string): Promise<void> {
    await this.page.getByTestId('kiosk-employee-number').fill(employeeNumber);
    await this.page.getByTestId('kiosk-pin').fill(pin);
    await this.page.getByTestId('kiosk-submit').click();
    await expect(this.page.getByTestId('kiosk-sign-out')).toBeVisible();
  }
}
