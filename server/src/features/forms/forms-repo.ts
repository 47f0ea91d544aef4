import type { ApprovalStep, Attachment, Audience, FormDoc, FormField, HistoryEntry, OfficedRecord, SubmissionState } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';

export interface FormRow {
  id: string;
  kind: 'survey' | 'application';
  title: string;
  description: string;
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

export interface VersionRow {
  version: number;
  fields: FormField[];
  steps: ApprovalStep[];
}

/** The SQL of the form engine: forms and their versions, submissions and their events. */
export class FormsRepo {
  constructor(private readonly db: Db) {}

  form(id: string): FormRow | undefined {
    return this.db.prepare('SELECT * FROM forms WHERE id = ?').get(id) as FormRow | undefined;
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
    const row = this.db.prepare('SELECT version, fields, steps FROM form_versions WHERE form_id = ? AND version = ?').get(formId, version) as
      | { version: number; fields: string; steps: string }
      | undefined;
    return row ? { version: row.version, fields: JSON.parse(row.fields) as FormField[], steps: JSON.parse(row.steps) as ApprovalStep[] } : null;
  }

  versions(formId: string): VersionRow[] {
    return (this.db.prepare('SELECT version, fields, steps FROM form_versions WHERE form_id = ? ORDER BY version').all(formId) as { version: number; fields: string; steps: string }[]).map(
      (row) => ({ version: row.version, fields: JSON.parse(row.fields) as FormField[], steps: JSON.parse(row.steps) as ApprovalStep[] }),
    );
  }

  submission(id: string): SubmissionRow | undefined {
    return this.db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as SubmissionRow | undefined;
  }

  submissionCount(formId: string): number {
    return (this.db.prepare('SELECT count(*) FROM submissions WHERE form_id = ?').pluck().get(formId) as number) + (this.db.prepare('SELECT count(*) FROM survey_answers_anon WHERE form_id = ?').pluck().get(formId) as number);
  }

  /** Each change in a submission's life is one numbered event; the device gets them as its history. */
  addEvent(submissionId: string, e: { at: number; actorId: string | null; action: HistoryEntry['action']; state: SubmissionState; step: number; comment: string | null }): void {
    const n = (this.db.prepare('SELECT COALESCE(MAX(n), 0) + 1 FROM submission_events WHERE submission_id = ?').pluck().get(submissionId) as number);
    this.db
      .prepare('INSERT INTO submission_events (submission_id, n, at, actor_id, action, state, step, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(submissionId, n, e.at, e.actorId, e.action, e.state, e.step, e.comment);
  }

  history(submissionId: string): HistoryEntry[] {
    const rows = this.db
      .prepare('SELECT e.at, e.action, e.state, e.step, e.actor_id, m.name, e.comment FROM submission_events e LEFT JOIN members m ON m.id = e.actor_id WHERE e.submission_id = ? ORDER BY e.n')
      .all(submissionId) as { at: number; action: HistoryEntry['action']; state: HistoryEntry['state']; step: number; actor_id: string | null; name: string | null; comment: string | null }[];
    return rows.map((r) => ({ at: r.at, action: r.action, state: r.state, step: r.step, actorId: r.actor_id, actorName: r.name, comment: r.comment }));
  }

  /** Active members holding `role` granted on exactly that unit (the approvers of a step there). */
  holders(unitId: string, role: ApprovalStep['role']): string[] {
    return this.db
      .prepare("SELECT g.member_id FROM role_grants g JOIN members m ON m.id = g.member_id WHERE g.unit_id = ? AND g.role = ? AND m.status = 'active' ORDER BY g.member_id")
      .pluck()
      .all(unitId, role) as string[];
  }

  /** Each member's chosen language (absent: not chosen). */
  languages(memberIds: readonly string[]): Map<string, 'ja' | 'en'> {
    const rows = this.db
      .prepare('SELECT id, preferred_language FROM members WHERE id IN (SELECT value FROM json_each(?)) AND preferred_language IS NOT NULL')
      .all(JSON.stringify(memberIds)) as { id: string; preferred_language: 'ja' | 'en' }[];
    return new Map(rows.map((r) => [r.id, r.preferred_language]));
  }

  memberName(id: string): string | null {
    return (this.db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  unitName(id: string | null): string | null {
    return id === null ? null : ((this.db.prepare('SELECT name FROM units WHERE id = ?').pluck().get(id) as string | undefined) ?? null);
  }

  /** Whether each attachment is one the member uploaded themself, with its true size and type. */
  ownsUploads(memberId: string, attachments: readonly Attachment[]): boolean {
    const get = this.db.prepare('SELECT u.size, u.type FROM uploads u JOIN upload_owners o ON o.hash = u.hash WHERE u.hash = ? AND o.member_id = ?');
    return attachments.every((a) => {
      const row = get.get(a.hash, memberId) as { size: number; type: string } | undefined;
      return row !== undefined && row.size === a.size && row.type === a.type;
    });
  }

  setFiles(submissionId: string, hashes: readonly string[]): void {
    this.db.prepare('DELETE FROM submission_files WHERE submission_id = ?').run(submissionId);
    const put = this.db.prepare('INSERT OR IGNORE INTO submission_files (hash, submission_id) VALUES (?, ?)');
    for (const hash of hashes) put.run(hash, submissionId);
  }
}
