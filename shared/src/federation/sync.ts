import type { FromSchema } from 'json-schema-to-ts';

/**
 * Federation (issue 20): the collections a union's server syncs with its
 * federation's, over the same WebSocket sync protocol as devices (RxDB's
 * replication messages). The union's server is the client, authenticated by
 * the service token it got when it linked (`Bearer kfs_…`); its scope is these
 * three collections and nothing else. No device ever opens them (they are not
 * in `syncedCollections` and do not count against RxDB's collection budget).
 *
 *   federation_items    federation → union  read-only   notices and unified actions, each signed by the federation
 *   federation_reports  union → federation  push        the agreed figures, each signed by the union
 *   federation_links    both ways           own doc     the link's state: the union pauses, resumes or revokes here
 *
 * Signed content is the exact JSON text in `message`, with an Ed25519
 * signature (base64url) over its UTF-8 bytes: an item's text is the
 * `FederationItem` without `seq`; a report's is the envelope
 * `{link, seq, at, nonce, kind: 'report', body: {report}}` (a sequence above
 * the last one taken, a time within ten minutes: a replay is refused).
 */
export const FEDERATION_COLLECTIONS = ['federation_items', 'federation_reports', 'federation_links'] as const;
export type FederationCollection = (typeof FEDERATION_COLLECTIONS)[number];

/** The service token's prefix (the exchange token's is `kfx_`). */
export const SERVICE_TOKEN_PREFIX = 'kfs_';

const signedProperties = {
  id: { type: 'string', maxLength: 64 },
  message: { type: 'string', minLength: 2, maxLength: 200_000 },
  signature: { type: 'string', minLength: 86, maxLength: 86 },
  updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
} as const;

/** A document holding signed text: the same shape for items (signed by the federation) and reports (by the union). */
const signedDocSchema = <const T extends string>(title: T) =>
  ({
    title,
    version: 0,
    primaryKey: 'id',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'message', 'signature', 'updatedAt'],
    properties: signedProperties,
  }) as const;

export const federationItemDocSchema = signedDocSchema('federation_items');
export type FederationItemDoc = FromSchema<typeof federationItemDocSchema>;

export const federationReportDocSchema = signedDocSchema('federation_reports');
export type FederationReportDoc = FromSchema<typeof federationReportDocSchema>;

export const federationLinkDocSchema = {
  title: 'federation_links',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'pausedBy', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    status: { type: 'string', enum: ['active', 'paused', 'revoked'] },
    pausedBy: { type: ['string', 'null'], enum: ['federation', 'union', null] },
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
} as const;
export type FederationLinkDoc = FromSchema<typeof federationLinkDocSchema>;
