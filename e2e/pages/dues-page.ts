import { expect, type Locator, type Page } from '@playwright/test';

/** The dues screens: the member's 組合費, and the treasurer's check-off import and arrears. */
export class DuesPage {
  readonly report: Locator;
  readonly verdict: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByTestId('checkoff-report');
    this.verdict = page.getByTestId('checkoff-verdict');
  }

  /** The member's own page, reached from マイページ. */
  async openMine(): Promise<void> {
    await this.page.goto('/me');
    await this.page.getByTestId('me-link-dues').click();
    await expect(this.page.getByTestId('my-dues')).toBeVisible();
  }

  month(month: string, account = 'general'): Locator {
    return this.page.getByTestId(`dues-month-${month}-${account}`);
  }

  /** From the home page's officer menu (会計). */
  async openFromMenu(id: 'dues-totals' | 'dues-checkoff' | 'dues-members' | 'dues-arrears' | 'dues-rules'): Promise<void> {
    await this.page.goto('/');
    await this.page.getByTestId(`menu-${id}`).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async dryRun(employer: string, file: { name: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('checkoff-employer').fill(employer);
    await this.page.getByTestId('checkoff-file').setInputFiles({ ...file, mimeType: 'text/csv' });
    await expect(this.page.getByTestId('checkoff-column-employeeNumber')).toBeVisible();
    await this.page.getByTestId('checkoff-dry-run').click();
    await expect(this.report).toBeVisible();
  }

  /** Corrects a reported row's employee number in the app; the dry run runs again. */
  async fixNumber(line: number, employeeNumber: string): Promise<void> {
    await this.page.getByTestId(`checkoff-fix-${line}`).click();
    const form = this.page.getByTestId(`checkoff-fix-form-${line}`);
    await form.getByTestId('checkoff-fix-number').fill(employeeNumber);
    await form.getByTestId('checkoff-fix-save').click();
  }

  async apply(): Promise<void> {
    await this.page.getByTestId('checkoff-apply').click();
    await expect(this.page.getByTestId('checkoff-applied')).toBeVisible();
  }
}
