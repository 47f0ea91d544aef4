import type { DecisionInput, MeetingDetail, MeetingInput, QuorumRule } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import type { Lang, Messages } from '../../i18n/types.ts';
import { formatDate, toLocalInput } from '../../ui/dates.ts';

/** The meeting form's pure parts: a new meeting, the day and times, the quorum choice, checks before sending, the minutes' draft. */

export type AgendaItem = MeetingInput['agenda'][number];
export type Material = AgendaItem['materials'][number];
export type QuorumChoice = 'none' | 'majority' | 'half' | 'two_thirds' | 'fraction' | 'count';

const HOUR = 3600_000;

/** A new meeting: a week from now at 18:00 local time, for two hours, with one agenda item. */
export function newMeeting(unitId: string, now: number, newId: () => string): MeetingInput {
  const start = new Date(now + 7 * 24 * HOUR);
  start.setHours(18, 0, 0, 0);
  return {
    kind: 'committee',
    unitId,
    title: '',
    startsAt: start.getTime(),
    endsAt: start.getTime() + 2 * HOUR,
    audience: { all: false, units: [], roles: [], members: [] },
    quorum: null,
    agenda: [newItem(newId)],
  };
}

export const newItem = (newId: () => string): AgendaItem => ({ id: newId(), title: '', materials: [] });

/** The `<input type="date">` and `<input type="time">` values of a time, in the device's time zone. */
export function dayAndTime(ms: number): { day: string; time: string } {
  const [day = '', time = ''] = toLocalInput(ms).split('T');
  return { day, time };
}

/** A local day and time (from the inputs) as epoch milliseconds; null when either is empty or not a time. */
export function atLocal(day: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const ms = new Date(`${day}T${time}`).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function quorumChoice(rule: MeetingInput['quorum']): QuorumChoice {
  return rule ? rule.threshold.kind : 'none';
}

/** A fraction as the form holds it (規約の「4分の3以上」): the default when one is first chosen. */
export interface QuorumFraction {
  numerator: number;
  denominator: number;
  strict: boolean;
}
const DEFAULT_FRACTION: QuorumFraction = { numerator: 3, denominator: 4, strict: false };

/** A fraction the server takes (0 < n ≤ d ≤ 100, whole numbers), from what was typed; the previous one where a part is not a number. */
export function fractionOf(typed: Partial<QuorumFraction>, previous: QuorumFraction = DEFAULT_FRACTION): QuorumFraction {
  const whole = (v: number | undefined, fallback: number) => (v !== undefined && Number.isFinite(v) ? Math.min(100, Math.max(1, Math.floor(v))) : fallback);
  const denominator = whole(typed.denominator, previous.denominator);
  const numerator = Math.min(denominator, whole(typed.numerator, previous.numerator));
  return { numerator, denominator, strict: typed.strict ?? previous.strict };
}

/** The rule for a choice in the form, keeping what else was set (base, proxies, the count, the fraction). */
export function quorumFor(choice: QuorumChoice, previous: MeetingInput['quorum'], count: number, fraction?: Partial<QuorumFraction>): MeetingInput['quorum'] {
  if (choice === 'none') return null;
  const base: QuorumRule['base'] = previous?.base ?? 'invited';
  const proxies = previous?.proxies ?? true;
  if (choice === 'count') return { base, proxies, threshold: { kind: 'count', atLeast: Math.max(1, Math.floor(count) || 1) } };
  if (choice === 'fraction') {
    const before = previous?.threshold.kind === 'fraction' ? previous.threshold : undefined;
    return { base, proxies, threshold: { kind: 'fraction', ...fractionOf(fraction ?? {}, before) } };
  }
  return { base, proxies, threshold: { kind: choice } };
}

/** What is wrong with the form before it is sent (the server checks again), in the member's words; null when nothing. */
export function problemOf(input: MeetingInput, t: Messages['meetingsOfficer']): string | null {
  if (!input.title.trim()) return t.missingTitle;
  const a = input.audience;
  if (!a.all && a.units.length === 0 && a.roles.length === 0 && a.members.length === 0) return t.missingAudience;
  if (input.endsAt <= input.startsAt) return t.badTime;
  if (!input.place?.trim() && !input.onlineUrl) return t.badPlace;
  if (input.onlineUrl && !input.onlineUrl.startsWith('https://')) return t.badUrl;
  for (const [i, item] of input.agenda.entries()) {
    if (!item.title.trim()) return format(t.badItem, { n: i + 1 });
    if (item.electionId !== undefined && !item.electionId) return format(t.badElection, { n: i + 1 });
  }
  return null;
}

/** The input as sent: empty optional texts left out (the schema's patterns and the English fallbacks expect absence). */
export function cleaned(input: MeetingInput): MeetingInput {
  const out: MeetingInput = { ...input, title: input.title.trim() };
  for (const key of ['titleEn', 'description', 'descriptionEn', 'place', 'placeEn', 'onlineUrl'] as const) {
    const value = out[key]?.trim();
    if (value) out[key] = value;
    else delete out[key];
  }
  out.agenda = input.agenda.map((item) => {
    const next: AgendaItem = { ...item, title: item.title.trim() };
    for (const key of ['titleEn', 'description', 'descriptionEn'] as const) if (!next[key]?.trim()) delete next[key];
    return next;
  });
  if (out.delegates?.length === 0) delete out.delegates;
  return out;
}

export function decisionText(d: DecisionInput, t: Messages['meetingsOfficer']): string {
  return format(t.decisionSays, { outcome: t.outcomes[d.outcome], for: d.for ?? 0, against: d.against ?? 0, abstain: d.abstain ?? 0 });
}

/** The minutes' first draft: the meeting, then each agenda item with its recorded decision. */
export function draftMinutes(detail: MeetingDetail, t: Messages['meetingsOfficer'], lang: Lang): string {
  const input = detail.input;
  const when = format(t.when, { day: formatDate(input.startsAt, lang), from: dayAndTime(input.startsAt).time, to: dayAndTime(input.endsAt).time });
  const lines = [format(t.draftHeading, { title: input.title }), '', format(t.draftWhen, { when })];
  const place = [input.place, input.onlineUrl ? t.online : null].filter(Boolean).join(' / ');
  if (place) lines.push(format(t.draftPlace, { place }));
  for (const [i, item] of input.agenda.entries()) {
    const decision = detail.decisions[item.id];
    lines.push('', format(t.draftItem, { n: i + 1, title: item.title }), decision ? format(t.draftDecision, { decision: decisionText(decision, t) }) : t.draftNoDecision);
    if (decision?.note) lines.push(decision.note);
  }
  return lines.join('\n');
}

