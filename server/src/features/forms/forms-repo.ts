import { englishOrNull, type Answers, type ApprovalStep, type Audience, type FormDoc, type FormField, type FormInput, type HistoryEntry, type OfficedRecord, type SubmissionState } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

export interface FormRow {
  id: string;
  kind: 'survey' | 'application';
  title: string;
  description: string;
  title_en: string | null;
  description_en: string | null;
  audience: string;
  status: 'draft' | 'published' | 'archived';
  opens_at: number;
  closes_at: number | null;
  anonymous: number;
  allow_edit: number;
  version: number;
  author_id: string | null;
}

/** A form as the access rule sees it: out to its audience unless a draft. */
export const formRecord = (row: FormRow): OfficedRecord => ({ authorId: row.author_id, audience: JSON.parse(row.audience) as Audience, released: row.status !== 'draft' });

export interface SubmissionRow {
  id: string;
  form_id: string;
  form_version: number;
  kind: 'survey' | 'application';
  member_id: string;
  unit_id: string | null;
  anonymous: number;
  answers: string;
  state: SubmissionState;
  step: number;
  steps: number;
  submitted_at: number | null;
  created_at: number;
  updated_at: number;
}

export type ListedRow = SubmissionRow & { form_title: string; member_name: string; employee_number: string; unit_name: string | null };

export interface InboxPageQuery {
  /** JSON array of the reviewer's scope roots. */
  roots: string;
  unit: string | null;
  state: SubmissionState | null;
  step: number | null;
  form: string | null;
  mine: 0 | 1;
  afterTime: number | null;
  afterId: string | null;
  limit: number;
}

/** Submissions that count as answers (or applications made): not drafts, not withdrawn. */
const COUNTED = "state NOT IN ('draft', 'withdrawn')";
const LISTED = `SELECT s.*, f.title AS form_title, m.name AS member_name, m.employee_number, un.name AS unit_name
  FROM submissions s JOIN forms f ON f.id = s.form_id JOIN members m ON m.id = s.member_id LEFT JOIN units un ON un.id = s.unit_id`;

export interface VersionRow {
  version: number;
  fields: FormField[];
  steps: ApprovalStep[];
}

/** The SQL of the form engine: forms and their versions, submissions and their events. */
export class FormsRepo extends Repository {

  insertForm(id: string, input: FormInput, authorId: string, now: number): void {
    this.sql(
      `INSERT INTO forms (id, kind, title, description, title_en, description_en, audience, status, opens_at, closes_at, anonymous, allow_edit, version, author_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ).run(id, input.kind, input.title.trim(), input.description, englishOrNull(input.titleEn), englishOrNull(input.descriptionEn), JSON.stringify(input.audience), input.status, input.opensAt, input.closesAt, input.anonymous ? 1 : 0, input.allowEdit ? 1 : 0, authorId, now, now);
  }

  updateForm(id: string, input: FormInput, version: number, now: number): void {
    this.sql(`UPDATE forms SET title = ?, description = ?, title_en = ?, description_en = ?, audience = ?, status = ?, opens_at = ?, closes_at = ?, anonymous = ?, allow_edit = ?, version = ?, updated_at = ? WHERE id = ?`).run(
      input.title.trim(),
      input.description,
      englishOrNull(input.titleEn),
      englishOrNull(input.descriptionEn),
      JSON.stringify(input.audience),
      input.status,
      input.opensAt,
      input.closesAt,
      input.anonymous ? 1 : 0,
      input.allowEdit ? 1 : 0,
      version,
      now,
      id,
    );
  }

  archiveForm(id: string, now: number): void {
    this.sql("UPDATE forms SET status = 'archived', updated_at = ? WHERE id = ?").run(now, id);
  }

  insertVersion(formId: string, version: number, input: Pick<FormInput, 'fields' | 'steps'>, editorId: string, at: number): void {
    this.sql('INSERT INTO form_versions (form_id, version, fields, steps, editor_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(formId, version, JSON.stringify(input.fields), JSON.stringify(input.steps), editorId, at);
  }

  /** A version nobody could answer yet, edited in place. */
  replaceVersion(formId: string, version: number, input: Pick<FormInput, 'fields' | 'steps'>, editorId: string, at: number): void {
    this.sql('UPDATE form_versions SET fields = ?, steps = ?, editor_id = ?, at = ? WHERE form_id = ? AND version = ?').run(JSON.stringify(input.fields), JSON.stringify(input.steps), editorId, at, formId, version);
  }

  /** Submissions that count as answers (or applications made): not drafts, not withdrawn. */
  countedAnswers(formId: string): Answers[] {
    return (this.sql(`SELECT answers FROM submissions WHERE form_id = ? AND ${COUNTED} ORDER BY submitted_at, id`).pluck().all(formId) as string[]).map((a) => JSON.parse(a) as Answers);
  }

  /** Who has answered (the "has answered" marks; anonymous surveys keep them too). */
  answeredBy(formId: string): Set<string> {
    return new Set(this.sql(`SELECT member_id FROM submissions WHERE form_id = ? AND ${COUNTED}`).pluck().all(formId) as string[]);
  }

  /** A named form's counted submissions with the member's columns, for the CSV export. */
  namedAnswers(formId: string): { answers: string; submitted_at: number | null; employee_number: string; name: string; unit_name: string | null }[] {
    return this.sql(
      `SELECT s.answers, s.submitted_at, m.employee_number, m.name, un.name AS unit_name FROM submissions s JOIN members m ON m.id = s.member_id
       LEFT JOIN units un ON un.id = s.unit_id WHERE s.form_id = ? AND s.${COUNTED} ORDER BY s.submitted_at, s.id`,
    ).all(formId) as { answers: string; submitted_at: number | null; employee_number: string; name: string; unit_name: string | null }[];
  }

  /** One page of the approval inbox (limit + 1 rows); `mine` keeps only applications in review. */
  inboxPage(query: InboxPageQuery): ListedRow[] {
    return this.sql(
      `WITH RECURSIVE down(id) AS (SELECT value FROM json_each(@roots) UNION SELECT u.id FROM units u JOIN down ON u.parent_id = down.id),
         sub(id) AS (SELECT @unit WHERE @unit IS NOT NULL UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)
       ${LISTED}
       WHERE s.kind = 'application' AND s.state <> 'draft' AND s.unit_id IN (SELECT id FROM down)
         AND (@unit IS NULL OR s.unit_id IN (SELECT id FROM sub))
         AND (@state IS NULL OR s.state = @state) AND (@step IS NULL OR s.step = @step) AND (@form IS NULL OR s.form_id = @form)
         AND (@mine = 0 OR s.state = 'in_review')
         AND (@afterTime IS NULL OR s.updated_at < @afterTime OR (s.updated_at = @afterTime AND s.id < @afterId))
       ORDER BY s.updated_at DESC, s.id DESC LIMIT @limit`,
    ).all(query) as ListedRow[];
  }

  listed(id: string): ListedRow | undefined {
    return this.sql(`${LISTED} WHERE s.id = ?`).get(id) as ListedRow | undefined;
  }

  /** Moves an application only if it is still where the officer saw it; false if it moved meanwhile. */
  moveSubmission(id: string, from: { state: SubmissionState; step: number }, to: { state: SubmissionState; step: number }, now: number): boolean {
    return this.sql('UPDATE submissions SET state = ?, step = ?, updated_at = ? WHERE id = ? AND state = ? AND step = ?').run(to.state, to.step, now, id, from.state, from.step).changes > 0;
  }

  form(id: string): FormRow | undefined {
    return this.sql('SELECT * FROM forms WHERE id = ?').get(id) as FormRow | undefined;
  }

  /** A form as devices hold it (the current version's fields and steps). */
  formDoc(id: string): FormDoc | null {
    const row = this.form(id);
    if (!row) return null;
    const current = this.version(id, row.version);
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      description: row.description,
      titleEn: row.title_en,
      descriptionEn: row.description_en,
      fields: current?.fields ?? [],
      steps: current?.steps ?? [],
      audience: JSON.parse(row.audience) as Audience,
      status: row.status,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      anonymous: row.anonymous === 1,
      allowEdit: row.allow_edit === 1,
      version: row.version,
      authorId: row.author_id,
      authorName: null,
      updatedAt: 0,
    };
  }

  version(formId: string, version: number): VersionRow | null {
    const row = this.sql('SELECT version, fields, steps FROM form_versions WHERE form_id = ? AND version = ?').get(formId, version) as
      | { version: number; fields: string; steps: string }
      | undefined;
    return row ? { version: row.version, fields: JSON.parse(row.fields) as FormField[], steps: JSON.parse(row.steps) as ApprovalStep[] } : null;
  }

  versions(formId: string): VersionRow[] {
    return (this.sql('SELECT version, fields, steps FROM form_versions WHERE form_id = ? ORDER BY version').all(formId) as { version: number; fields: string; steps: string }[]).map(
      (row) => ({ version: row.version, fields: JSON.parse(row.fields) as FormField[], steps: JSON.parse(row.steps) as ApprovalStep[] }),
    );
  }

  submission(id: string): SubmissionRow | undefined {
    return this.sql('SELECT * FROM submissions WHERE id = ?').get(id) as SubmissionRow | undefined;
  }

  submissionCount(formId: string): number {
    return (this.sql('SELECT count(*) FROM submissions WHERE form_id = ?').pluck().get(formId) as number) + (this.sql('SELECT count(*) FROM survey_answers_anon WHERE form_id = ?').pluck().get(formId) as number);
  }

  /** Each change in a submission's life is one numbered event; the device gets them as its history. */
  addEvent(submissionId: string, e: { at: number; actorId: string | null; action: HistoryEntry['action']; state: SubmissionState; step: number; comment: string | null }): void {
    const n = (this.sql('SELECT COALESCE(MAX(n), 0) + 1 FROM submission_events WHERE submission_id = ?').pluck().get(submissionId) as number);
    this.sql('INSERT INTO submission_events (submission_id, n, at, actor_id, action, state, step, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(submissionId, n, e.at, e.actorId, e.action, e.state, e.step, e.comment);
  }

  history(submissionId: string): HistoryEntry[] {
    const rows = this.sql('SELECT e.at, e.action, e.state, e.step, e.actor_id, m.name, e.comment FROM submission_events e LEFT JOIN members m ON m.id = e.actor_id WHERE e.submission_id = ? ORDER BY e.n')
      .all(submissionId) as { at: number; action: HistoryEntry['action']; state: HistoryEntry['state']; step: number; actor_id: string | null; name: string | null; comment: string | null }[];
    return rows.map((r) => ({ at: r.at, action: r.action, state: r.state, step: r.step, actorId: r.actor_id, actorName: r.name, comment: r.comment }));
  }

  /** Active members holding `role` granted on exactly that unit (the approvers of a step there). */
  holders(unitId: string, role: ApprovalStep['role']): string[] {
    return this.sql("SELECT g.member_id FROM role_grants g JOIN members m ON m.id = g.member_id WHERE g.unit_id = ? AND g.role = ? AND m.status = 'active' ORDER BY g.member_id")
      .pluck()
      .all(unitId, role) as string[];
  }

  /** Each member's chosen language (absent: not chosen). */
  languages(memberIds: readonly string[]): Map<string, 'ja' | 'en'> {
    const rows = this.sql('SELECT id, preferred_language FROM members WHERE id IN (SELECT value FROM json_each(?)) AND preferred_language IS NOT NULL')
      .all(JSON.stringify(memberIds)) as { id: string; preferred_language: 'ja' | 'en' }[];
    return new Map(rows.map((r) => [r.id, r.preferred_language]));
  }

  memberName(id: string): string | null {
    return (this.sql('SELECT name FROM members WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  unitName(id: string | null): string | null {
    return id === null ? null : ((this.sql('SELECT name FROM units WHERE id = ?').pluck().get(id) as string | undefined) ?? null);
  }

  /** Whether each attachment is one the member uploaded themself, with its true size and type. */
  setFiles(submissionId: string, hashes: readonly string[]): void {
    this.sql('DELETE FROM submission_files WHERE submission_id = ?').run(submissionId);
    const put = this.sql('INSERT OR IGNORE INTO submission_files (hash, submission_id) VALUES (?, ?)');
    for (const hash of hashes) put.run(hash, submissionId);
  }
}
