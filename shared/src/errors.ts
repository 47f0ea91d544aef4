/**
 * Machine-readable error codes shared by server and client. The server answers
 * `{ error: { code, message } }`; `message` is a developer-facing English detail,
 * and the client shows the member a plain-language text looked up by `code` in
 * its own language catalogue (which must cover every code: see client i18n).
 */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'not_found',
  'unauthenticated',
  'forbidden',
  'csrf_rejected',
  'rate_limited',
  'payload_too_large',
  'setup_token_invalid',
  'setup_token_expired',
  'setup_token_used',
  'setup_already_done',
  'password_too_short',
  'password_too_common',
  'sign_in_failed',
  'activation_code_invalid',
  'kiosk_required',
  'kiosk_invalid',
  'pin_invalid',
  'not_in_kiosk_unit',
  'unit_cycle',
  'unit_has_members',
  'duplicate_employee_number',
  'csv_not_text',
  'csv_too_large',
  'csv_missing_columns',
  'csv_has_problems',
  'csv_empty',
  'csv_unsupported_encoding',
  'union_not_set_up',
  'unsupported_file_type',
  'attachment_not_yours',
  /** A form definition with problems (duplicate ids, a choice without options, a condition on a later field). */
  'form_invalid',
  /** The survey or application form takes no answers now. */
  'form_closed',
  /** An anonymous survey with fewer answers than the minimum: its results are not shown. */
  'results_withheld',
  /** The application moved on since the officer looked (another approver acted first): reload and look again. */
  'application_changed',
  /** Only the current step's approvers act on an application, never its applicant. */
  'not_current_approver',
  'own_application',
  /** The action does not apply in the application's current state. */
  'wrong_state',
  // --- issue 11: uploads and push ---
  /** The member uploaded more than their quota in the last 24 hours (KUMIAI_UPLOAD_QUOTA_BYTES_PER_DAY). */
  'upload_quota_exceeded',
  /** A push subscription must point at a known browser push service (KUMIAI_PUSH_HOSTS), never a private address. */
  'push_endpoint_not_allowed',
  /** The member holds a role the actor could not grant (e.g. a branch officer and a union admin): only someone who could grant it manages them. */
  'member_holds_higher_role',
  /** The search text has control characters (e.g. a NUL byte). */
  'search_query_invalid',
  // --- issue 15: operations ---
  /** The server's disk is nearly full (under KUMIAI_DISK_MIN_FREE_MB): uploads wait until an officer frees space. */
  'storage_full',
  // --- issue 14: the member's own credentials, audit log, reminders, demo ---
  /** The current password given to change the password or PIN is wrong (counts against the sign-in throttle). */
  'current_password_wrong',
  /** Password and PIN are changed from a signed-in browser, not with an API token. */
  'session_required',
  // --- issue 17: elections ---
  /** Only a draft election can be changed (the roll, the questions, the trustees). */
  'election_locked',
  /** The election is not at the stage this step needs. */
  'election_wrong_state',
  /** Outside the voting window (server clock). */
  'election_not_open',
  /** The member is not on this election's voter roll. */
  'not_on_roll',
  /** The voter roll must be frozen first. */
  'roll_not_frozen',
  /** The trustees have not all made their key shares. */
  'keys_not_ready',
  /** Only the election's trustees do this step. */
  'not_a_trustee',
  /** A trustee message failed its checks. */
  'trustee_message_invalid',
  /** The member is recorded as having voted on paper. */
  'voted_on_paper',
  /** The member has already voted online. */
  'already_voted_online',
  /** The ballot is malformed or its proofs do not verify. */
  'ballot_invalid',
  /** The ballot was made for another election. */
  'ballot_wrong_election',
  /** The ballot is signed with a credential that is not this member's. */
  'ballot_credential_mismatch',
  /** This exact ballot was already received. */
  'ballot_duplicate',
  /** A ballot signed with this member's credential is in the box: it cannot be re-issued (the member keeps voting with it). */
  'credential_used',
  /** Only the election's credential authority (a commission member) does this. */
  'not_credential_authority',
  /** The credential authority has not sent one public credential per roll member (with the roll's weight). */
  'credentials_not_ready',
  // issue 18: dues (組合費)
  /** A dues rule is malformed (a rate without base pay rules, a floor above its cap, a month that is not YYYY-MM). */
  'dues_rule_invalid',
  /** A rule may not start in (or be removed from) a month that already has dues recorded: past months never change. */
  'dues_rule_past',
  /** The check-off file has no column for the employee number or the amount, and no remembered mapping names one. */
  'checkoff_columns_missing',
  /** The check-off file has problems (malformed rows, duplicates, unknown employee numbers); the report lists them. */
  'checkoff_has_problems',
  /** The month is not a valid YYYY-MM month. */
  'dues_month_invalid',
  /** The exemption ends before it starts. */
  'dues_exemption_invalid',
  /** The strike fund account is not kept by this union (turn it on in the dues policy first). */
  'dues_account_unknown',
  /** A correction of a check-off row names a line the file does not have, or a column the file lacks. */
  'checkoff_fix_invalid',
  // issue 19: meetings (会議・大会)
  /** A meeting that does not hold together: it ends before it starts, an agenda id twice, a delegate or chair outside the audience, a decision for a secret-ballot item. */
  'meeting_invalid',
  /** The meeting has started: it can no longer be edited, and nobody is reminded to answer. */
  'meeting_started',
  /** The meeting has not started yet: decisions and minutes come at or after it. */
  'meeting_not_started',
  /** The meeting was cancelled. */
  'meeting_cancelled',
  /** The meeting has no quorum rule (a study session, a social event). */
  'meeting_no_quorum',
  /** A check-in code that is not one the server made (mistyped, damaged, forged). */
  'checkin_code_invalid',
  /** A genuine check-in code, but for another meeting. */
  'checkin_code_other_meeting',
  /** The member checked in is not invited to this meeting. */
  'checkin_not_invited',
  /** There are no minutes to approve yet: write the draft first. */
  'minutes_missing',
  /** The minutes are approved and filed: they no longer change. */
  'minutes_approved',
  // issue 21: consultations (相談窓口)
  /** The case is resolved or closed: it takes no more messages or changes. */
  'consultation_closed',
  /** The case's content was deleted (the retention period, or its member asked): nothing of it remains to read or change. */
  'consultation_erased',
  /** Someone who cannot take this desk's cases (no consultation.handle over the desk's unit, or no longer a member) was named as an assignee. */
  'consultation_assignee_invalid',
  /** A consultation file that is not yours to attach, or already attached elsewhere. */
  'consultation_file_invalid',
  /** The server has no consultations key (or a different one): the content cannot be read or written until the admin restores the key file. */
  'consultation_key_missing',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
