import type { Audience } from '../sync/notices.ts';
import type { ApplicationAction, ApprovalStep } from './applications.ts';
import type { Answer, FormField } from './fields.ts';
import type { FormKind, HistoryEntry, SubmissionState } from './forms.ts';

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

export interface FormInput {
  kind: FormKind;
  title: string;
  description: string;
  fields: FormField[];
  /** Applications only; [] for surveys. */
  steps: ApprovalStep[];
  audience: Audience;
  /** draft keeps it to its author; published sends it to its audience. */
  status: 'draft' | 'published';
  opensAt: number;
  closesAt: number | null;
  anonymous: boolean;
  allowEdit: boolean;
}

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
  kind: FormKind;
  anonymous: boolean;
  /** Members in the audience now, and how many of them answered (or applied). */
  audienceSize: number;
  answered: number;
  /** Per unit of the audience that the viewer may see: members and answers (from the "has answered" marks). */
  units: { unitId: string; unitName: string; members: number; answered: number }[];
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

export interface ApplicationActionInput {
  action: Exclude<ApplicationAction, 'submit' | 'withdraw'>;
  comment?: string;
  /** What the officer saw: the action applies only if the application is still there. */
  expectedState: SubmissionState;
  expectedStep: number;
}
