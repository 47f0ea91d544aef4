import { randomUUID } from 'node:crypto';
import {
  audienceRoles,
  formDocSchema,
  SUBMISSION_SERVER_OWNED,
  submissionDocSchema,
  submissionWrite,
  transition,
  type Attachment,
  type FormField,
  type SubmissionDoc,
  type SubmissionEffect,
} from '@kumiai/shared';
import type { CollectionRegistration, WriteContext } from '../../sync/registry.ts';
import { FormsRepo } from './forms-repo.ts';

const bool = (column: string) => `json(CASE WHEN ${column} THEN 'true' ELSE 'false' END)`;

/**
 * `forms`: surveys and application templates, reaching their audience like
 * notices (sync_audience rows kept by the generated triggers); the
 * author sees theirs in every state. Read-only on devices.
 */
export const formsCollection: CollectionRegistration = {
  name: 'forms',
  schema: formDocSchema,
  source: {
    table: 'forms',
    projection: `json_object('id', t.id, 'kind', t.kind, 'title', t.title, 'description', t.description,
      'titleEn', t.title_en, 'descriptionEn', t.description_en,
      'fields', json(COALESCE((SELECT v.fields FROM form_versions v WHERE v.form_id = t.id AND v.version = t.version), '[]')),
      'steps', json(COALESCE((SELECT v.steps FROM form_versions v WHERE v.form_id = t.id AND v.version = t.version), '[]')),
      'audience', json(t.audience), 'status', t.status, 'opensAt', t.opens_at, 'closesAt', t.closes_at,
      'anonymous', ${bool('t.anonymous')}, 'allowEdit', ${bool('t.allow_edit')}, 'version', t.version,
      'authorId', t.author_id, 'authorName', (SELECT name FROM members WHERE id = t.author_id), 'updatedAt', t.updated_at)`,
  },
  capture: { member: 'author_id', audience: { column: 'audience', when: { sql: "NEW.status <> 'draft'", columns: ['status'] } } },
  readableUnits: () => [],
  audience: { units: (actor) => [...actor.unitPath], roles: (actor) => audienceRoles(actor) },
  readsOwn: (actor) => actor.status !== 'left',
};

/** What the write rule decided for a row (and the chain's length), handed to the write. */
type Decision = { effect: SubmissionEffect; steps: number };

const historyJson = `json_object('at', e.at, 'action', e.action, 'state', e.state, 'step', e.step, 'actorId', e.actor_id,
  'actorName', (SELECT name FROM members WHERE id = e.actor_id), 'comment', e.comment)`;

function attachmentsIn(fields: readonly FormField[], answers: SubmissionDoc['answers']): Attachment[] {
  return fields.filter((f) => f.type === 'file').flatMap((f) => (Array.isArray(answers[f.id]) ? (answers[f.id] as Attachment[]) : []));
}

/**
 * `submissions`: a member's own survey answers and applications, and nobody
 * else's (scope_member). Written on the device, offline too, within the
 * shared write rule; officers act on applications through the API. An
 * anonymous answer is stored apart from its member (survey_answers_anon) and
 * comes back to the device as the "has answered" mark with empty answers.
 */
export function submissionsCollection(options: {
  /** Whether the member uploaded these files themselves (the uploads feature decides). */
  ownsUploads: (memberId: string, attachments: readonly Attachment[]) => boolean;
  onSubmitted?: (submissionId: string) => void;
}): CollectionRegistration<SubmissionDoc, Decision> {
  return {
    name: 'submissions',
    schema: submissionDocSchema,
    source: {
      table: 'submissions',
      projection: `json_object('id', t.id, 'formId', t.form_id, 'formVersion', t.form_version, 'kind', t.kind, 'memberId', t.member_id,
        'memberName', CASE WHEN t.submitted_at IS NULL THEN NULL ELSE (SELECT name FROM members WHERE id = t.member_id) END,
        'unitId', t.unit_id, 'anonymous', ${bool('t.anonymous')}, 'answers', json(t.answers), 'state', t.state, 'step', t.step, 'steps', t.steps,
        'history', json((SELECT json_group_array(json(x.j)) FROM (SELECT ${historyJson} AS j FROM submission_events e WHERE e.submission_id = t.id ORDER BY e.n) x)),
        'submittedAt', t.submitted_at, 'createdAt', t.created_at, 'updatedAt', t.updated_at)`,
    },
    capture: { member: 'member_id' },
    readableUnits: () => [],
    readsOwn: (actor) => actor.status !== 'left',
    serverOwned: SUBMISSION_SERVER_OWNED,
    write: {
      check: (ctx, master, doc, deleted) => {
        const repo = new FormsRepo(ctx.db);
        // A member may always withdraw their own application, even from a form no longer addressed to them.
        const withdrawing = master !== null && doc.state === 'withdrawn';
        const form = withdrawing || ctx.visible('forms', doc.formId) ? repo.formDoc(doc.formId) : null;
        const version = form ? repo.version(doc.formId, doc.formVersion) : null;
        const result = submissionWrite({
          actor: ctx.actor,
          form,
          versionFields: version?.fields ?? null,
          master,
          next: doc,
          deleted,
          now: ctx.now,
        });
        if (!result.ok) return { code: result.code, message: result.message, ...(result.field ? { field: result.field } : {}) };
        // Files must be the member's own uploads (those already on the submission were checked when they came).
        if (version) {
          const before = new Set(master ? attachmentsIn(version.fields, master.answers).map((a) => a.hash) : []);
          for (const field of version.fields.filter((f) => f.type === 'file')) {
            const value = doc.answers[field.id];
            const added = (Array.isArray(value) ? (value as Attachment[]) : []).filter((a) => !before.has(a.hash));
            if (!options.ownsUploads(ctx.actor.memberId, added)) return { code: 'invalid_answer', field: field.id, message: `${field.id}: attach only files you uploaded yourself` };
          }
        }
        return { allow: { effect: result.effect, steps: version?.steps.length ?? 0 } };
      },
      apply: (ctx, doc, master, _deleted, decision) => {
        applySubmission(ctx, new FormsRepo(ctx.db), doc, master, decision);
        // The first approvers hear of it once it is stored (an application submitted offline, too).
        if (decision.effect.kind === 'submit' && options.onSubmitted) {
          const notify = options.onSubmitted;
          ctx.afterCommit(() => notify(doc.id));
        }
      },
    },
  };
}

function applySubmission(ctx: WriteContext, repo: FormsRepo, doc: SubmissionDoc, master: SubmissionDoc | null, decision: Decision): void {
  const { effect } = decision;
  const { now, actor } = ctx;
  const unitId = actor.unitPath.at(-1) ?? null;
  const createdAt = Math.min(doc.createdAt, now);
  const upsert = (state: string, step: number, steps: number, answers: string, submitted: boolean) =>
    ctx
      .stmt(
        `INSERT INTO submissions (id, form_id, form_version, kind, member_id, unit_id, anonymous, answers, state, step, steps, submitted_at, created_at, updated_at)
         VALUES (@id, @formId, @formVersion, @kind, @memberId, @unitId, @anonymous, @answers, @state, @step, @steps, @submittedAt, @createdAt, @now)
         ON CONFLICT (id) DO UPDATE SET form_version = excluded.form_version, answers = excluded.answers, state = excluded.state, step = excluded.step,
           steps = excluded.steps, unit_id = COALESCE(excluded.unit_id, unit_id), submitted_at = COALESCE(excluded.submitted_at, submitted_at), updated_at = excluded.updated_at`,
      )
      .run({
        id: doc.id,
        formId: doc.formId,
        formVersion: doc.formVersion,
        kind: doc.kind,
        memberId: actor.memberId,
        unitId: submitted ? unitId : null,
        anonymous: doc.anonymous ? 1 : 0,
        answers,
        state,
        step,
        steps,
        submittedAt: submitted ? now : null,
        createdAt,
        now,
      });
  const event = (action: 'submit' | 'edit' | 'withdraw', state: SubmissionDoc['state'], step: number) =>
    repo.addEvent(doc.id, { at: now, actorId: actor.memberId, action, state, step, comment: null });
  const files = () => repo.setFiles(doc.id, attachmentsIn(repo.version(doc.formId, doc.formVersion)?.fields ?? [], doc.answers).map((a) => a.hash));

  switch (effect.kind) {
    case 'answer': {
      if (master) {
        // Only a changed named answer gets here with a master (anonymous ones are never edited).
        if (effect.anonymous || JSON.stringify(master.answers) === JSON.stringify(doc.answers)) return;
        upsert('submitted', 0, 0, JSON.stringify(doc.answers), true);
        event('edit', 'submitted', 0);
        files();
        return;
      }
      if (effect.anonymous) {
        // The answer goes where nothing links it to the member: a random key, no member, no time, no sequence.
        ctx.stmt('INSERT INTO survey_answers_anon (form_id, id, form_version, answers) VALUES (?, ?, ?, ?)').run(doc.formId, randomUUID(), doc.formVersion, JSON.stringify(doc.answers));
        // The member's row is only the "has answered" mark.
        upsert('submitted', 0, 0, '{}', true);
        return;
      }
      upsert('submitted', 0, 0, JSON.stringify(doc.answers), true);
      event('submit', 'submitted', 0);
      files();
      return;
    }
    case 'draft': {
      // The rule's "nothing changed" answer for a state the server set: nothing to do.
      if (doc.state !== 'draft') return;
      upsert('draft', 0, master?.steps ?? 0, JSON.stringify(doc.answers), false);
      if (master && master.state !== 'draft') event('edit', 'draft', 0);
      files();
      return;
    }
    case 'submit': {
      const from = master?.state === 'returned' ? 'returned' : 'draft';
      const moved = transition({ state: from, step: 0, steps: decision.steps }, 'submit', { applicantId: actor.memberId, actorId: actor.memberId, currentApprovers: [], actorMayPay: false });
      if (!moved.ok) throw new Error(`submissions: submit refused after the write rule allowed it (${moved.reason})`);
      upsert(moved.status.state, moved.status.step, decision.steps, JSON.stringify(doc.answers), true);
      event('submit', moved.status.state, moved.status.step);
      files();
      return;
    }
    case 'withdraw': {
      if (master?.state === 'withdrawn') return;
      upsert('withdrawn', master?.step ?? 0, master?.steps ?? 0, JSON.stringify(master?.answers ?? doc.answers), false);
      event('withdraw', 'withdrawn', master?.step ?? 0);
      if (!master) files();
      return;
    }
  }
}
