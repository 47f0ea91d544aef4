import { rsvpAnswers, type EventDoc, type ProxyHolder, type RsvpAnswer } from '@kumiai/shared';
import { useEffect, useId, useState } from 'react';
import { apiGet } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useRejections, useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { answerable, mayGiveProxyToChair, meetingPhase, proxiesAdmitted, rsvpChange, type ProxyChoice } from './meetings-logic.ts';
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

/**
 * Whom a proxy may name besides the chair: the invitees who said they will
 * attend, asked of the server while online (names are not on the device);
 * undefined until known or where proxies are not admitted.
 */
function useProxyHolders(meeting: EventDoc, online: boolean): ProxyHolder[] | undefined {
  const [holders, setHolders] = useState<ProxyHolder[] | undefined>(undefined);
  const admitted = proxiesAdmitted(meeting);
  useEffect(() => {
    if (!admitted || !online) return;
    let live = true;
    apiGet<{ holders: ProxyHolder[] }>(`/api/meetings/${encodeURIComponent(meeting.id)}/proxy-holders`)
      .then((r) => live && setHolders(r.holders))
      .catch(() => undefined); // offline or refused: the chair remains
    return () => {
      live = false;
    };
  }, [meeting.id, admitted, online]);
  return holders;
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
  const [proxy, setProxy] = useState<ProxyChoice>(rsvp.proxy ?? null);
  const holders = useProxyHolders(meeting, online);
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
  const proxyAllowed = proxiesAdmitted(meeting);
  const toChair = mayGiveProxyToChair(meeting, memberId);
  const namedId = proxy && 'memberId' in proxy ? proxy.memberId : '';
  // The one already named stays a choice offline (the list comes from the server).
  const choices = namedId && !holders?.some((h) => h.memberId === namedId) ? [...(holders ?? []), { memberId: namedId, name: t.proxyNamedEarlier }] : (holders ?? []);
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
    await current.incrementalPatch(rsvpChange(answer, note, proxy, proxyAllowed));
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
        {proxyAllowed && answer !== 'attend' && (toChair || choices.length > 0 || holders !== undefined || !online) ? (
          <fieldset className="check-list stack" aria-describedby={proxyId}>
            <legend className="field-label">{t.proxyLegend}</legend>
            <p className="field-hint" id={proxyId}>
              {t.proxyHint}
            </p>
            {toChair ? (
              <label className="check-row">
                <input type="checkbox" checked={proxy !== null && 'chair' in proxy} onChange={(e) => setProxy(e.target.checked ? { chair: true } : null)} data-testid="rsvp-proxy-chair" />
                <span>{t.proxyChair}</span>
              </label>
            ) : null}
            {choices.length > 0 ? (
              <div className="field">
                <label className="field-label" htmlFor={`${proxyId}-member`}>
                  {t.proxyMember}
                </label>
                <select
                  id={`${proxyId}-member`}
                  className="text-input"
                  value={namedId}
                  onChange={(e) => setProxy(e.target.value ? { memberId: e.target.value } : null)}
                  data-testid="rsvp-proxy-member"
                >
                  <option value="">{t.proxyMemberNone}</option>
                  {choices.map((h) => (
                    <option key={h.memberId} value={h.memberId}>
                      {h.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <p className="muted">{online ? t.proxyNoAttendees : t.proxyMemberOffline}</p>
            )}
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
