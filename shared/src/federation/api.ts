import type { FromSchema } from 'json-schema-to-ts';
import { attachmentSchema, audienceSchema, type Attachment, type Audience } from '../sync/notices.ts';

/**
 * Federation (上部団体連携, issue 20): the contract between two Kumiai servers
 * (a federation and each of its member unions) and between each server and
 * its own officers' screens. One code base, two roles: a server is a
 * federation when it has member unions, a union when it is linked to one.
 *
 * Officers' routes (a session; `federation.manage`, admins):
 *
 *   federation side
 *   GET    /api/federation/identity                         → FederationIdentity    (public: name + Ed25519 key, what a union shows before it links)
 *   POST   /api/federation/unions         UnionInviteInput   → UnionInvite           (the exchange token, shown once; only its hash is kept)
 *   GET    /api/federation/unions                            → { unions: MemberUnion[], totals: FigureTotals, notReported: string[] }
 *   POST   /api/federation/unions/:id/pause|resume|revoke {} → MemberUnion           (stops / restarts / ends both directions for that union)
 *   POST   /api/federation/items          FederationItemInput → FederationItem       (a notice or a unified action (統一行動) for every linked union)
 *   GET    /api/federation/items                             → { items: FederationItem[] }
 *
 *   union side
 *   POST   /api/federation/link/preview   LinkPreviewInput   → LinkPreview           (fetches the federation's identity: its name and key fingerprint)
 *   POST   /api/federation/link/confirm   LinkConfirmInput   → LinkState             (only with the fingerprint the admin saw; presents this union's name + key)
 *   GET    /api/federation/link                              → LinkState | { link: null }
 *   POST   /api/federation/link/pause|resume|revoke {}       → LinkState             (told to the federation; both directions stop)
 *   PUT    /api/federation/link/sharing   SharingInput       → LinkState             (surveys shared upward; whether the federation's default audience applies)
 *   POST   /api/federation/link/sync      {}                 → SyncResult            (pull now and deliver queued reports; also hourly)
 *   GET    /api/federation/inbox                             → { items: InboxItem[] }
 *   POST   /api/federation/inbox/:id/release  ReleaseInput   → InboxItem             (a notice with origin = the federation, to the audience chosen)
 *   PUT    /api/federation/inbox/:id/participation { count } → InboxItem             (a typed participation count, reported upward; null clears it)
 *   GET    /api/federation/report/preview                    → FigureReport          (exactly the payload the next report sends)
 *   POST   /api/federation/report/send    {}                 → SentReport            (queued; delivered by the next sync)
 *   GET    /api/federation/report/sent                       → { reports: SentReport[] }
 *
 * Between servers:
 *
 *   POST   /api/federation/exchange/link  LinkRequest        → SignedMessage         (public: the exchange token, once, with the union's name + key;
 *                                                                                     the answer, signed, carries the link id and the union's service token)
 *   GET    /api/sync   (WebSocket, `auth` with `Bearer kfs_…`)                        (the union syncs federation_items, federation_reports and federation_links: sync.ts)
 *   GET    /api/federation/materials/:hash  (Bearer kfs_…)  → the file              (only a file a published item lists; the union checks it against the hash)
 *
 * Signed text is `{message, signature}`: `message` is the exact JSON text
 * signed (Ed25519, base64url): an item as the federation published it, a
 * report in an envelope with the link id, a sequence that must grow, the
 * union's time and a nonce.
 */

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const time = { type: 'integer', minimum: 0, maximum: 9007199254740991 } as const;

export const federationItemKinds = ['notice', 'action'] as const;
export type FederationItemKind = (typeof federationItemKinds)[number];

/** Who the federation suggests an item is for inside each union (used only where the union agreed to it). */
export const defaultAudiences = ['all', 'officers'] as const;
export type DefaultAudience = (typeof defaultAudiences)[number];

export interface FederationIdentity {
  name: string;
  /** Ed25519 public key, SPKI DER, base64url. */
  publicKey: string;
  /** SHA-256 of the key, hex in groups of four, what both admins compare. */
  fingerprint: string;
}

export const unionInviteInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, validDays: { type: 'integer', minimum: 1, maximum: 30 } },
} as const;
export type UnionInviteInput = FromSchema<typeof unionInviteInputSchema>;

export interface UnionInvite {
  unionId: string;
  name: string;
  token: string;
  expiresAt: number;
}

export type LinkStatus = 'invited' | 'active' | 'paused' | 'revoked';

export interface MemberUnion {
  id: string;
  name: string;
  status: LinkStatus;
  pausedBy: 'federation' | 'union' | null;
  fingerprint: string | null;
  linkedAt: number | null;
  lastReport: { at: number; figures: Figures } | null;
}

export const federationItemInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'title', 'body'],
  properties: {
    kind: { type: 'string', enum: federationItemKinds },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    body: { type: 'string', maxLength: 20_000 },
    /** A unified action's day, its demand (要求) and the participation question members are asked. */
    actionDate: time,
    demand: { type: 'string', maxLength: 2000 },
    question: { type: 'string', maxLength: 500 },
    defaultAudience: { type: 'string', enum: defaultAudiences },
    /** Files the author uploaded (POST /api/uploads): the unions fetch them and attach them to their notice. */
    materials: { type: 'array', maxItems: 10, items: attachmentSchema },
  },
} as const;
export type FederationItemInput = FromSchema<typeof federationItemInputSchema>;

export interface FederationItem {
  id: string;
  kind: FederationItemKind;
  title: string;
  body: string;
  actionDate: number | null;
  demand: string | null;
  question: string | null;
  defaultAudience: DefaultAudience | null;
  materials: Attachment[];
  publishedAt: number;
  /** The federation's sequence: a union pulls the items after its checkpoint. */
  seq: number;
}

export const linkPreviewInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'token'],
  properties: { url: { type: 'string', minLength: 8, maxLength: 500 }, token: { type: 'string', minLength: 10, maxLength: 200 } },
} as const;
export type LinkPreviewInput = FromSchema<typeof linkPreviewInputSchema>;
export type LinkPreview = FederationIdentity & { url: string };

export const linkConfirmInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'token', 'fingerprint'],
  properties: { ...linkPreviewInputSchema.properties, fingerprint: { type: 'string', minLength: 10, maxLength: 200 } },
} as const;
export type LinkConfirmInput = FromSchema<typeof linkConfirmInputSchema>;

export interface LinkState {
  link: {
    url: string;
    federationName: string;
    fingerprint: string;
    status: Exclude<LinkStatus, 'invited'>;
    pausedBy: 'federation' | 'union' | null;
    linkedAt: number;
    lastSyncAt: number | null;
    useDefaultAudience: boolean;
    sharedForms: string[];
  } | null;
}

export const sharingInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['useDefaultAudience', 'sharedForms'],
  properties: { useDefaultAudience: { type: 'boolean' }, sharedForms: { type: 'array', maxItems: 50, uniqueItems: true, items: id } },
} as const;
export type SharingInput = FromSchema<typeof sharingInputSchema>;

export interface SyncResult {
  received: number;
  released: number;
  reportsDelivered: number;
}

export interface InboxItem extends Omit<FederationItem, 'seq'> {
  receivedAt: number;
  noticeId: string | null;
  audience: Audience | null;
  /** The count an officer typed (a paper tally); when set it is what goes upward. */
  participation: number | null;
  /** A released unified action's participation survey in this union (members answer it like any survey). */
  participationForm: string | null;
  /** Its 参加する answers now (null: no survey); reported upward unless `participation` is set. */
  appAnswers: number | null;
}

export const releaseInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['audience'],
  properties: { audience: audienceSchema },
} as const;
export type ReleaseInput = FromSchema<typeof releaseInputSchema>;

export const participationInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['count'],
  /** null: clear the typed count, so the app's 参加する answers are reported again. */
  properties: { count: { type: ['integer', 'null'], minimum: 0, maximum: 10_000_000 } },
} as const;

/**
 * What a union reports upward: counts only. Never a name, an employee number,
 * a member id or a free-text answer.
 */
export interface Figures {
  /** Members not left, by member class and by the kind of their unit. */
  membership: { memberClass: string; unitKind: string; count: number }[];
  /** The shared surveys' totals: choice counts and numeric distributions, no texts. */
  surveys: { title: string; audienceSize: number; answered: number; fields: { label: string; counts: { option: string; count: number }[] }[] }[];
  /** Unified actions' participation counts, by the federation's item id: the survey's 参加する answers, or the count an officer typed. */
  actions: { itemId: string; participants: number }[];
}

export interface FigureReport {
  /** A fresh id per report (the federation keeps one row per id, so a resent report counts once). */
  reportId: string;
  union: string;
  at: number;
  figures: Figures;
}

export interface SentReport extends FigureReport {
  deliveredAt: number | null;
}

export interface FigureTotals {
  members: number;
  actions: { itemId: string; participants: number }[];
}

/** What a union signs in an envelope (federation_reports); items are signed by the federation as they are, links not at all (the service token is their credential). */
export const federationMessageKinds = ['report'] as const;
export type FederationMessageKind = (typeof federationMessageKinds)[number];

export const signedMessageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['message', 'signature'],
  properties: { message: { type: 'string', minLength: 2, maxLength: 1_000_000 }, signature: { type: 'string', minLength: 10, maxLength: 200 } },
} as const;
export type SignedMessage = FromSchema<typeof signedMessageSchema>;

export const linkRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'name', 'publicKey'],
  properties: { token: { type: 'string', minLength: 10, maxLength: 200 }, name: { type: 'string', minLength: 1, maxLength: 200 }, publicKey: { type: 'string', minLength: 10, maxLength: 200 } },
} as const;
export type LinkRequest = FromSchema<typeof linkRequestSchema>;
