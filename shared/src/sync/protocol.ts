/**
 * The sync wire protocol: RxDB's own WebSocket replication format, so that
 * RxDB's stock client (`replicateWithWebsocketServer`) works unmodified, with
 * two additions its client ignores: `rejected` beside a masterWrite result,
 * and error replies with a machine-readable code.
 *
 *   request   {id, collection, method, params}
 *   response  {id, collection, result}            (+ `rejected` on masterWrite)
 *   stream    {id: 'stream', collection, result: {documents, checkpoint} | 'RESYNC'}
 *   error     {id, collection, error: {code, message}}
 */

export const syncMethods = ['auth', 'masterChangesSince', 'masterWrite', 'masterChangeStream$'] as const;
export type SyncMethod = (typeof syncMethods)[number];

/** The checkpoint is the server's commit sequence, never a client or wall clock. */
export interface SyncCheckpoint {
  seq: number;
}

export interface SyncRequest {
  id: string;
  collection: string;
  method: SyncMethod;
  params: unknown[];
}

/** A pushed row, as RxDB sends it. */
export interface PushRow<D = Record<string, unknown>> {
  assumedMasterState?: D & { _deleted?: boolean };
  newDocumentState: D & { _deleted?: boolean };
}

export const syncErrorCodes = [
  'bad_message',
  'payload_too_large',
  'unknown_method',
  'unknown_collection',
  'bad_params',
  'batch_too_large',
  'unauthenticated',
  'account_closed',
  'rate_limited',
  'internal',
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** Why the server refused one pushed row; shown to the member beside that change. */
export const rejectionCodes = [
  'schema_invalid',
  'forbidden',
  'read_only',
  'forbidden_field',
  'not_found',
  'closed',
  /** The survey or application form takes no answers now (closed meanwhile, or not yet open). */
  'form_closed',
  /** An answer fails the form's validation; `field` names it. */
  'invalid_answer',
  /** The submission moved on meanwhile (an officer acted on it): the change no longer applies. */
  'wrong_state',
  /** This answer cannot be changed (an anonymous answer, or a survey that does not allow changes). */
  'not_editable',
  /** Federation peers (issue 20): a report not signed by the linked union's key, or not its own. */
  'federation_signature_invalid',
  /** A report whose sequence was already taken, or whose time is too far from the federation's clock. */
  'federation_replayed',
  /** A change of the link's state the other side's pause does not allow. */
  'federation_link_paused',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

/** Why a write rule refuses a pushed row (the server sends it back as a `Rejection`). */
export interface WriteProblem {
  code: RejectionCode;
  field?: string;
}

export interface Rejection {
  id: string;
  code: RejectionCode;
  message: string;
  /** The field that was refused, when one was. */
  field?: string;
}

export interface SyncErrorReply {
  id: string;
  collection: string;
  error: { code: SyncErrorCode; message: string };
}

/** WebSocket close codes the server uses (4000–4999 are the application's). */
export const SYNC_CLOSE = {
  /** The session or token ended (signed out elsewhere, expired, revoked): sign in again; keep waiting writes. */
  unauthenticated: 4401,
  /** The member left the union: the device must remove their data. */
  accountClosed: 4403,
  /** Too many bad or excessive messages. */
  policy: 4408,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
} as const;

export const SYNC_LIMITS = {
  /** Default largest message, in bytes (KUMIAI_SYNC_MAX_MESSAGE_BYTES). */
  maxMessageBytes: 1024 * 1024,
  /** Largest batch of pushed rows or pulled documents. */
  maxBatchSize: 1000,
} as const;
