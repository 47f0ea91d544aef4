import { submissionDocSchema } from '@kumiai/shared';

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
