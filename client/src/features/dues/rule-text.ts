import type { DuesFormula } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import type { Lang, Messages } from '../../i18n/types.ts';
import { formatYen } from './yen.ts';

/** A rule's formula in words: 月額 2,000円 / 基本給の 18/1000（下限 1,000円、上限 5,000円、10円未満切り捨て）. */
export function formulaText(formula: DuesFormula, m: Messages, lang: Lang): string {
  const t = m.duesOfficer;
  if (formula.kind === 'flat') return format(t.ruleFlat, { amount: formatYen(formula.amount, lang) });
  return format(t.ruleRate, {
    numerator: formula.numerator,
    denominator: formula.denominator,
    floor: formula.floor === undefined ? t.ruleNoLimit : formatYen(formula.floor, lang),
    cap: formula.cap === undefined ? t.ruleNoLimit : formatYen(formula.cap, lang),
    rounding: format(t.rounding[formula.rounding.mode], { unit: formula.rounding.unit }),
  });
}

/** A whole number of yen typed in a field ('2,000', '２０００' allowed), or null. */
export function parseYenInput(text: string): number | null {
  const plain = text.normalize('NFKC').replace(/[,\s¥円]/g, '');
  if (!/^\d{1,9}$/.test(plain)) return null;
  return Number(plain);
}
