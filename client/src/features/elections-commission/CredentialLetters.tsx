import { useEffect, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { qrDataUrl } from '../cards/index.ts';
import { voteLink, type Letter } from './credential-authority-device.ts';

/** One sealed-envelope letter: name, unit, the credential, and the link (credential in the fragment) as text and QR. */
function CredentialLetter({ letter, electionId, electionTitle }: { letter: Letter; electionId: string; electionTitle: string }) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const link = voteLink(window.location.origin, electionId, letter.secret);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrDataUrl(link).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [link]);
  return (
    <article className="credential-letter stack" data-testid="credential-letter" data-member={letter.memberId} aria-label={letter.name}>
      <p>
        <strong>{t.letterTitle}</strong>
      </p>
      <p className="election-wrap">{electionTitle}</p>
      <p>
        {format(t.letterFor, { name: letter.name })} · {letter.unitPath.join(' › ')}
      </p>
      <p>{t.letterHow}</p>
      {qr ? <img className="credential-letter-qr" src={qr} alt={t.letterQr} /> : null}
      <p>
        {t.letterKey}: <strong className="credential-letter-key" data-testid="credential-letter-key">{letter.secret}</strong>
      </p>
      <p className="credential-letter-link">
        {t.letterLink}: {link}
      </p>
    </article>
  );
}

/** The printable sheet: one letter per page, for the commission to seal in envelopes and hand out. */
export function CredentialLetters({ letters, electionId, electionTitle }: { letters: readonly Letter[]; electionId: string; electionTitle: string }) {
  return (
    <div className="credential-letters stack" data-testid="credential-letters">
      {letters.map((l) => (
        <CredentialLetter key={l.memberId} letter={l} electionId={electionId} electionTitle={electionTitle} />
      ))}
    </div>
  );
}
