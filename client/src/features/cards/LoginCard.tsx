import type { ActivationCard } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { cardsEn, cardsJa } from './messages.ts';
import { format } from '../../i18n/format.ts';
import { qrDataUrl } from './qr.ts';
import { formatDate } from '../../ui/dates.ts';

/**
 * One printed login card. Its instructions are in Japanese and English
 * whatever the officer's language: the card is for the member.
 */
export function LoginCard({ card, origin }: { card: ActivationCard; origin: string }) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrDataUrl(card.url).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [card.url]);
  // The card is for the member whatever the officer's language: one date, as Japanese writes it.
  const expires = formatDate(card.expiresAt, 'ja');
  return (
    <article className="login-card" data-testid="login-card" data-code={card.code} data-activation-url={card.url} aria-label={card.name}>
      <div className="login-card-head">
        <p className="login-card-name">{card.name}</p>
        <p>
          {cardsJa.employeeNumber} / {cardsEn.employeeNumber}: <strong>{card.employeeNumber}</strong>
        </p>
        <p>{card.unitName}</p>
      </div>
      <div className="login-card-body">
        {qr ? <img className="login-card-qr" src={qr} alt={`${cardsJa.qrAlt} / ${cardsEn.qrAlt}`} data-testid="login-card-qr" /> : <span className="login-card-qr" />}
        <div className="login-card-codes">
          <p className="login-card-code" data-testid="login-card-code">
            {card.code}
          </p>
          <p className="login-card-url">{origin}</p>
        </div>
      </div>
      <p className="login-card-instructions" lang="ja">{format(cardsJa.instructions, { url: origin, date: expires })}</p>
      <p className="login-card-instructions" lang="en">{format(cardsEn.instructions, { url: origin, date: expires })}</p>
    </article>
  );
}
