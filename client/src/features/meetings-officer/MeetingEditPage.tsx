import './meetings-officer.css';
import { can, meetingKinds, type MeetingInput } from '@kumiai/shared';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AudiencePicker } from '../../ui/AudiencePicker.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { pathsOf, usePublishScope, useUnitDocs } from '../../ui/use-publish-scope.ts';
import { getMember } from '../members/index.ts';
import { useActor, useSession } from '../auth/index.ts';
import { meetingRoots } from './access.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { atLocal, cleaned, dayAndTime, newItem, newMeeting, problemOf } from './meeting-form.ts';
import { MemberPicker } from './MemberPicker.tsx';
import { NotOfficer } from './NotOfficer.tsx';
import { createMeeting, fetchMeeting, updateMeeting } from './officer-api.ts';
import { QuorumFields } from './QuorumFields.tsx';

const newId = () => crypto.randomUUID();

/** Creates a meeting, or edits one until it starts (the server refuses later edits: meeting_started). */
export function MeetingEditPage({ meetingId }: { meetingId: string | null }) {
  const { me } = useSession();
  const roots = meetingRoots(me);
  const root = roots[0] ?? '';
  // A new meeting is set a week ahead (the clock read here, not while rendering).
  const loaded = useFetched((signal) => (meetingId ? fetchMeeting(meetingId, signal).then((d) => d.input) : Promise.resolve(newMeeting(root, Date.now(), newId))), [meetingId, root]);
  if (roots.length === 0) return <NotOfficer />;
  if (loaded.state === 'loading') return <p role="status">…</p>;
  if (loaded.state === 'failed') return <ErrorAlert code="not_found" />;
  return <Editor meetingId={meetingId} initial={loaded.value} />;
}

/** The names of members chosen before (the chair, delegates, named invitees of a meeting being edited). */
function useNames(ids: readonly string[]): [Map<string, string>, (id: string, name: string) => void] {
  const [names, setNames] = useState(() => new Map<string, string>());
  const key = ids.join(' ');
  useEffect(() => {
    const controller = new AbortController();
    for (const id of key ? key.split(' ') : [])
      getMember(id, controller.signal).then(
        (x) => setNames((n) => new Map(n).set(id, `${x.name}(${x.employeeNumber})`)),
        () => undefined,
      );
    return () => controller.abort();
  }, [key]);
  return [names, (id, name) => setNames((n) => new Map(n).set(id, name))];
}

function Editor({ meetingId, initial }: { meetingId: string | null; initial: MeetingInput }) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  useDocumentTitle(meetingId ? t.editTitle : t.newTitle);
  const navigate = useNavigate();
  const actor = useActor();
  const scope = usePublishScope(actor, 'meeting.manage');
  const units = useUnitDocs();
  const [input, setInput] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [names, learnName] = useNames([...(initial.chairId ? [initial.chairId] : []), ...(initial.delegates ?? []), ...initial.audience.members]);
  const action = useAction();
  const unitSelectId = useId();
  const kindSelectId = useId();
  const patch = (p: Partial<MeetingInput>) => setInput((x) => ({ ...x, ...p }));
  const pathOf = pathsOf(units);
  const organisers = actor ? units.filter((u) => can(actor, 'meeting.manage', { unitPath: pathOf(u.id) })).sort((a, b) => pathOf(a.id).length - pathOf(b.id).length || a.name.localeCompare(b.name, 'ja')) : [];
  const start = dayAndTime(input.startsAt);
  const end = dayAndTime(input.endsAt);
  const setTimes = (day: string, from: string, to: string) => {
    const startsAt = atLocal(day, from);
    const endsAt = atLocal(day, to);
    if (startsAt !== null && endsAt !== null) patch({ startsAt, endsAt });
  };
  const rsvpBy = input.rsvpBy !== undefined ? dayAndTime(input.rsvpBy) : null;
  const save = async () => {
    const body = cleaned(input);
    const wrong = problemOf(body, t);
    setProblem(wrong);
    if (wrong) return;
    const saved = meetingId ? await updateMeeting(meetingId, body) : await createMeeting(body);
    await navigate({ to: '/meetings/manage/$meetingId', params: { meetingId: saved.id } });
  };
  return (
    <form className="card stack" aria-labelledby="meeting-edit-title" data-testid="meeting-editor" onSubmit={action.onSubmit(save)} noValidate>
      <h1 id="meeting-edit-title">{meetingId ? t.editTitle : t.newTitle}</h1>
      <div className="field">
        <label className="field-label" htmlFor={kindSelectId}>
          {t.kind}
        </label>
        <select id={kindSelectId} className="text-input" value={input.kind} onChange={(e) => patch({ kind: e.target.value as MeetingInput['kind'] })} data-testid="meeting-kind">
          {meetingKinds.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={unitSelectId}>
          {t.unit}
        </label>
        <select id={unitSelectId} className="text-input" value={input.unitId} onChange={(e) => patch({ unitId: e.target.value })} data-testid="meeting-unit">
          {organisers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t.title} value={input.title} onValueChange={(title) => patch({ title })} maxLength={200} required data-testid="meeting-title" />
      <TextField label={t.titleEn} value={input.titleEn ?? ''} onValueChange={(titleEn) => patch({ titleEn })} maxLength={200} lang="en" />
      <TextAreaField label={t.description} value={input.description ?? ''} onValueChange={(description) => patch({ description })} maxLength={8000} testId="meeting-description" />
      <TextAreaField label={t.descriptionEn} value={input.descriptionEn ?? ''} onValueChange={(descriptionEn) => patch({ descriptionEn })} maxLength={8000} lang="en" testId="meeting-description-en" />
      <TextField label={t.day} type="date" value={start.day} onValueChange={(day) => setTimes(day, start.time, end.time)} required data-testid="meeting-day" />
      <TextField label={t.startTime} type="time" value={start.time} onValueChange={(from) => setTimes(start.day, from, end.time)} required data-testid="meeting-start" />
      <TextField label={t.endTime} type="time" value={end.time} onValueChange={(to) => setTimes(start.day, start.time, to)} required data-testid="meeting-end" />
      <p className="field-hint">{t.placeHint}</p>
      <TextField label={t.place} value={input.place ?? ''} onValueChange={(place) => patch({ place })} maxLength={200} data-testid="meeting-place" />
      <TextField label={t.placeEn} value={input.placeEn ?? ''} onValueChange={(placeEn) => patch({ placeEn })} maxLength={200} lang="en" />
      <TextField label={t.onlineUrl} type="url" inputMode="url" value={input.onlineUrl ?? ''} onValueChange={(onlineUrl) => patch({ onlineUrl })} maxLength={2000} data-testid="meeting-url" />
      <TextField
        label={t.rsvpBy}
        type="datetime-local"
        value={rsvpBy ? `${rsvpBy.day}T${rsvpBy.time}` : ''}
        onValueChange={(v) => {
          const [day = '', time = ''] = v.split('T');
          const at = atLocal(day, time);
          setInput(({ rsvpBy: _dropped, ...rest }) => (at === null ? rest : { ...rest, rsvpBy: at }));
        }}
        data-testid="meeting-rsvp-by"
      />
      <AudiencePicker value={input.audience} onChange={(audience) => patch({ audience })} units={scope.units} wholeUnion={scope.wholeUnion} />
      <MemberPicker legend={t.namedMembers} value={input.audience.members} onChange={(members) => patch({ audience: { ...input.audience, members } })} names={names} onName={learnName} testId="audience-members" />
      <MemberPicker legend={t.chair} hint={t.chairHint} value={input.chairId ? [input.chairId] : []} onChange={([chairId]) => setInput(({ chairId: _dropped, ...rest }) => (chairId ? { ...rest, chairId } : rest))} names={names} onName={learnName} single testId="meeting-chair" />
      <MemberPicker legend={t.delegates} hint={t.delegatesHint} value={input.delegates ?? []} onChange={(delegates) => patch({ delegates })} names={names} onName={learnName} testId="meeting-delegates" />
      <QuorumFields value={input.quorum ?? null} onChange={(quorum) => patch({ quorum })} hasDelegates={(input.delegates?.length ?? 0) > 0} />
      <AgendaEditor items={input.agenda} onChange={(agenda) => patch({ agenda })} onAdd={() => patch({ agenda: [...input.agenda, newItem(newId)] })} onBusy={setUploading} />
      {problem ? (
        <p role="alert" className="notice notice-error" data-testid="meeting-problem">
          {problem}
        </p>
      ) : null}
      <ErrorAlert code={action.error} testId="meeting-error" />
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={action.busy || uploading} data-testid="meeting-save">
          {t.save}
        </button>
      </p>
    </form>
  );
}
