import type { FromSchema } from 'json-schema-to-ts';
import { attachmentSchema, audienceSchema } from './notices.ts';

/** One version of a document's file; a new upload keeps the previous ones. */
export const documentVersionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'file', 'authorId', 'at'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    file: attachmentSchema,
    note: { type: 'string', maxLength: 500 },
    authorId: { type: 'string', maxLength: 64 },
    at: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
} as const;
export type DocumentVersion = FromSchema<typeof documentVersionSchema>;

/**
 * `documents` (資料室): folders and documents in one collection (`kind`), to
 * stay within RxDB's collection budget. A document carries its current
 * version and the list of all versions (oldest first).
 */
export const documentDocSchema = {
  title: 'documents',
  // 1: titleEn and descriptionEn (the English beside the Japanese; null when none).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'folderId', 'title', 'description', 'audience', 'keepOffline', 'sort', 'authorId', 'current', 'versions', 'updatedAt'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: ['folder', 'document'] },
    folderId: { type: ['string', 'null'], maxLength: 64 },
    title: { type: 'string', maxLength: 200 },
    description: { type: 'string', maxLength: 10_000 },
    /** English beside the Japanese, for members reading in English (null: they read the Japanese). */
    titleEn: { type: ['string', 'null'], maxLength: 200 },
    descriptionEn: { type: ['string', 'null'], maxLength: 10_000 },
    audience: audienceSchema,
    keepOffline: { type: 'boolean' },
    sort: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
    authorId: { type: ['string', 'null'], maxLength: 64 },
    authorName: { type: ['string', 'null'], maxLength: 100 },
    current: { oneOf: [{ type: 'null' }, documentVersionSchema] },
    versions: { type: 'array', maxItems: 1000, items: documentVersionSchema },
    updatedAt: { type: 'integer', minimum: 0, maximum: 9007199254740991, multipleOf: 1 },
  },
} as const;
export type DocumentDoc = FromSchema<typeof documentDocSchema>;

export const documentInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['folderId', 'title', 'audience', 'file'],
  properties: {
    folderId: { type: 'string', minLength: 1, maxLength: 64 },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 10_000 },
    /** Optional English beside the Japanese (same limits); empty or left out: none. */
    titleEn: { type: 'string', maxLength: 200 },
    descriptionEn: { type: 'string', maxLength: 10_000 },
    audience: audienceSchema,
    keepOffline: { type: 'boolean' },
    file: attachmentSchema,
  },
} as const;
export type DocumentInput = FromSchema<typeof documentInputSchema>;

export const documentVersionInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file'],
  properties: {
    file: attachmentSchema,
    note: { type: 'string', maxLength: 500 },
  },
} as const;
export type DocumentVersionInput = FromSchema<typeof documentVersionInputSchema>;

export const folderInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    /** Optional English name (same limit); empty or left out: none. */
    nameEn: { type: 'string', maxLength: 100 },
    sort: { type: 'integer', minimum: -1_000_000, maximum: 1_000_000 },
    /** Who sees the folder; the whole union when left out. Like any audience, it must lie within the creator's scope. */
    audience: audienceSchema,
  },
} as const;
export type FolderInput = FromSchema<typeof folderInputSchema>;
