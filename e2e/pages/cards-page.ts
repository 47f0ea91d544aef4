import { expect, type Locator, type Page } from '@playwright/test';

/** Issuing and printing login cards. */
export class CardsPage {
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId('login-card');
  }

  async open(): Promise<void> {
    await this.page.goto('/members/cards');
    await expect(this.page.getByTestId('cards-issue')).toBeVisible();
  }

  async issueForDefaultSelection(expected: number): Promise<void> {
    await expect(this.page.getByTestId('cards-member').and(this.page.locator(':checked'))).toHaveCount(expected);
    await this.page.getByTestId('cards-issue').click();
    await expect(this.cards).toHaveCount(expected);
  }

  /** The card for a member: its code and the activation URL its QR code holds. */
  async cardOf(name: string): Promise<{ code: string; url: string }> {
    const card = this.cards.filter({ hasText: name });
    return { code: (await card.getAttribute('data-code')) ?? '', url: (await card.getAttribute('data-activation-url')) ?? '' };
  }
}
