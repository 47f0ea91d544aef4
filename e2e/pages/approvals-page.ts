import { expect, type Locator, type Page } from '@playwright/test';

/** An officer's approval inbox and an application's detail. */
export class ApprovalsPage {
  readonly inbox: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.inbox = page.getByTestId('approval-inbox');
    this.detail = page.getByTestId('application-detail');
  }

  async openInbox(): Promise<void> {
    await this.page.goto('/approvals');
    await expect(this.inbox).toBeVisible();
  }

  row(id: string): Locator {
    return this.page.getByTestId(`application-row-${id}`);
  }

  async open(id: string): Promise<void> {
    await this.row(id).click();
    await expect(this.detail).toBeVisible();
  }

  /** Approves (or returns, or records payment) with a comment, and waits until the server's answer is on screen. */
  async act(action: 'approve' | 'return' | 'pay', comment: string): Promise<void> {
    await this.page.getByTestId('application-comment').fill(comment);
    await this.page.getByTestId(`application-action-${action}`).click();
    await expect(this.page.getByTestId('application-action-done')).toHaveAttribute('data-action', action);
  }
}
