import type { Me } from '@kumiai/shared';
import type { HomeCard } from '../../lib/feature-module.ts';
import { featureModules } from '../index.ts';

/** The home cards the modules declare that this member sees, in module order: the officer's and the member's. */
export function homeCardsFor(me: Me): { officer: HomeCard[]; member: HomeCard[] } {
  // Read at call time: the module list imports the home page.
  const cards = featureModules.flatMap((module): readonly HomeCard[] => module.homeCards ?? []).filter((card) => card.visible?.(me) ?? true);
  return { officer: cards.filter((c) => c.audience === 'officer'), member: cards.filter((c) => c.audience !== 'officer') };
}
