import { applicationActions, approvalStepSchema, audienceSchema, formFieldSchema, formKinds, submissionDocSchema } from '@kumiai/shared';

const time = { type: 'integer', minimum: 0, maximum: 9007199254740991 } as const;

/** FormInput (shared/src/forms/api.ts) as a request schema, built from the shared field and step schemas. */
export const formInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'title', 'description', 'fields', 'steps', 'audience', 'status', 'opensAt', 'closesAt', 'anonymous', 'allowEdit'],
  properties: {
    kind: { type: 'string', enum: formKinds },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 4000 },
    fields: { type: 'array', maxItems: 100, items: formFieldSchema },
    steps: { type: 'array', maxItems: 10, items: approvalStepSchema },
    audience: audienceSchema,
    status: { type: 'string', enum: ['draft', 'published'] },
    opensAt: time,
    closesAt: { type: ['integer', 'null'], minimum: 0, maximum: 9007199254740991 },
    anonymous: { type: 'boolean' },
    allowEdit: { type: 'boolean' },
  },
} as const;

/** ApplicationActionInput. */
export const applicationActionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'expectedState', 'expectedStep'],
  properties: {
    action: { type: 'string', enum: applicationActions.filter((a) => a !== 'submit' && a !== 'withdraw') },
    comment: { type: 'string', maxLength: 2000 },
    expectedState: submissionDocSchema.properties.state,
    expectedStep: { type: 'integer', minimum: 0, maximum: 20 },
  },
} as const;

/** The inbox's filters: query strings are text (no coercion here), so the step is a digit string. */
export const inboxQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state: submissionDocSchema.properties.state,
    step: { type: 'string', pattern: '^[0-9]{1,2}$' },
    unit: { type: 'string', maxLength: 64 },
    form: { type: 'string', maxLength: 64 },
    mine: { type: 'string', enum: ['0', '1'] },
    cursor: { type: 'string', maxLength: 400 },
  },
} as const;
