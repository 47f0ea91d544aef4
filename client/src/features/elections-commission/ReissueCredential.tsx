import type { ElectionDetail, RollEntry } from '@kumiai/shared';
import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { pickText } from '../../ui/content-language.ts';
import { reissueCredential, reissueCredentialAs } from './commission-api.ts';
import { makeLetters, type Letter } from './credential-authority-device.ts';
import { CredentialLetters } from './CredentialLetters.tsx';
import { useAction } from '../../ui/use-action.ts';

interface Props {
  detail: ElectionDetail;
  entry: RollEntry;
  onChange: (next: ElectionDetail) => void;
}

/**
 * A lost credential, re-issued for one roll member after the commission has
 * checked who they are offline: a button, then a confirmation that says what
 * it does and what it cannot (a member who voted online keeps their credential).
 * Commission-member mode (shown on the authority's device only): the new
 * credential is made here and printed as a letter; the server gets its public part.
 */
export function ReissueCredential({ detail, entry, onChange }: Props) {
  const { m, lang } = useI18n();
  const t = m.electionsCommission;
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const [letter, setLetter] = useState<Letter | null>(null);
  const titleId = useId();
  const authority = detail.credentialAuthority ?? null;
  const confirm = async () => {
    const next = await action.run(async () => {
      if (!authority) return reissueCredential(detail.id, entry.memberId);
      const [made] = await makeLetters(detail.uuid!, [entry]);
      const answer = await reissueCredentialAs(detail.id, entry.memberId, made!.credential);
      setLetter(made!);
      return answer;
    });
    if (!next) return;
    setConfirming(false);
    setDone(true);
    onChange(next);
  };
  if (!confirming) {
    return (
      <span className="stack">
        <button
          type="button"
          className="button"
          data-testid="reissue-credential"
          onClick={() => {
            setDone(false);
            setLetter(null);
            setConfirming(true);
          }}
        >
          {format(t.reissue, { name: entry.name })}
        </button>
        {done ? <span role="status">{format(t.reissued, { name: entry.name })}</span> : null}
        {letter ? (
          <>
            <button type="button" className="button no-print" onClick={() => window.print()}>
              {t.caPrint}
            </button>
            <CredentialLetters letters={[letter]} electionId={detail.id} electionTitle={pickText(detail.title, detail.titleEn, lang).text} />
          </>
        ) : null}
      </span>
    );
  }
  return (
    <span className="stack notice notice-warning" role="group" aria-labelledby={titleId} data-testid="reissue-confirm">
      <strong id={titleId}>{format(t.reissueConfirmTitle, { name: entry.name })}</strong>
      <span>{t.reissueCheck}</span>
      <span>{authority ? t.reissueMember : t.reissueServer}</span>
      <span className="button-row">
        <button type="button" className="button button-danger" disabled={action.busy} onClick={() => void confirm()} data-testid="reissue-confirm-button">
          {t.reissueConfirm}
        </button>
        <button type="button" className="button" disabled={action.busy} onClick={() => setConfirming(false)}>
          {t.reissueCancel}
        </button>
      </span>
      <ErrorAlert code={action.error} />
    </span>
  );
}
