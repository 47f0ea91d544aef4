import { ANONYMOUS_RESULTS_MIN, can, formOpen, type Actor, type Answers, type Audience, type FieldResult, type FormField, type FormResults } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import { toExcelCsv } from '../../lib/csv-export.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { Clock } from '../../lib/clock.ts';
import type { ActorRepo, AudienceMember } from '../auth/index.ts';
import type { PushService } from '../push/index.ts';
import { anonymousRelease } from './anonymous-release.ts';
import { formRecord, type FormRow, type FormsRepo } from './forms-repo.ts';
import { requireOffice } from '../../lib/access.ts';

const TEXTS_MAX = 500;

/** The Japanese label of each field and option over every version, the latest winning; fields in current-version order, then older-only ones. */
function labelsOver(versions: { fields: FormField[] }[]): { columns: FormField[]; option: (field: string, id: string) => string } {
  const byId = new Map<string, FormField>();
  const options = new Map<string, string>();
  for (const v of versions) {
    for (const f of v.fields) {
      byId.set(f.id, f);
      for (const o of f.options ?? []) options.set(`${f.id}\u0000${o.id}`, o.label.ja);
    }
  }
  const current = versions.at(-1)?.fields ?? [];
  const columns = [...current, ...[...byId.values()].filter((f) => !current.some((c) => c.id === f.id))];
  return { columns, option: (field, id) => options.get(`${field}\u0000${id}`) ?? id };
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** One field's results over all answers, whatever version they were given against (merged by field id). */
export function fieldResult(field: FormField, answers: readonly Answers[]): FieldResult {
  const given = answers.map((a) => a[field.id]).filter((v) => !empty(v));
  const answered = given.length;
  switch (field.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'yes_no': {
      const ids = field.type === 'yes_no' ? ['yes', 'no'] : (field.options ?? []).map((o) => o.id);
      const counts = new Map<string, number>(ids.map((id) => [id, 0]));
      for (const v of given) {
        const picked = field.type === 'yes_no' ? [v === true ? 'yes' : 'no'] : Array.isArray(v) ? (v as string[]) : [String(v)];
        for (const id of picked) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return { field: field.id, type: field.type, answered, counts: [...counts].map(([option, count]) => ({ option, count })) };
    }
    case 'scale':
    case 'number': {
      const values = given.filter((v): v is number => typeof v === 'number');
      const counts = new Map<number, number>();
      if (field.type === 'scale') for (let i = field.min ?? 1; i <= (field.max ?? 5); i++) counts.set(i, 0);
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      const distribution = [...counts].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
      return { field: field.id, type: field.type, answered, distribution, mean: values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : null };
    }
    case 'short_text':
    case 'long_text':
    case 'date':
      return { field: field.id, type: field.type, answered, texts: given.map(String).slice(-TEXTS_MAX) };
    case 'file':
      return { field: field.id, type: 'file', answered };
  }
}

/** Japan time, to the minute, as officers read it in a spreadsheet. */
const jst = (ms: number | null) => (ms === null ? '' : new Date(ms + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));

/**
 * Results of a survey or an application form, for its author and for
 * officers whose form.results scope covers its audience: response rates per
 * unit from the "has answered" marks, field results (anonymous ones read only
 * survey_answers_anon, and are withheld under ANONYMOUS_RESULTS_MIN answers),
 * and the CSV export.
 */
export class FormResultsService {
  constructor(
    private readonly db: Db,
    private readonly actors: ActorRepo,
    private readonly repo: FormsRepo,
    private readonly mutate: Mutate,
    private readonly push: PushService,
    private readonly clock: Clock,
  ) {}

  private viewable(actor: Actor, id: string): { row: FormRow; audience: Audience; author: boolean } {
    const row = requireOffice(actor, this.repo.form(id), formRecord, (audience) => this.actors.mayPublishTo(actor, audience, 'form.results'));
    return { row, audience: JSON.parse(row.audience) as Audience, author: row.author_id === actor.memberId };
  }

  /**
   * What the results show: a named form's answers and marks live; an anonymous
   * survey's only as released (anonymous-release.ts), with per-unit counts
   * under ANONYMOUS_RESULTS_MIN suppressed.
   */
  private release(row: FormRow, reached: AudienceMember[], marked: Set<string>) {
    const live = () => {
      const counts = new Map<string, number>();
      for (const m of reached) if (marked.has(m.actor.memberId)) counts.set(m.unitId, (counts.get(m.unitId) ?? 0) + 1);
      return counts;
    };
    if (row.anonymous !== 1) {
      const counts = live();
      return { answers: this.repo.countedAnswers(row.id), unitAnswered: (unitId: string): number | null => counts.get(unitId) ?? 0, released: null };
    }
    const open = formOpen({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, this.clock.now());
    const r = anonymousRelease(this.db, row.id, open, live);
    const unitAnswered = (unitId: string): number | null => {
      const n = r.unitAnswered?.get(unitId) ?? 0;
      return r.unitAnswered === null || n < ANONYMOUS_RESULTS_MIN ? null : n;
    };
    return { answers: r.answers.map((a) => JSON.parse(a) as Answers), unitAnswered, released: r.released };
  }

  /** The audience's active members now, who of them answered (the marks), and which of them this viewer may see by unit. */
  private audienceOf(actor: Actor, id: string) {
    const { row, audience, author } = this.viewable(actor, id);
    const reached = this.actors.audienceMembers(audience);
    const marked = this.repo.answeredBy(id);
    const visible = (m: AudienceMember) => author || can(actor, 'form.results', { unitPath: m.actor.unitPath });
    return { row, reached, marked, visible };
  }

  /**
   * A push to the audience members who have not answered an open survey yet,
   * within the units this officer may see; known from the "has answered" marks
   * alone, so anonymous surveys are reminded the same way. Audited.
   */
  remind(actor: Actor, id: string): { members: number } {
    const { row, reached, marked, visible } = this.audienceOf(actor, id);
    const form = { status: row.status, opensAt: row.opens_at, closesAt: row.closes_at };
    if (row.kind !== 'survey' || !formOpen(form, this.clock.now())) throw new AppError('form_closed', 409, 'Only an open survey can be reminded of');
    const waiting = reached.filter((m) => !marked.has(m.actor.memberId) && visible(m)).map((m) => m.actor.memberId);
    this.mutate(actor, { checks: [], audit: { action: 'form.reminded', target: id, detail: { members: waiting.length } } }, () => undefined);
    this.push.toMembers(waiting, { type: 'form', formId: id, title: row.title, url: `/forms/${encodeURIComponent(id)}` });
    return { members: waiting.length };
  }

  results(actor: Actor, id: string): FormResults {
    const { row, reached, marked, visible } = this.audienceOf(actor, id);
    const { answers, unitAnswered, released } = this.release(row, reached, marked);
    const perUnit = new Map<string, { members: number; answered: number | null }>();
    for (const m of reached) {
      if (!visible(m)) continue;
      const u = perUnit.get(m.unitId) ?? { members: 0, answered: unitAnswered(m.unitId) };
      u.members += 1;
      perUnit.set(m.unitId, u);
    }
    const fields = this.repo.version(id, row.version)?.fields ?? [];
    const withheld = row.anonymous === 1 && answers.length < ANONYMOUS_RESULTS_MIN;
    return {
      formId: id,
      title: row.title,
      kind: row.kind,
      anonymous: row.anonymous === 1,
      audienceSize: reached.length,
      answered: reached.filter((m) => marked.has(m.actor.memberId)).length,
      units: [...perUnit]
        .map(([unitId, c]) => ({ unitId, unitName: this.repo.unitName(unitId) ?? '', ...c }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName, 'ja')),
      fields,
      results: withheld ? null : fields.map((f) => fieldResult(f, answers)),
      released,
    };
  }

  /** How many counted answers of a named form picked this option of a single-choice field (a count only; 0 for an anonymous form or an unknown one). */
  optionCount(formId: string, fieldId: string, optionId: string): number {
    const row = this.repo.form(formId);
    if (!row || row.anonymous === 1) return 0;
    return this.repo.countedAnswers(formId).filter((a) => a[fieldId] === optionId).length;
  }

  /** UTF-8 with BOM; named: one row per submission with the member's columns; anonymous: answers only, in table (random id) order. Audited. */
  exportCsv(actor: Actor, id: string): { filename: string; body: Buffer } {
    const { row, reached, marked } = this.audienceOf(actor, id);
    // An open anonymous survey exports its released answers only, like its results.
    const { answers } = this.release(row, reached, marked);
    if (row.anonymous === 1 && answers.length < ANONYMOUS_RESULTS_MIN) throw new AppError('results_withheld', 403, `Fewer than ${ANONYMOUS_RESULTS_MIN} anonymous answers: results are not shown`);
    const { columns, option } = labelsOver(this.repo.versions(id));
    const cell = (field: FormField, value: unknown): string => {
      if (empty(value)) return '';
      if (field.type === 'single_choice') return option(field.id, String(value));
      if (field.type === 'multiple_choice' && Array.isArray(value)) return (value as string[]).map((v) => option(field.id, v)).join(' / ');
      if (field.type === 'yes_no') return value === true ? 'はい' : 'いいえ';
      if (field.type === 'file' && Array.isArray(value)) return (value as { name: string }[]).map((f) => f.name).join(' / ');
      return String(value);
    };
    const labels = columns.map((f) => f.label.ja);
    let body: Buffer;
    if (row.anonymous === 1) {
      body = toExcelCsv(labels, answers.map((a) => columns.map((f) => cell(f, a[f.id]))));
    } else {
      const rows = this.repo.namedAnswers(id);
      body = toExcelCsv(
        ['社員番号', '氏名', '所属', '提出日時', ...labels],
        rows.map((r) => {
          const a = JSON.parse(r.answers) as Answers;
          return [r.employee_number, r.name, r.unit_name ?? '', jst(r.submitted_at), ...columns.map((f) => cell(f, a[f.id]))];
        }),
      );
    }
    const detail = { rows: answers.length, anonymous: row.anonymous === 1 };
    return this.mutate(actor, { checks: [], audit: { action: 'form.exported', target: id, detail } }, () => ({ filename: `${row.title}.csv`, body }));
  }
}
