import fs from 'node:fs';
import { CardsPage } from '../pages/cards-page.ts';
import { expect, test } from '../support/fixtures.ts';
import { importCsv, setupAdmin, UNITS_CSV } from '../support/identity.ts';

/** The designed sheet: 2 × 5 cards on an A4 page. */
const CARDS_PER_PAGE = 10;
/** A full page: with 8 to a page (the defect) they take two. */
const MEMBERS = 10;

/** A roster of 10 with long names, so the cards are printed as full as real ones get. */
function roster(): string {
  const rows = Array.from({ length: MEMBERS }, (_, i) => `${400001 + i},長谷川 真由美子${i},ハセガワ マユミコ,A${(i % 2) + 1}`);
  return ['社員番号,氏名,フリガナ,所属', ...rows].join('\r\n');
}

interface Overflow {
  card: number;
  lang: string;
  text: string;
}

test('printed login cards: every line of the Japanese and English instructions lies inside its card, and an A4 page holds 10 cards', async ({ page, server }, testInfo) => {
  await setupAdmin(page.request, server);
  await importCsv(page.request, server, 'units', UNITS_CSV);
  const csv = testInfo.outputPath('roster.csv');
  fs.writeFileSync(csv, roster());
  await importCsv(page.request, server, 'members', csv);

  const cards = new CardsPage(page);
  await cards.open();
  await cards.issueForDefaultSelection(MEMBERS);
  await expect(page.getByTestId('login-card-qr')).toHaveCount(MEMBERS);

  // Laid out as on paper: every line box of the instructions (and the rest of the card) inside the card's border.
  await page.emulateMedia({ media: 'print' });
  const outside = await page.getByTestId('login-card').evaluateAll((list) => {
    const found: Overflow[] = [];
    list.forEach((card, index) => {
      const box = card.getBoundingClientRect();
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || !node.textContent?.trim() || getComputedStyle(element).display === 'none') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of Array.from<DOMRect>(range.getClientRects())) {
          if (line.top < box.top || line.bottom > box.bottom || line.left < box.left || line.right > box.right) {
            found.push({ card: index, lang: element.closest('[lang]')?.getAttribute('lang') ?? '', text: node.textContent.slice(0, 40) });
          }
        }
      }
    });
    return found;
  });
  expect(outside).toEqual([]);
  // Both languages' instructions are on every card, with the expiry date.
  const instructions = page.getByTestId('login-card').first().locator('[lang]');
  await expect(instructions.and(page.locator('[lang="ja"]'))).toContainText('有効期限');
  await expect(instructions.and(page.locator('[lang="en"]'))).toContainText('Valid until');
  await expect(instructions.and(page.locator('[lang="en"]'))).toBeVisible();

  // Chromium's own print to PDF: the 10 cards fill one A4 page.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?!s)/g)].length;
  expect(pages).toBe(MEMBERS / CARDS_PER_PAGE);
  const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  // A4 in points (210 × 297 mm).
  expect(Number(mediaBox?.[1])).toBeCloseTo(595.3, 0);
  expect(Number(mediaBox?.[2])).toBeCloseTo(841.9, 0);
});
