import type { ElectionDetail, RollEntry } from '@kumiai/shared';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { pickText } from '../../ui/content-language.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSession } from '../auth/index.ts';
import { useMemberList } from '../members/index.ts';
import { fetchRoll, sendPublicCredentials, setCredentialAuthority } from './commission-api.ts';
import { makeLetters, type Letter } from './credential-authority-device.ts';
import { CredentialLetters } from './CredentialLetters.tsx';
import { useAction } from '../../ui/use-action.ts';

interface Props {
  detail: ElectionDetail;
  onChange: (next: ElectionDetail) => void;
}

const SERVER = '';

/**
 * Who issues the voting credentials (issue 17): the server, or a commission
 * member whose device makes them (the server sees only their public part).
 * Each choice says what it trusts. On the authority's own device: make the
 * credentials for the whole roll, print the letters, send the public parts.
 */
export function CredentialAuthoritySection({ detail, onChange }: Props) {
  const { m, lang } = useI18n();
  const t = m.electionsCommission;
  const { me } = useSession();
  const action = useAction();
  const list = useMemberList({}, 200);
  const commission = list.members.filter((x) => x.roles?.some((r) => r.role === 'election_commissioner'));
  const current = detail.credentialAuthority ?? null;
  const [picked, setPicked] = useState<string>(current?.memberId ?? SERVER);
  const [letters, setLetters] = useState<Letter[] | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const draft = detail.state === 'draft';
  const mine = current !== null && current.memberId === me?.member.id;

  const make = async () => {
    setLetters(null);
    const made = await action.run(async () => {
      const entries: RollEntry[] = [];
      let cursor: string | null = null;
      do {
        const page = await fetchRoll(detail.id, '', cursor);
        entries.push(...page.entries);
        cursor = page.nextCursor;
      } while (cursor !== null);
      setProgress(0);
      return makeLetters(detail.uuid!, entries, setProgress);
    });
    setProgress(null);
    if (made) setLetters(made);
  };
  const send = async () => {
    if (!letters) return;
    const next = await action.run(() => sendPublicCredentials(detail.id, letters.map(({ memberId, weight, credential }) => ({ memberId, weight, credential }))));
    if (next) onChange(next);
  };

  return (
    <section className="card stack" aria-labelledby="ca-title" data-testid="credential-authority-section">
      <h2 id="ca-title">{t.caTitle}</h2>
      {draft ? (
        <fieldset className="check-list stack" data-testid="ca-picker">
          <legend className="field-label">{t.caPick}</legend>
          <label className="check-row">
            <input type="radio" name="ca" checked={picked === SERVER} onChange={() => setPicked(SERVER)} />
            <span>{t.caServerMode}</span>
          </label>
          {commission.map((x) => (
            <label key={x.id} className="check-row">
              <input type="radio" name="ca" checked={picked === x.id} onChange={() => setPicked(x.id)} />
              <span>
                {t.caMemberMode}: {x.name} ({x.employeeNumber})
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="election-rule" data-testid="ca-trusts">
        {(draft ? picked !== SERVER : current !== null) ? t.caMemberTrusts : t.caServerTrusts}
      </p>
      {draft && picked !== (current?.memberId ?? SERVER) ? (
        <button type="button" className="button button-primary" disabled={action.busy} data-testid="ca-save" onClick={() => void action.run(() => setCredentialAuthority(detail.id, picked === SERVER ? null : picked)).then((d) => d && onChange(d))}>
          {t.caSave}
        </button>
      ) : null}
      {current ? <p data-testid="ca-current">{format(t.caIs, { name: current.name })}</p> : null}
      {current && draft ? (
        <p role="status" data-testid="ca-sent">
          {format(t.caSent, { n: detail.publicCredentials ?? 0, total: detail.rollSize })}
        </p>
      ) : null}
      {mine && draft ? (
        <div className="stack">
          <p>{t.caYou}</p>
          {detail.rollFrozenAt === null ? (
            <p>{t.caWaitRoll}</p>
          ) : (
            <button type="button" className="button button-primary button-large" disabled={action.busy} onClick={() => void make()} data-testid="ca-make">
              {t.caMake}
            </button>
          )}
          {progress !== null ? <p role="status">{format(t.caMaking, { n: progress, total: detail.rollSize })}</p> : null}
          {letters ? (
            <>
              <p>{t.caForget}</p>
              <div className="button-row no-print">
                <button type="button" className="button" onClick={() => window.print()} data-testid="ca-print">
                  {t.caPrint}
                </button>
                <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void send()} data-testid="ca-send">
                  {t.caSend}
                </button>
              </div>
              <CredentialLetters letters={letters} electionId={detail.id} electionTitle={pickText(detail.title, detail.titleEn, lang).text} />
            </>
          ) : null}
        </div>
      ) : null}
      <ErrorAlert code={action.error} />
    </section>
  );
}
