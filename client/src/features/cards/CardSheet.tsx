import './cards.css';
import type { ActivationCard } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { LoginCard } from './LoginCard.tsx';

/** The printable A4 sheet of login cards. The codes are shown once: print now. */
export function CardSheet({ cards }: { cards: ActivationCard[] }) {
  const { m } = useI18n();
  const origin = window.location.origin;
  return (
    <div className="stack card-sheet-wrap">
      <div className="notice stack no-print" role="status" data-testid="cards-issued">
        <p>{m.cards.printNow}</p>
        <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="cards-print">
          {m.cards.print}
        </button>
      </div>
      <div className="card-sheet" data-testid="card-sheet">
        {cards.map((card) => (
          <LoginCard key={card.memberId} card={card} origin={origin} />
        ))}
      </div>
    </div>
  );
}
