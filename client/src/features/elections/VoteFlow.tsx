import type { CastReceipt, VoterElection } from '@kumiai/shared';
import { slotsOf } from '@kumiai/shared';
import { useMemo, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { useSession } from '../auth/index.ts';
import { initialChoices, isAnswered, toSlotChoices, type SlotState } from './choices.ts';
import { castBallot, fetchBallotKit } from './elections-api.ts';
import { choiceText, slotTitle } from './labels.ts';
import { credentialLooksValid, makeBallot } from './make-ballot.ts';
import { Receipt } from './Receipt.tsx';
import { SlotFieldset } from './SlotFieldset.tsx';
import { keepTracker } from './stored.ts';
import { refreshMyElections } from './use-my-elections.ts';

type Step = 'start' | 'choose' | 'review' | 'sending';

/** What the secret ballot guarantees, and who made the credential (what that trusts): said on every step of voting. */
function BallotPromise({ fromLetter }: { fromLetter: boolean }) {
  const { m } = useI18n();
  return (
    <div className="stack" data-testid="secret-ballot">
      <p>{m.elections.secretBallot}</p>
      <p className="muted">{fromLetter ? m.elections.memberCredential : m.elections.serverCredential}</p>
    </div>
  );
}

/** The credential from a letter's link (`#credential=…`), read once; the fragment is then taken out of the address bar and history. */
function credentialFromFragment(): string {
  if (typeof window === 'undefined') return '';
  const found = new URLSearchParams(window.location.hash.slice(1)).get('credential') ?? '';
  if (found) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return found;
}

/**
 * Voting, online only: choose per slot (白票 explicit), review, then the device
 * fetches the kit, makes the ballot and posts it. Nothing of the ballot or the
 * credential is stored; only the receipt's tracker is kept on the device.
 */
export function VoteFlow({ election, revote }: { election: VoterElection; revote: boolean }) {
  const { m, lang } = useI18n();
  const t = m.elections;
  const { me } = useSession();
  const { online } = useSyncStatus();
  const slots = useMemo(() => slotsOf(election.questions), [election.questions]);
  const byId = useMemo(() => new Map(election.questions.map((q) => [q.id, q])), [election.questions]);
  const [step, setStep] = useState<Step>('start');
  const [choices, setChoices] = useState<SlotState[]>(() => initialChoices(election.questions));
  const [showMissing, setShowMissing] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [receipt, setReceipt] = useState<CastReceipt | null>(null);
  // Commission-member mode: the credential from the member's letter, in this component's memory only.
  const fromLetter = election.credentialFrom === 'member';
  const [fromLink] = useState(() => (fromLetter ? credentialFromFragment() : ''));
  const [typed, setTyped] = useState(fromLink);
  const [typedInvalid, setTypedInvalid] = useState(false);

  if (receipt) {
    return (
      <Receipt
        receipt={receipt}
        onDone={() => {
          setReceipt(null);
          setStep('start');
        }}
      />
    );
  }

  const offline = online ? null : (
    <p className="notice notice-warning" role="status" data-testid="vote-offline">
      {t.onlineOnly}
    </p>
  );

  async function send() {
    const picked = toSlotChoices(choices, slots);
    if (!picked || !me) return;
    const credential = typed.trim();
    if (fromLetter && !(await credentialLooksValid(credential))) {
      setTypedInvalid(true);
      return;
    }
    setTypedInvalid(false);
    setStep('sending');
    setError(null);
    try {
      // The kit is fetched for each ballot, so a credential the commission re-issued (server mode) is used without the member doing anything.
      const makeAndCast = async () => castBallot(election.id, await makeBallot(await fetchBallotKit(election.id), election.questions, picked, fromLetter ? credential : undefined));
      let r: CastReceipt;
      try {
        r = await makeAndCast();
      } catch (e) {
        // Server mode, re-issued between the kit and the ballot: once more with the new credential.
        if (fromLetter || errorCode(e) !== 'ballot_credential_mismatch') throw e;
        r = await makeAndCast();
      }
      keepTracker(me.member.id, election.id, r);
      setReceipt(r);
      setChoices(initialChoices(election.questions));
      setShowMissing(false);
      void refreshMyElections(me.member.id).catch(() => undefined);
    } catch (e) {
      setError(errorCode(e));
      setStep('review');
    }
  }

  if (step === 'start') {
    return (
      <section className="stack" aria-label={t.vote}>
        <BallotPromise fromLetter={fromLetter} />
        {offline}
        <button type="button" className="button button-primary button-large" data-testid="vote-start" onClick={() => setStep('choose')}>
          {revote ? t.revote : t.vote}
        </button>
      </section>
    );
  }

  if (step === 'choose') {
    const missing = slots.some((s, i) => !isAnswered(choices[i]!, s));
    return (
      <section className="stack" aria-labelledby="choose-title" data-testid="vote-choose">
        <h2 id="choose-title">{t.chooseTitle}</h2>
        {offline}
        {slots.map((s, i) => (
          <SlotFieldset
            key={`${s.questionId}:${s.candidateId ?? ''}`}
            question={byId.get(s.questionId)!}
            slot={s}
            state={choices[i]!}
            invalid={showMissing && !isAnswered(choices[i]!, s)}
            onChange={(next) => setChoices((all) => all.map((c, k) => (k === i ? next : c)))}
          />
        ))}
        {showMissing && missing ? (
          <p className="notice notice-error" role="alert" data-testid="vote-missing">
            {t.unanswered}
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" className="button button-primary" data-testid="vote-review" onClick={() => (missing ? setShowMissing(true) : setStep('review'))}>
            {t.toReview}
          </button>
          <button type="button" className="button" onClick={() => setStep('start')}>
            {t.cancel}
          </button>
        </div>
      </section>
    );
  }

  const sending = step === 'sending';
  return (
    <section className="stack" aria-labelledby="review-title" data-testid="vote-review-screen">
      <h2 id="review-title">{t.reviewTitle}</h2>
      <p>{t.reviewLead}</p>
      <dl className="facts" data-testid="vote-review-list">
        {slots.map((s, i) => {
          const q = byId.get(s.questionId)!;
          const title = slotTitle(q, s, lang);
          return (
            <div key={`${s.questionId}:${s.candidateId ?? ''}`} style={{ display: 'contents' }}>
              <dt lang={title.lang}>{title.text}</dt>
              <dd>{choiceText(q, choices[i]!, m, lang)}</dd>
            </div>
          );
        })}
      </dl>
      <BallotPromise fromLetter={fromLetter} />
      {fromLetter ? (
        <div className="stack" data-testid="vote-credential">
          <TextField
            label={t.credentialLabel}
            hint={t.credentialHint}
            error={typedInvalid ? t.credentialInvalid : null}
            value={typed}
            onValueChange={setTyped}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={40}
            data-testid="vote-credential-input"
          />
          {fromLink ? <p role="status">{t.credentialFromLink}</p> : null}
        </div>
      ) : null}
      {offline}
      <ErrorAlert code={error} />
      {fromLetter && error === 'ballot_credential_mismatch' ? <p data-testid="vote-credential-lost">{t.credentialLost}</p> : null}
      {sending ? (
        <p role="status" data-testid="vote-sending">
          {t.sending}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary button-large" data-testid="vote-cast" disabled={!online || sending} onClick={() => void send()}>
          {t.cast}
        </button>
        <button type="button" className="button" disabled={sending} onClick={() => setStep('choose')}>
          {t.change}
        </button>
      </div>
    </section>
  );
}
