import type { FromSchema } from 'json-schema-to-ts';
import type { Actor } from '../permissions.ts';
import type { RejectionCode } from '../sync/protocol.ts';
import { attachmentSchema, audienceSchema } from '../sync/notices.ts';
import { applicationActions, approvalStepSchema } from './applications.ts';
import { formFieldSchema, validateAnswers, type Answers, type FormField } from './fields.ts';

/**
 * The two synced collections of the form engine (surveys and applications):
 *
 * - `forms`: a survey or an application template, with its audience; read-only
 *   on devices (officers create and edit them through the API). Every edit of
 *   a published form makes a new version; answers keep the version they were
 *   given against, so an edit never corrupts them.
 * - `submissions`: a member's answer to a survey or their application. Created
 *   and changed on the device (offline too) within the write rule below; only
 *   their own ever reach a member's devices. Approvers act through the API.
 *
 * An anonymous survey's answer is pushed like any other, but the server stores
 * it apart from the member, and what comes back to the device is only the
 * "has answered" mark: `answers` is empty there.
 */

const time = { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 } as const;
const maybeTime = { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 } as const;

export const formKinds = ['survey', 'application'] as const;
export type FormKind = (typeof formKinds)[number];

export const formDocSchema = {
  title: 'forms',
  // 1: titleEn and descriptionEn (the English beside the Japanese; null when none).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'title', 'description', 'fields', 'steps', 'audience', 'status', 'opensAt', 'closesAt', 'anonymous', 'allowEdit', 'version', 'authorId', 'authorName', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: formKinds },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 4000 },
    /** English beside the Japanese, for members reading in English (null: they read the Japanese). */
    titleEn: { type: ['string', 'null'], maxLength: 200 },
    descriptionEn: { type: ['string', 'null'], maxLength: 4000 },
    /** The fields of the current version. */
    fields: { type: 'array', maxItems: 100, items: formFieldSchema },
    /** Applications: the approval chain (empty for surveys). */
    steps: { type: 'array', maxItems: 10, items: approvalStepSchema },
    audience: audienceSchema,
    /** draft: only its author sees it; published: its audience does; archived: nobody new answers. */
    status: { type: 'string', enum: ['draft', 'published', 'archived'] },
    opensAt: time,
    /** Surveys: the deadline; applications: usually none. */
    closesAt: maybeTime,
    anonymous: { type: 'boolean' },
    /** Surveys: a named answer may be changed until closing. */
    allowEdit: { type: 'boolean' },
    version: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    /** null for the templates the union starts with. */
    authorId: { type: ['string', 'null'], maxLength: 64 },
    authorName: { type: ['string', 'null'], maxLength: 100 },
    updatedAt: time,
  },
  indexes: ['updatedAt'],
} as const;
export type FormDoc = FromSchema<typeof formDocSchema>;


/** One change in a submission's life, written by the server. */
export const historyEntrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['at', 'action', 'state', 'step', 'actorId', 'actorName', 'comment'],
  properties: {
    at: time,
    action: { type: 'string', enum: [...applicationActions, 'edit'] },
    /** The state after the change, and the step under review then. */
    state: { type: 'string', enum: ['draft', 'submitted', 'in_review', 'returned', 'approved', 'rejected', 'paid', 'withdrawn'] },
    step: { type: 'integer', minimum: 0, maximum: 20 },
    actorId: { type: ['string', 'null'], maxLength: 64 },
    actorName: { type: ['string', 'null'], maxLength: 100 },
    comment: { type: ['string', 'null'], maxLength: 2000 },
  },
} as const;
export type HistoryEntry = FromSchema<typeof historyEntrySchema>;

const answerSchema = {
  anyOf: [
    { type: 'string', maxLength: 20000 },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
    { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 40 } },
    { type: 'array', maxItems: 20, items: attachmentSchema },
  ],
} as const;

export const submissionDocSchema = {
  title: 'submissions',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'formId', 'formVersion', 'kind', 'memberId', 'memberName', 'unitId', 'anonymous', 'answers', 'state', 'step', 'steps', 'history', 'submittedAt', 'createdAt', 'updatedAt'],
  properties: {
    /** A survey answer: `<formId>:<memberId>` (one per member); an application: a random id from the device. */
    id: { type: 'string', maxLength: 140 },
    formId: { type: 'string', maxLength: 64 },
    /** The form version the answers were given against. */
    formVersion: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    kind: { type: 'string', enum: formKinds },
    memberId: { type: 'string', maxLength: 64 },
    /** Server-set: the applicant's name and unit when submitted (null on the device until then). */
    memberName: { type: ['string', 'null'], maxLength: 100 },
    unitId: { type: ['string', 'null'], maxLength: 64 },
    anonymous: { type: 'boolean' },
    /** By field id. Empty on the device once an anonymous answer has reached the server. */
    answers: { type: 'object', maxProperties: 100, additionalProperties: answerSchema },
    /**
     * On the device a member writes draft, submitted (a request to submit) or
     * withdrawn; everything else is the server's (in_review at `step`, …).
     */
    state: { type: 'string', enum: ['draft', 'submitted', 'in_review', 'returned', 'approved', 'rejected', 'paid', 'withdrawn'] },
    step: { type: 'integer', minimum: 0, maximum: 20 },
    steps: { type: 'integer', minimum: 0, maximum: 20 },
    history: { type: 'array', maxItems: 200, items: historyEntrySchema },
    submittedAt: maybeTime,
    createdAt: time,
    updatedAt: time,
  },
  indexes: ['formId', 'updatedAt'],
} as const;
export type SubmissionDoc = FromSchema<typeof submissionDocSchema>;
export type SubmissionState = SubmissionDoc['state'];

/** Fields only the server sets: a device's value is ignored for times, refused if changed otherwise. */
export const SUBMISSION_SERVER_OWNED = ['memberName', 'unitId', 'history', 'step', 'steps', 'submittedAt', 'createdAt', 'updatedAt'] as const;
const SERVER_SET_CHECKED = ['memberName', 'unitId', 'history', 'step', 'steps'] as const;

/** A survey answer's id: one per member and survey. */
export function surveySubmissionId(formId: string, memberId: string): string {
  return `${formId}:${memberId}`;
}

/** Whether a form takes answers at `now` (the server's clock decides; the device's only guides). */
export function formOpen(form: Pick<FormDoc, 'status' | 'opensAt' | 'closesAt'>, now: number): boolean {
  return form.status === 'published' && form.opensAt <= now && (form.closesAt === null || now < form.closesAt);
}

/** Fewer answers than this and an anonymous survey's results are not shown (nor exported). */
export const ANONYMOUS_RESULTS_MIN = 5;

/** What the device may ask for, from each state the server holds. */
const DEVICE_REQUESTS: Record<SubmissionState, readonly SubmissionState[]> = {
  draft: ['draft', 'submitted', 'withdrawn'],
  returned: ['draft', 'submitted', 'withdrawn'],
  in_review: ['withdrawn'],
  submitted: ['submitted'],
  approved: [],
  rejected: [],
  paid: [],
  withdrawn: [],
};

/**
 * After a conflict (the server changed the submission while the device held
 * a change): whether the device's requested state still makes sense from the
 * server's state. If not (an officer approved it meanwhile, or the device's
 * own submit already went through and only the acknowledgement was lost), the
 * server's state wins whole.
 */
export function deviceRequestStillValid(serverState: SubmissionState, requested: SubmissionState): boolean {
  return requested !== serverState && DEVICE_REQUESTS[serverState].includes(requested);
}

export interface SubmissionWriteInput {
  actor: Actor;
  /** The form, if it exists and the actor may read it now; else null. */
  form: FormDoc | null;
  /** The fields of the version the answers claim (null when that version does not exist). */
  versionFields: readonly FormField[] | null;
  master: SubmissionDoc | null;
  next: SubmissionDoc;
  deleted: boolean;
  now: number;
}

export type SubmissionEffect =
  /** A new survey answer, or a changed named one. */
  | { kind: 'answer'; anonymous: boolean }
  /** An application saved as a draft (created or changed). */
  | { kind: 'draft' }
  /** An application submitted (from draft, returned, or created submitted). */
  | { kind: 'submit' }
  | { kind: 'withdraw' };

export type SubmissionWriteResult = { ok: true; effect: SubmissionEffect } | { ok: false; code: RejectionCode; field?: string; message: string };

const refuse = (code: RejectionCode, message: string, field?: string): SubmissionWriteResult => ({ ok: false, code, message, ...(field ? { field } : {}) });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The write rule for a submission pushed from a device: what a member may
 * create or change, and what the change means. Pure: the server supplies the
 * form and the stored state.
 */
export function submissionWrite(input: SubmissionWriteInput): SubmissionWriteResult {
  const { actor, form, master, next, now } = input;
  if (input.deleted) return refuse('forbidden', 'submissions are withdrawn, never deleted');
  if (next.memberId !== actor.memberId) return refuse('forbidden_field', 'a submission is its own member’s', 'memberId');
  if (!form) return refuse('not_found', 'no such form');
  if (master && master.formId !== next.formId) return refuse('forbidden_field', 'formId may not change', 'formId');
  if (next.kind !== form.kind) return refuse('forbidden_field', 'kind must be the form’s', 'kind');
  if (next.anonymous !== (form.kind === 'survey' && form.anonymous)) return refuse('forbidden_field', 'anonymous must be the form’s', 'anonymous');
  if (form.kind === 'survey' && next.id !== surveySubmissionId(form.id, actor.memberId)) return refuse('forbidden_field', 'a survey answer’s id is <formId>:<memberId>', 'id');
  for (const field of SERVER_SET_CHECKED) {
    const expected = master ? master[field] : field === 'history' ? [] : field === 'memberName' || field === 'unitId' ? null : 0;
    if (!same(next[field], expected)) return refuse('forbidden_field', `${field} is set by the server`, field);
  }
  if (!input.versionFields) return refuse('invalid_answer', `form version ${next.formVersion} does not exist`, 'formVersion');
  if (master && next.formVersion < master.formVersion) return refuse('forbidden_field', 'formVersion may not go back', 'formVersion');

  const answersChanged = !master || !same(master.answers, next.answers) || master.formVersion !== next.formVersion;
  const checkAnswers = (draft: boolean): SubmissionWriteResult | null => {
    const problems = validateAnswers(input.versionFields!, next.answers as Answers).filter((p) => !draft || p.code !== 'required');
    const first = problems[0];
    return first ? refuse('invalid_answer', `${first.field}: ${first.code}`, first.field) : null;
  };

  if (form.kind === 'survey') {
    if (next.state !== 'submitted') return refuse('forbidden_field', 'a survey answer is only ever submitted', 'state');
    if (master && !answersChanged) return { ok: true, effect: { kind: 'answer', anonymous: next.anonymous } };
    if (master && (form.anonymous || !form.allowEdit)) return refuse('not_editable', 'this survey’s answers cannot be changed');
    if (!formOpen(form, now)) return refuse('form_closed', 'the survey is not open');
    return checkAnswers(false) ?? { ok: true, effect: { kind: 'answer', anonymous: form.anonymous } };
  }

  // Applications.
  const from: SubmissionState = master ? (master.state) : 'draft';
  const requested = next.state;
  if (master && requested === from && !answersChanged) return { ok: true, effect: { kind: requested === 'withdrawn' ? 'withdraw' : 'draft' } };
  if (requested !== 'draft' && requested !== 'submitted' && requested !== 'withdrawn') return refuse('forbidden_field', `state ${requested} is set by the server`, 'state');
  if (!DEVICE_REQUESTS[from].includes(requested)) return refuse('wrong_state', `cannot go from ${from} to ${requested}`, 'state');
  if (requested === 'withdrawn') {
    if (master && answersChanged) return refuse('forbidden_field', 'answers do not change on withdrawal', 'answers');
    return { ok: true, effect: { kind: 'withdraw' } };
  }
  if (form.status !== 'published' || (requested === 'submitted' && !formOpen(form, now))) return refuse('form_closed', 'this application form takes no applications now');
  if (requested === 'draft') return checkAnswers(true) ?? { ok: true, effect: { kind: 'draft' } };
  return checkAnswers(false) ?? { ok: true, effect: { kind: 'submit' } };
}
