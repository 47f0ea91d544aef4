import type { Actor, FieldResult, Figures, FormResults } from '@kumiai/shared';
import type { FormResultsService } from '../forms/index.ts';
import type { FederationRepo } from './federation-repo.ts';

/**
 * A shared survey's totals as they go upward: per choice, scale or number
 * field, the count for each option or value. Free-text and date answers and
 * file fields are left out (they can name people), and so are the per-unit
 * rates (a small workplace's answers could point at a person).
 */
export function surveyTotals(title: string, results: FormResults): Figures['surveys'][number] {
  const fields: Figures['surveys'][number]['fields'] = [];
  for (const result of results.results ?? []) {
    const field = results.fields.find((f) => f.id === result.field);
    const label = field?.label.ja ?? result.field;
    const counts = countsOf(result, (id) => field?.options?.find((o) => o.id === id)?.label.ja ?? id);
    if (counts) fields.push({ label, counts });
  }
  return { title, audienceSize: results.audienceSize, answered: results.answered, fields };
}

function countsOf(result: FieldResult, optionLabel: (id: string) => string): { option: string; count: number }[] | null {
  if ('counts' in result) return result.counts.map((c) => ({ option: optionLabel(c.option), count: c.count }));
  if ('distribution' in result) return result.distribution.map((d) => ({ option: String(d.value), count: d.count }));
  return null;
}

/** The participation survey's field and its 参加する option (federation-link.ts creates the survey). */
export const PARTICIPATION_FIELD = 'take_part';
export const TAKE_PART = 'yes';

/** A unified action's participants: the count an officer typed (a paper tally) wins; else the survey's 参加する answers. */
export function participants(row: { participation: number | null; participation_form: string | null }, formResults: FormResultsService): number {
  if (row.participation !== null) return row.participation;
  return row.participation_form ? formResults.optionCount(row.participation_form, PARTICIPATION_FIELD, TAKE_PART) : 0;
}

/** The agreed figures, read now: membership counts, the shared surveys' totals (as the admin who agreed to the link sees them), actions' participation. */
export function agreedFigures(repo: FederationRepo, formResults: FormResultsService, agreedBy: Actor | null, sharedForms: readonly string[]): Figures {
  const surveys: Figures['surveys'] = [];
  if (agreedBy) {
    for (const id of sharedForms) {
      const results = formResults.results(agreedBy, id);
      if (results.kind === 'survey') surveys.push(surveyTotals(results.title, results));
    }
  }
  return { membership: repo.membership(), surveys, actions: repo.participation().map((r) => ({ itemId: r.id, participants: participants(r, formResults) })) };
}
