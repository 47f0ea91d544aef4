import type { ActivationCard } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CardSheet } from './CardSheet.tsx';
import { ChooseMembers } from './ChooseMembers.tsx';

export function CardsPage() {
  const { m } = useI18n();
  useDocumentTitle(m.cards.title);
  const [cards, setCards] = useState<ActivationCard[] | null>(null);
  return (
    <section className="card stack" aria-labelledby="cards-title" data-testid="cards">
      <h1 id="cards-title" className="no-print">
        {m.cards.title}
      </h1>
      {cards ? (
        <>
          <CardSheet cards={cards} />
          <button type="button" className="button no-print" onClick={() => setCards(null)}>
            {m.cards.again}
          </button>
        </>
      ) : (
        <ChooseMembers onIssued={setCards} />
      )}
    </section>
  );
}
