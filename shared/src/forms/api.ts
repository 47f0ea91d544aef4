import type { FromSchema } from 'json-schema-to-ts';
import { audienceSchema } from '../sync/notices.ts';
import { approvalStepSchema, type ApplicationAction, type ApprovalStep } from './applications.ts';
import { formFieldSchema, type Answer, type FormField } from './fields.ts';
import { formKinds, submissionDocSchema, type FormKind, type HistoryEntry, type SubmissionState } from './forms.ts';

/**
 * The officers' side of the form engine, over HTTP (members fill in and
 * submit through sync, offline too; officers create forms, see results and
 * act on applications online):
 *
 *   POST /api/forms                       FormInput → { id, version }           (form.manage over the audience)
 *   PUT  /api/forms/:id                   FormInput → { id, version }           (a published form gets a new version)
 *   POST /api/forms/:id/archive           {} → { id }                           (takes no more answers)
 *   POST /api/forms/:id/remind            {} → { members }                      (push to those in scope who have not answered an open survey)
 *   GET  /api/forms/:id/results           → FormResults                         (author or form.results in scope)
 *   GET  /api/forms/:id/export.csv        → text/csv, UTF-8 with BOM            (same access; audited)
 *   GET  /api/applications?state=&step=&unit=&form=&mine=1&cursor=   → ApplicationPage   (application.review in scope)
 *   GET  /api/applications/:id            → ApplicationDetail
 *   POST /api/applications/:id/actions    ApplicationActionInput → ApplicationDetail
 *        409 application_changed when the application is no longer at expectedState/expectedStep.
 */

const time = { type: 'integer', minimum: 0, maximum: 9007199254740991 } as const;

/** A survey or an application template as an officer sends it (create or edit); the server validates the body with this schema. */
export const formInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'title', 'description', 'fields', 'steps', 'audience', 'status', 'opensAt', 'closesAt', 'anonymous', 'allowEdit'],
  properties: {
    kind: { type: 'string', enum: formKinds },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 4000 },
    /** Optional English beside the Japanese (same limits); empty or left out: none. */
    titleEn: { type: 'string', maxLength: 200 },
    descriptionEn: { type: 'string', maxLength: 4000 },
    fields: { type: 'array', maxItems: 100, items: formFieldSchema },
    /** Applications only; [] for surveys. */
    steps: { type: 'array', maxItems: 10, items: approvalStepSchema },
    audience: audienceSchema,
    /** draft keeps it to its author; published sends it to its audience. */
    status: { type: 'string', enum: ['draft', 'published'] },
    opensAt: time,
    closesAt: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    anonymous: { type: 'boolean' },
    allowEdit: { type: 'boolean' },
  },
} as const;
export type FormInput = FromSchema<typeof formInputSchema>;

export interface ChoiceCount {
  option: string;
  count: number;
}

export type FieldResult =
  | { field: string; type: 'single_choice' | 'multiple_choice' | 'yes_no'; answered: number; counts: ChoiceCount[] }
  /** Scale: the count for each value from min to max, and the mean. Number: the same over the values given. */
  | { field: string; type: 'scale' | 'number'; answered: number; distribution: { value: number; count: number }[]; mean: number | null }
  /** Free text and dates: the answers themselves (at most 500, newest last). */
  | { field: string; type: 'short_text' | 'long_text' | 'date'; answered: number; texts: string[] }
  | { field: string; type: 'file'; answered: number };

export interface FormResults {
  formId: string;
  title: string;
  kind: FormKind;
  anonymous: boolean;
  /** Members in the audience now, and how many of them answered (or applied). */
  audienceSize: number;
  answered: number;
  /**
   * Per unit of the audience that the viewer may see: members and answers (from the "has answered" marks).
   * Anonymous surveys: as of the last release while open, and `answered` is null for a unit with fewer
   * than ANONYMOUS_RESULTS_MIN answers (or before the first release).
   */
  units: { unitId: string; unitName: string; members: number; answered: number | null }[];
  /**
   * Anonymous surveys while open: how many answers `results` and `units` cover. Answers are released
   * in batches of at least ANONYMOUS_RESULTS_MIN, so two looks never tell one member's answer apart.
   * null for named surveys and once the survey has closed (everything shows).
   */
  released: number | null;
  /** The current version's fields, with the answers of every version merged by field id. */
  fields: FormField[];
  /** null when withheld: an anonymous survey with fewer than ANONYMOUS_RESULTS_MIN answers. */
  results: FieldResult[] | null;
}

export interface ApplicationSummary {
  id: string;
  formId: string;
  formTitle: string;
  memberId: string;
  memberName: string;
  employeeNumber: string;
  unitId: string;
  unitName: string;
  state: SubmissionState;
  step: number;
  steps: number;
  submittedAt: number | null;
  updatedAt: number;
  /** Whether the viewer is one of the current step's approvers. */
  mayAct: boolean;
}

export interface ApplicationPage {
  items: ApplicationSummary[];
  /** Pass as `cursor` for the next page; null at the end. */
  next: string | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  formVersion: number;
  /** The fields of the version the applicant answered. */
  fields: FormField[];
  answers: Record<string, Answer | null>;
  history: HistoryEntry[];
  /** The approval chain, with the unit and the people who act at each step (after escalation). */
  chain: { step: number; role: ApprovalStep['role']; unitId: string | null; unitName: string | null; approvers: { id: string; name: string }[] }[];
  /** What the viewer may do now (the guards of shared/src/forms/applications.ts). */
  actions: ApplicationAction[];
}

/** An officer's action on an application, applied only if it is still at expectedState / expectedStep (what the officer saw). */
export const applicationActionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'expectedState', 'expectedStep'],
  properties: {
    action: { type: 'string', enum: ['approve', 'return', 'reject', 'pay'] },
    comment: { type: 'string', maxLength: 2000 },
    expectedState: submissionDocSchema.properties.state,
    expectedStep: { type: 'integer', minimum: 0, maximum: 20 },
  },
} as const;
export type ApplicationActionInput = FromSchema<typeof applicationActionSchema>;
