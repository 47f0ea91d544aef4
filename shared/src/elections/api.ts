import type { FromSchema } from 'json-schema-to-ts';

/**
 * Elections over HTTP (issue 17): the commission sets an election up, the
 * trustees make their key shares on their own devices, members vote from their
 * own devices (a direct request, online only, never through replication), the
 * trustees decrypt the tally, the commission publishes. The cryptography is
 * Belenios 2.0 (`./crypto/`); this file is the contract between server and client.
 *
 * Who: "commission" = a member holding `election_commissioner` on a unit whose
 * subtree holds the election's unit (`ElectionInput.unitId`). Admins have no
 * election rights unless they hold that role too. "trustee" = one of the
 * commission members named in `PUT /trustees`. "voter" = a member on the frozen roll.
 *
 * Commission:
 *   GET  /api/elections                                → ElectionSummary[]
 *   POST /api/elections            ElectionInput       → ElectionDetail            (state draft)
 *   GET  /api/elections/:id                            → ElectionDetail
 *   PUT  /api/elections/:id        ElectionInput       → ElectionDetail            (draft only, else 409 election_locked)
 *   POST /api/elections/:id/roll/freeze  {}            → ElectionDetail            (名簿確定: snapshot of the electorate now; draft only)
 *   GET  /api/elections/:id/roll?cursor=&q=            → RollPage
 *   POST /api/elections/:id/roll/changes RollChanges   → ElectionDetail            (draft, roll frozen; audited)
 *   PUT  /api/elections/:id/trustees     TrusteesInput → ElectionDetail            (draft, before any key share; each holds election_commissioner)
 *   PUT  /api/elections/:id/credential-authority {memberId|null} → ElectionDetail  (draft: a commission member as credential authority, null = server mode;
 *                                                        fixes the Belenios uuid; clears uploaded public credentials)
 *   POST /api/elections/:id/credentials  PublicCredentialsInput → ElectionDetail  (draft, the authority only (not_credential_authority): one public credential
 *                                                        per roll member with the roll's weight, exactly the roll; never a secret)
 *   POST /api/elections/:id/open         OpenInput     → ElectionDetail            (draft → ready: roll frozen and keys made; credentials issued (server mode)
 *                                                        or uploaded for exactly the roll (else 409 credentials_not_ready), election.json made)
 *   POST /api/elections/:id/credentials/reissue {memberId, credential?} → ElectionDetail (ready, window not over: a lost credential replaced after an identity
 *                                                        check offline; server mode: no `credential`; commission-member mode: the authority sends the new
 *                                                        public credential; 409 credential_used once a ballot signed with the old one is in the box, voted_on_paper; audited)
 *   GET  /api/elections/:id/turnout                    → Turnout                   (ready and later)
 *   POST /api/elections/:id/remind       {}            → ElectionReminderResult    (open window; push + in-app to roll members who have not voted)
 *   POST /api/elections/:id/paper/voters {memberId}    → ElectionDetail            (ready, open or closed window, before tally; 409 already_voted_online)
 *   PUT  /api/elections/:id/paper/totals PaperTotals   → ElectionDetail            (after the window, before publish)
 *   POST /api/elections/:id/tally        {}            → ElectionDetail            (after closesAt: the encrypted tally; ready → tallying)
 *   POST /api/elections/:id/publish      {}            → ElectionDetail            (tallied → published; the result goes out as a notice to the electorate)
 *   GET  /api/elections/:id/archive.bel                → application/octet-stream  (commission; voters once published)
 *
 * Trustee (on their own device; the secret seed never leaves it):
 *   GET  /api/elections/:id/trustee                    → TrusteeTask
 *   POST /api/elections/:id/trustee/cert        { message }  (step 1: writeSignedMsg of pedersenStep1's cert)
 *   POST /api/elections/:id/trustee/polynomial  { message }  (step 3: the Polynomial JSON)
 *   POST /api/elections/:id/trustee/voutput     { message }  (step 5: the Voutput JSON)
 *   POST /api/elections/:id/trustee/decryption  { message }  (the PartialDecryption JSON, state tallying)
 *   The server runs steps 2, 4 and 6 itself once every trustee has sent the step before.
 *
 * Voter:
 *   GET  /api/me/elections                             → VoterElection[]           (elections whose frozen roll holds the member, ready and later)
 *   GET  /api/me/elections/:id/ballot-kit              → BallotKit                 (window open; Cache-Control: no-store)
 *   POST /api/me/elections/:id/ballots  { ballot }     → CastReceipt               (window open on the server's clock; the last ballot counts)
 *   GET  /api/me/elections/:id/archive.bel             → the public record (published)
 */

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const time = { type: 'integer', minimum: 0, maximum: 9007199254740991 } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** officer: 役員選挙 (信任投票 automatically when candidates ≤ seats); yes_no: スト権・規約改正; choice: one or more among options. */
export const electionQuestionKinds = ['officer', 'yes_no', 'choice'] as const;
export type ElectionQuestionKind = (typeof electionQuestionKinds)[number];

/**
 * What must be exceeded for a yes (yes_no, and each candidate of a 信任投票):
 * simple = more than half, two_thirds = at least two thirds; of `base`:
 * valid = yes + no, cast = yes + no + blank (白票), electorate = the roll's total weight.
 * Officer elections with more candidates than seats elect the most voted (`tie` decides at the cut).
 */
export const thresholdKinds = ['simple', 'two_thirds'] as const;
export const thresholdBases = ['valid', 'cast', 'electorate'] as const;
/** Said in advance: lot = くじ引き by the commission, runoff = 決選投票, not_approved = a tie approves nothing. */
export const tieRules = ['lot', 'runoff', 'not_approved'] as const;

export const electionOptionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name'],
  properties: {
    id,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    nameEn: text(200),
    /** Candidate's statement (所信表明), Markdown as notices. */
    statement: text(8000),
    statementEn: text(8000),
    /** A photo: an uploaded image's hash (`POST /api/uploads`), at most CANDIDATE_PHOTO_MAX_BYTES (photos.ts), uploaded by the commission member who first sets it; served to those `mayReadCandidates` allows. */
    photo: id,
  },
} as const;
export type ElectionOption = FromSchema<typeof electionOptionSchema>;

export const electionQuestionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'title', 'options', 'threshold', 'base', 'tie'],
  properties: {
    id,
    kind: { type: 'string', enum: electionQuestionKinds },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    titleEn: text(200),
    description: text(4000),
    descriptionEn: text(4000),
    /** officer: seats to fill (定数). */
    seats: { type: 'integer', minimum: 1, maximum: 50 },
    /** choice: how many options a voter may pick (default 1). */
    maxChoices: { type: 'integer', minimum: 1, maximum: 50 },
    /** officer: the candidates; choice: the options; yes_no: [] (the answers are 賛成 / 反対). */
    options: { type: 'array', maxItems: 50, items: electionOptionSchema },
    threshold: { type: 'string', enum: thresholdKinds },
    base: { type: 'string', enum: thresholdBases },
    tie: { type: 'string', enum: tieRules },
  },
} as const;
export type ElectionQuestion = FromSchema<typeof electionQuestionSchema>;

export const electionInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['unitId', 'title', 'description', 'questions', 'electorate', 'quorumPercent', 'opensAt', 'closesAt'],
  properties: {
    /** Where the election sits (usually the union's root): the commission's scope. Its subtree bounds the electorate. */
    unitId: id,
    title: { type: 'string', minLength: 1, maxLength: 200 },
    titleEn: text(200),
    description: text(8000),
    descriptionEn: text(8000),
    questions: { type: 'array', minItems: 1, maxItems: 20, items: electionQuestionSchema },
    /** Members of these units' subtrees, of these classes (member_class; [] = every class), not 'left', at the freeze. */
    electorate: {
      type: 'object',
      additionalProperties: false,
      required: ['unitIds', 'classes'],
      properties: { unitIds: { type: 'array', minItems: 1, maxItems: 200, items: id }, classes: { type: 'array', maxItems: 20, items: id } },
    },
    /** Turnout (online + paper, by weight) needed for any result to stand, 0–100; 0 = no quorum. */
    quorumPercent: { type: 'integer', minimum: 0, maximum: 100 },
    /** The voting window on the server's clock, ms; closesAt exclusive. Fixed by `open`. */
    opensAt: time,
    closesAt: time,
  },
} as const;
export type ElectionInput = FromSchema<typeof electionInputSchema>;

export const rollChangesSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    add: { type: 'array', maxItems: 1000, items: id },
    remove: { type: 'array', maxItems: 1000, items: id },
    /** Delegates (代議員) carry a weight > 1. */
    weights: {
      type: 'array',
      maxItems: 1000,
      items: { type: 'object', additionalProperties: false, required: ['memberId', 'weight'], properties: { memberId: id, weight: { type: 'integer', minimum: 1, maximum: 1000 } } },
    },
    /** Why (kept in the audit log). */
    reason: text(500),
  },
} as const;
export type RollChanges = FromSchema<typeof rollChangesSchema>;

export const trusteesInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['memberIds', 'threshold'],
  properties: { memberIds: { type: 'array', minItems: 1, maxItems: 10, items: id }, threshold: { type: 'integer', minimum: 1, maximum: 10 } },
} as const;
export type TrusteesInput = FromSchema<typeof trusteesInputSchema>;

export const openInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: [],
  properties: {},
} as const;

/** A public credential g^s in decimal (Belenios §4.8): never the secret (XXX-XXX-… in base 58), which has letters and dashes. */
const publicCredentialField = { type: 'string', pattern: '^[1-9][0-9]*$', minLength: 2, maxLength: 700 } as const;

/** A lost credential re-issued for this roll member (the commission checked who they are, offline); `credential`: commission-member mode only. */
export const reissueCredentialSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['memberId'],
  properties: { memberId: id, credential: publicCredentialField },
} as const;
export type ReissueCredentialInput = FromSchema<typeof reissueCredentialSchema>;

/** null: the server is the credential authority (server mode). */
export const credentialAuthoritySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['memberId'],
  properties: { memberId: { anyOf: [id, { type: 'null' }] } },
} as const;

/** The authority's upload: one public credential per roll member, with the roll's weight. */
export const publicCredentialsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['credentials'],
  properties: {
    credentials: {
      type: 'array',
      maxItems: 20_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['memberId', 'credential', 'weight'],
        properties: { memberId: id, credential: publicCredentialField, weight: { type: 'integer', minimum: 1, maximum: 1000 } },
      },
    },
  },
} as const;
export type PublicCredentialsInput = FromSchema<typeof publicCredentialsSchema>;

/** A trustee's message for one step: the raw Belenios JSON (checked by the server with the crypto library). */
export const trusteeMessageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: { message: { type: 'string', minLength: 2, maxLength: 2_000_000 } },
} as const;

export const castInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ballot'],
  properties: { ballot: { type: 'string', minLength: 2, maxLength: 1_000_000 } },
} as const;

export const paperVoterSchema = { type: 'object', additionalProperties: false, required: ['memberId'], properties: { memberId: id } } as const;

/** Paper totals in the shape of the Belenios result: per Belenios question, per answer (blank first where allowed). Integers ≥ 0. */
export const paperTotalsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['totals'],
  properties: { totals: { type: 'array', maxItems: 1000, items: { type: 'array', maxItems: 60, items: { type: 'integer', minimum: 0, maximum: 10_000_000 } } } },
} as const;
export type PaperTotals = FromSchema<typeof paperTotalsSchema>;

/** draft → ready (window set, credentials issued) → tallying (encrypted tally made) → tallied (result) → published. */
export const electionStates = ['draft', 'ready', 'tallying', 'tallied', 'published'] as const;
export type ElectionState = (typeof electionStates)[number];
/** Where the clock stands against the window (server's clock). */
export type ElectionPhase = 'before' | 'open' | 'after';

export interface ElectionSummary {
  id: string;
  title: string;
  titleEn?: string;
  state: ElectionState;
  phase: ElectionPhase;
  opensAt: number;
  closesAt: number;
  electorate: number;
}

export interface TrusteeProgress {
  memberId: string;
  name: string;
  /** 1-based, the order of `PUT /trustees`. */
  index: number;
  /** The last key step this trustee has done (0: none; 1 cert, 3 polynomial, 5 voutput), and whether they sent their partial decryption. */
  step: 0 | 1 | 3 | 5;
  decrypted: boolean;
}

export interface ElectionDetail extends ElectionSummary {
  input: ElectionInput;
  /** When the roll was frozen (名簿確定日), null before. */
  rollFrozenAt: number | null;
  rollSize: number;
  /** Sum of the roll's weights. */
  rollWeight: number;
  trustees: TrusteeProgress[];
  threshold: number;
  /** All key steps done: the election's public key exists. */
  keysReady: boolean;
  /** The Belenios election uuid once opened. */
  uuid: string | null;
  /** Who may do what, for the screens to say (e.g. "you are not a trustee"). */
  you: { commission: boolean; trustee: number | null };
  paperVoters: number;
  paperTotals: number[][] | null;
  outcome: ElectionOutcome | null;
  /** The commission member who is the credential authority; null or absent: the server (server mode). */
  credentialAuthority?: { memberId: string; name: string } | null;
  /** Commission-member mode: how many public credentials the authority has sent (before open). */
  publicCredentials?: number;
}

export interface RollEntry {
  memberId: string;
  employeeNumber: string;
  name: string;
  /** Names from the union down to the member's unit. */
  unitPath: string[];
  memberClass: string;
  weight: number;
}
export interface RollPage {
  entries: RollEntry[];
  nextCursor: string | null;
  total: number;
}

/** Counts only; units with fewer than 10 voters on the roll are merged into one "other" row (unitId null). */
export interface Turnout {
  electorate: number;
  votedOnline: number;
  votedPaper: number;
  byUnit: { unitId: string | null; unitPath: string[]; electorate: number; voted: number }[];
}

export interface ElectionReminderResult {
  notVoted: number;
  pushed: number;
  withoutPush: number;
}

/**
 * What a trustee's device must do next. `wait`: others must act first.
 * cert: make pedersenStep1 (keep the seed; back it up). polynomial: pedersenStep3 over `certs`.
 * voutput: pedersenStep5 with `vinput`. decrypt: partialDecrypt of `encryptedTally` with recoverDecryptionKey(seed, `voutputPrivateKey`).
 */
export type TrusteeTask =
  | { step: 'cert'; index: number; count: number; threshold: number; electionTitle: string }
  | { step: 'polynomial'; index: number; certs: string[]; threshold: number }
  | { step: 'voutput'; index: number; certs: string[]; vinput: string }
  | { step: 'decrypt'; index: number; election: string; encryptedTally: string; voutputPrivateKey: string }
  | { step: 'wait'; index: number; waitingFor: 'trustees' | 'open' | 'close' | 'tally' }
  | { step: 'done'; index: number };

export interface BallotKit {
  /** The raw election.json (loadElection). */
  election: string;
  /** The member's secret credential (server mode: issued by the server, handed only over their session); absent in commission-member mode (the member has it on paper). */
  credential?: string;
}

export interface CastReceipt {
  /** The smart ballot tracker (§4.15). */
  tracker: string;
  castAt: number;
  /** An earlier ballot of this voter was replaced. */
  replaced: boolean;
}

export interface VoterElection {
  id: string;
  title: string;
  titleEn?: string;
  description: string;
  descriptionEn?: string;
  questions: ElectionQuestion[];
  state: ElectionState;
  phase: ElectionPhase;
  /** The server's clock when it answered: the device judges the window by it, not by its own clock (which may be a day off). */
  serverNow?: number;
  opensAt: number;
  closesAt: number;
  /** online: a ballot of theirs is in the box (they may vote again while open); paper: recorded as voted on paper. */
  voted: 'online' | 'paper' | null;
  outcome: ElectionOutcome | null;
  /** 'member': the credential is on the letter the commission handed out (the vote screen asks for it); absent: server mode. */
  credentialFrom?: 'member';
  /** The commission reminded the members who have not voted (server clock); only while this member has not voted and voting is on. */
  remindedAt?: number;
}

/** One answer's counts (weights), online and on paper. */
export interface AnswerCount {
  /** The option's id (officer/choice), or 'yes' / 'no' (yes_no, 信任). */
  answer: string;
  online: number;
  paper: number;
  total: number;
}

export interface QuestionOutcome {
  questionId: string;
  /** For a 信任投票, one outcome per candidate: the candidate's option id; otherwise absent. */
  candidateId?: string;
  counts: AnswerCount[];
  blank: { online: number; paper: number; total: number };
  /** yes + no or the votes for candidates/options (blank not included). */
  valid: number;
  cast: number;
  /** yes_no / 信任: approved | rejected; officer: elected option ids; choice: the most voted. tie: the stated tie rule applies. */
  decision: 'approved' | 'rejected' | 'elected' | 'chosen' | 'tie' | 'no_quorum';
  /** officer/choice: the ids elected or chosen (tie: those tied at the cut are in `tied`). */
  winners: string[];
  tied: string[];
}

export interface ElectionOutcome {
  electorate: number;
  turnout: { online: number; paper: number; total: number };
  quorumMet: boolean;
  questions: QuestionOutcome[];
}
