import type { Me } from '@kumiai/shared';
import type { HomeCard } from '../../lib/feature-module.ts';
import { featureModules } from '../index.ts';

/** The home cards the modules declare that this member sees, by their `order`, then in module order: the officer's and the member's. */
export function homeCardsFor(me: Me): { officer: HomeCard[]; member: HomeCard[] } {
  // Read at call time: the module list imports the home page.
  const cards = featureModules
    .flatMap((module): readonly HomeCard[] => module.homeCards ?? [])
    .filter((card) => card.visible?.(me) ?? true)
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
  return { officer: cards.filter((c) => c.audience === 'officer'), member: cards.filter((c) => c.audience !== 'officer') };
}
