import { Ajv } from 'ajv';
import { federationMessageKinds, type FederationMessageKind, type FigureReport } from '@kumiai/shared';
import { nonce } from './federation-keys.ts';

/**
 * A union's signed message to its federation (a report, pushed over sync in
 * federation_reports): the link it travels on, the union's sequence (each
 * greater than the last the federation took: a replay is refused), the
 * union's time (more than ten minutes off is refused), a nonce, kind and body.
 */
export interface Envelope {
  link: string;
  seq: number;
  at: number;
  nonce: string;
  kind: FederationMessageKind;
  body: Record<string, unknown>;
}

const ajv = new Ajv({ allErrors: false, strict: false });

const envelopeValid = ajv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['link', 'seq', 'at', 'nonce', 'kind', 'body'],
  properties: {
    link: { type: 'string', minLength: 1, maxLength: 64 },
    seq: { type: 'integer', minimum: 1 },
    at: { type: 'integer', minimum: 0 },
    nonce: { type: 'string', minLength: 16, maxLength: 64 },
    kind: { enum: federationMessageKinds },
    body: { type: 'object' },
  },
});

const count = { type: 'integer', minimum: 0, maximum: 100_000_000 } as const;
const label = { type: 'string', maxLength: 200 } as const;

/**
 * Only counts, in exactly this shape (no other property anywhere): membership
 * by class and unit kind, surveys' choice counts, actions' participation.
 */
const reportValid = ajv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['reportId', 'union', 'at', 'figures'],
  properties: {
    reportId: { type: 'string', minLength: 1, maxLength: 64 },
    union: label,
    at: { type: 'integer', minimum: 0 },
    figures: {
      type: 'object',
      additionalProperties: false,
      required: ['membership', 'surveys', 'actions'],
      properties: {
        membership: {
          type: 'array',
          maxItems: 1000,
          items: { type: 'object', additionalProperties: false, required: ['memberClass', 'unitKind', 'count'], properties: { memberClass: { type: 'string', maxLength: 40 }, unitKind: { type: 'string', maxLength: 20 }, count } },
        },
        surveys: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['title', 'audienceSize', 'answered', 'fields'],
            properties: {
              title: label,
              audienceSize: count,
              answered: count,
              fields: {
                type: 'array',
                maxItems: 200,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['label', 'counts'],
                  properties: { label, counts: { type: 'array', maxItems: 200, items: { type: 'object', additionalProperties: false, required: ['option', 'count'], properties: { option: label, count } } } },
                },
              },
            },
          },
        },
        actions: {
          type: 'array',
          maxItems: 1000,
          items: { type: 'object', additionalProperties: false, required: ['itemId', 'participants'], properties: { itemId: { type: 'string', maxLength: 64 }, participants: count } },
        },
      },
    },
  },
});

export const validFigureReport = (value: unknown): value is FigureReport => reportValid(value);

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The envelope in a signed message's text, or null when it is not one (its signature is checked by the caller). */
export function readEnvelope(text: string): Envelope | null {
  const value = parse(text);
  return envelopeValid(value) ? (value) : null;
}

export function makeEnvelope(link: string, seq: number, at: number, kind: FederationMessageKind, body: Record<string, unknown>): Envelope {
  return { link, seq, at, nonce: nonce(), kind, body };
}
