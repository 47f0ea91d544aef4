import { can, scopeRoots, type Actor, type ConsultationStats } from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { ConsultationsRepo } from './consultations-repo.ts';

/** Groups smaller than this are hidden. */
export const MIN_GROUP = 5;

/**
 * Counts of consultations, never content: per category × desk unit × month of
 * opening, for units in the actor's consultation.stats scope. A group under
 * MIN_GROUP is left out, its existence too (a group of one is itself news),
 * and nothing is ever summed over a left-out group: the API gives only the finest cells (no per-unit, per-category
 * or per-month totals it computed from all cases), and `shownTotal` adds the
 * shown cells only, so no subtraction of one published figure from another
 * reveals a left-out one. Months are never merged either: a range query returns
 * the same per-month cells.
 */
export function consultationStats(repo: ConsultationsRepo, actors: ActorRepo, actor: Actor, from: string, to: string): ConsultationStats {
  if (scopeRoots(actor, 'consultation.stats').length === 0) throw new AppError('forbidden', 403, 'Not allowed: consultation.stats');
  if (from > to) throw new AppError('validation_failed', 400, 'from is after to');
  const paths = new Map<string, string[]>();
  const inScope = (unitId: string) => {
    let path = paths.get(unitId);
    if (!path) paths.set(unitId, (path = actors.unitPath(unitId)));
    return can(actor, 'consultation.stats', { unitPath: path });
  };
  const cells = repo
    .counts(from, to)
    .filter((c) => inScope(c.unit_id))
    .filter((c) => c.n >= MIN_GROUP)
    .map((c) => ({ category: c.category, unitId: c.unit_id, month: c.month, count: c.n }));
  return { minGroup: MIN_GROUP, cells, shownTotal: cells.reduce((sum, c) => sum + c.count, 0) };
}
