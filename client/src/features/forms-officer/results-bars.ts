import { localized, type FieldResult, type FormField } from '@kumiai/shared';
import type { Lang } from '../../i18n/types.ts';

/** One bar of a results chart: `key` goes into its test id, `pct` (0–100, whole) sets its length. */
export interface Bar {
  key: string;
  label: string;
  count: number;
  pct: number;
}

/** A whole percentage of `part` in `whole`; 0 when there is nothing to divide by. */
export function percent(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

export function percentText(part: number, whole: number): string {
  return `${percent(part, whole)}%`;
}

type ChoiceResult = Extract<FieldResult, { counts: unknown }>;
type DistributionResult = Extract<FieldResult, { distribution: unknown }>;

/**
 * Bars for a choice or yes/no field, as shares of those who answered it (a
 * multiple-choice field's shares may add up to more than 100). The form's
 * options come first in their order, zero counts included; options only an
 * earlier version had follow with their id as label.
 */
export function choiceBars(result: ChoiceResult, field: FormField | undefined, lang: Lang, yesNo: { yes: string; no: string }): Bar[] {
  const counts = new Map(result.counts.map((c) => [c.option, c.count]));
  const bar = (key: string, label: string): Bar => ({ key, label, count: counts.get(key) ?? 0, pct: percent(counts.get(key) ?? 0, result.answered) });
  let bars: Bar[];
  if (result.type === 'yes_no') {
    // Counted as 'true'/'false'; 'yes'/'no' is taken too, should the server name them so.
    const named = counts.has('yes') || counts.has('no');
    bars = [bar(named ? 'yes' : 'true', yesNo.yes), bar(named ? 'no' : 'false', yesNo.no)];
  } else {
    bars = (field?.options ?? []).map((o) => bar(o.id, localized(o.label, lang)));
  }
  for (const c of result.counts) if (!bars.some((b) => b.key === c.option)) bars.push(bar(c.option, c.option));
  return bars;
}

/** Bars per value of a scale or number field, lowest first, as shares of those who answered it. */
export function distributionBars(result: DistributionResult): Bar[] {
  return [...result.distribution].sort((a, b) => a.value - b.value).map((d) => ({ key: String(d.value), label: String(d.value), count: d.count, pct: percent(d.count, result.answered) }));
}

/** A mean for display: one decimal, in the member's language; '–' when there is none. */
export function formatMean(mean: number | null, lang: Lang): string {
  if (mean === null || !Number.isFinite(mean)) return '–';
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 1 }).format(mean);
}
