import type { EventDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { qrDataUrl } from '../cards/index.ts';

/**
 * "My attendance QR": the rsvp's check-in code drawn on the device (no network
 * needed: the code is in the synced rsvp), large enough for a phone across a
 * reception desk; "checked in" once the server has recorded it.
 */
export function CheckinQr({ rsvp }: { rsvp: EventDoc }) {
  const { m } = useI18n();
  const t = m.meetings;
  const code = rsvp.checkinCode ?? null;
  const [src, setSrc] = useState<{ code: string; url: string } | null>(null);
  useEffect(() => {
    if (!code) return;
    let cancelled = false;
    void qrDataUrl(code).then((url) => {
      if (!cancelled) setSrc({ code, url });
    });
    return () => {
      cancelled = true;
    };
  }, [code]);
  return (
    <section className="stack" aria-labelledby="checkin-qr-title" data-testid="checkin-qr" data-present={rsvp.present ? 'true' : 'false'}>
      <h2 id="checkin-qr-title">{t.qrTitle}</h2>
      {rsvp.present ? (
        <p className="notice notice-success" role="status" data-testid="checkin-present">
          {t.present}
        </p>
      ) : null}
      {code ? (
        <>
          <p className="muted">{t.qrHint}</p>
          {src && src.code === code ? <img className="meeting-qr" src={src.url} alt={t.qrAlt} data-testid="checkin-qr-image" /> : null}
        </>
      ) : (
        <p>{t.qrNone}</p>
      )}
    </section>
  );
}
