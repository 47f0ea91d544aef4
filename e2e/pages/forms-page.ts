import { expect, type Locator, type Page } from '@playwright/test';

/** A member's forms: the list, filling in a survey or an application, and their own submissions. */
export class FormsPage {
  readonly list: Locator;
  readonly editor: Locator;
  readonly submit: Locator;
  readonly confirmation: Locator;
  readonly submission: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('forms-list');
    this.editor = page.getByTestId('form-editor');
    this.submit = page.getByTestId('form-submit');
    this.confirmation = page.getByTestId('form-confirmation');
    this.submission = page.getByTestId('submission-page');
    this.status = page.getByTestId('submission-status');
  }

  /** Opens the list through the app's own link (works offline: the shell is precached). */
  async openList(): Promise<void> {
    await this.page.getByTestId('forms-link').first().click();
    await expect(this.list).toBeVisible();
  }

  item(formId: string): Locator {
    return this.list.locator(`[data-testid="form-item"][data-form-id="${formId}"]`);
  }

  async openForm(formId: string): Promise<void> {
    await this.item(formId).click();
    await expect(this.editor).toBeVisible();
  }

  field(id: string): Locator {
    return this.page.getByTestId(`form-field-${id}`);
  }

  input(id: string): Locator {
    return this.page.getByTestId(`form-input-${id}`);
  }

  option(fieldId: string, optionId: string): Locator {
    return this.page.getByTestId(`form-option-${fieldId}-${optionId}`);
  }

  async attach(fieldId: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId(`form-file-${fieldId}`).setInputFiles(file);
    await expect(this.field(fieldId).getByTestId('form-file-item')).toHaveCount(1);
  }

  /** Opens the submission just sent from the confirmation; returns its id. */
  async viewSubmission(): Promise<string> {
    await this.page.getByTestId('form-view-submission').click();
    await expect(this.submission).toBeVisible();
    const id = await this.submission.getAttribute('data-submission-id');
    if (!id) throw new Error('no submission id');
    return id;
  }
}
