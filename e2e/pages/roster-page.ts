import { expect, type Locator, type Page } from '@playwright/test';

/** The roster import wizard: pick a file, read the dry run, apply. */
export class RosterPage {
  readonly report: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByTestId('import-report');
  }

  async open(): Promise<void> {
    await this.page.goto('/members/import');
    await expect(this.page.getByTestId('import-check')).toBeVisible();
  }

  async check(kind: 'members' | 'units', file: string): Promise<void> {
    await this.page.getByTestId('import-kind').locator(`input[value="${kind}"]`).check();
    await this.page.getByTestId('import-file').setInputFiles(file);
    await this.page.getByTestId('import-check').click();
    await expect(this.report).toBeVisible();
  }

  async apply(): Promise<void> {
    await this.page.getByTestId('import-apply').click();
    await expect(this.page.getByTestId('import-done')).toBeVisible();
  }
}
