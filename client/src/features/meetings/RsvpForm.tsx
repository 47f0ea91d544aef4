import { rsvpAnswers, type EventDoc, type RsvpAnswer } from '@kumiai/shared';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useRejections, useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { answerable, mayGiveProxyToChair, meetingPhase, rsvpChange } from './meetings-logic.ts';
import { usePendingRsvpIds } from './use-meetings.ts';

/** What the server refused of this rsvp, in plain words (the code's text), until the member has seen it. */
function RsvpRejections({ rsvpId }: { rsvpId: string }) {
  const { m } = useI18n();
  const { rejections, dismiss } = useRejections();
  const mine = rejections.filter((r) => r.collection === 'events' && r.id === rsvpId);
  if (mine.length === 0) return null;
  return (
    <section className="notice notice-error stack" aria-labelledby="rsvp-refused-title" data-testid="rsvp-rejections">
      <h3 id="rsvp-refused-title">{m.meetings.refusedTitle}</h3>
      <ul className="plain-list stack">
        {mine.map((r) => (
          <li key={r.key} className="stack rejection" data-testid="rsvp-rejection" data-code={r.code}>
            <p>{m.sync.rejections[r.code]}</p>
            {r.field === 'proxy' ? <p>{m.meetings.refusedProxy}</p> : null}
            <button type="button" className="button" onClick={() => void dismiss(r.key)} data-testid="rsvp-rejection-discard">
              {m.meetings.discard}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The member's answer as it stands (after the start, or as a reminder beside the form). */
function ProxyFact({ proxy }: { proxy: EventDoc['proxy'] }) {
  const { m } = useI18n();
  if (!proxy) return null;
  return <p data-testid="rsvp-proxy-given">{'chair' in proxy ? m.meetings.proxyGivenChair : m.meetings.proxyGivenMember}</p>;
}

/** 出席 / 欠席 / 未定 with a note and a proxy, written on the device (offline too) until the start; then read-only. */
export function RsvpForm({ meeting, rsvp, memberId, now }: { meeting: EventDoc; rsvp: EventDoc; memberId: string; now: number }) {
  const { m } = useI18n();
  const t = m.meetings;
  const db = useSyncDatabase();
  const { online } = useSyncStatus();
  const pending = usePendingRsvpIds();
  const proxyId = useId();
  const [answer, setAnswer] = useState<RsvpAnswer>(rsvp.answer ?? 'undecided');
  const [note, setNote] = useState(rsvp.note ?? '');
  const [proxyToChair, setProxyToChair] = useState(rsvp.proxy !== null && rsvp.proxy !== undefined && 'chair' in rsvp.proxy);
  const [saved, setSaved] = useState(false);
  const [sawPending, setSawPending] = useState(false);
  const [grace, setGrace] = useState(false);
  const isPending = pending.has(rsvp.id);
  if (isPending && !sawPending) setSawPending(true);
  useEffect(() => {
    if (!grace) return;
    // The pending record is written just after the document: until it shows (or a moment passes), do not claim "sent".
    const timer = setTimeout(() => setGrace(false), 1500);
    return () => clearTimeout(timer);
  }, [grace]);
  const proxyAllowed = mayGiveProxyToChair(meeting, memberId);
  const waiting = isPending || (saved && (!online || (grace && !sawPending)));
  const status = waiting ? (
    <p className="notice notice-warning" role="status" data-testid="rsvp-status" data-waiting="true">
      {t.savedWaiting}
    </p>
  ) : saved ? (
    <p className="notice notice-success" role="status" data-testid="rsvp-status" data-waiting="false">
      {t.savedSent}
    </p>
  ) : null;

  if (!answerable(meeting, now)) {
    return (
      <section className="stack" aria-labelledby="rsvp-title" data-testid="rsvp" data-readonly="true">
        <h2 id="rsvp-title">{t.answerTitle}</h2>
        <p data-testid="rsvp-answer">{t.answers[rsvp.answer ?? 'undecided']}</p>
        {rsvp.note ? <p className="meeting-text">{rsvp.note}</p> : null}
        <ProxyFact proxy={rsvp.proxy} />
        <p className="muted">{meetingPhase(meeting, now) === 'cancelled' ? t.readOnlyCancelled : t.readOnlyStarted}</p>
        {status}
        <RsvpRejections rsvpId={rsvp.id} />
      </section>
    );
  }

  async function save(): Promise<void> {
    const current = await db?.events.findOne(rsvp.id).exec();
    if (!current) return;
    setSawPending(false);
    setGrace(true);
    await current.incrementalPatch(rsvpChange(answer, note, proxyToChair, proxyAllowed));
    setSaved(true);
  }

  return (
    <section className="stack" aria-labelledby="rsvp-title" data-testid="rsvp" data-readonly="false">
      <h2 id="rsvp-title">{t.answerTitle}</h2>
      <RsvpRejections rsvpId={rsvp.id} />
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <RadioGroup legend={t.answerLegend} options={rsvpAnswers.map((a) => ({ value: a, label: t.answers[a] }))} value={answer} onChange={setAnswer} testId="rsvp-answer" />
        <TextAreaField label={t.note} hint={t.noteHint} value={note} onValueChange={setNote} maxLength={500} testId="rsvp-note" />
        {proxyAllowed && answer !== 'attend' ? (
          <fieldset className="check-list stack" aria-describedby={proxyId}>
            <legend className="field-label">{t.proxyLegend}</legend>
            <p className="field-hint" id={proxyId}>
              {t.proxyHint}
            </p>
            <label className="check-row">
              <input type="checkbox" checked={proxyToChair} onChange={(e) => setProxyToChair(e.target.checked)} data-testid="rsvp-proxy-chair" />
              <span>{t.proxyChair}</span>
            </label>
          </fieldset>
        ) : null}
        <p className="button-row">
          <button type="submit" className="button button-primary" data-testid="rsvp-save">
            {t.save}
          </button>
        </p>
      </form>
      {status}
    </section>
  );
}
