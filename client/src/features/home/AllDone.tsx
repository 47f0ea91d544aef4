import { useI18n } from '../../i18n/use-i18n.ts';
import type { HomeCard } from '../../lib/feature-module.ts';

/** "All done": shown when every member card that counts what it lists answers 0 (nothing new, nothing asked). */
export function AllDone({ cards }: { cards: readonly HomeCard[] }) {
  const { m } = useI18n();
  const hooks = cards.flatMap((card) => (card.useCount ? [card.useCount] : []));
  // The cards are fixed for this component (HomePage keys it by their ids), so the hooks run in one order on every render.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  const counts = hooks.map((useCount) => useCount());
  if (hooks.length === 0 || counts.some((n) => n !== 0)) return null;
  return (
    <p className="all-done">
      <span aria-hidden="true">✓ </span>
      {m.home.allDone}
    </p>
  );
}
