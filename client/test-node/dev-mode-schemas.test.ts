import { surveySubmissionId, type FormDoc, type SubmissionDoc } from '@kumiai/shared';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { openMemberDatabase } from '../src/sync/database.ts';
import { everyCollection } from './collections.ts';

/**
 * `pnpm dev` runs RxDB's dev-mode, which checks every schema and validates
 * every write with Ajv in strict mode (stricter than the server's Ajv: a type
 * list other than "X or null" is refused). The shared schemas must pass it.
 */
describe('synced schemas under RxDB dev-mode', () => {
  it('opens every collection and accepts a survey with a condition and an answer to it', async () => {
    const db = await openMemberDatabase({ memberId: 'dev-mode', storage: getRxStorageMemory(), devMode: true, multiInstance: false, collections: everyCollection });
    try {
      const form: FormDoc = {
        id: 's1',
        kind: 'survey',
        title: '調査',
        description: '',
        fields: [
          { id: 'q1', type: 'yes_no', label: { ja: '残業がありますか' }, required: true },
          { id: 'q2', type: 'number', label: { ja: '月の残業時間' }, min: 0, showIf: { field: 'q1', equals: true } },
        ],
        steps: [],
        audience: { all: true, units: [], roles: [], members: [] },
        status: 'published',
        opensAt: 0,
        closesAt: null,
        anonymous: false,
        allowEdit: true,
        version: 1,
        authorId: null,
        authorName: null,
        updatedAt: 0,
      };
      await db.db.forms.insert(form);
      const answer: SubmissionDoc = {
        id: surveySubmissionId('s1', 'dev-mode'),
        formId: 's1',
        formVersion: 1,
        kind: 'survey',
        memberId: 'dev-mode',
        memberName: null,
        unitId: null,
        anonymous: false,
        answers: { q1: true, q2: 12 },
        state: 'submitted',
        step: 0,
        steps: 0,
        history: [],
        submittedAt: null,
        createdAt: 1,
        updatedAt: 1,
      };
      await db.db.submissions.insert(answer);
      expect((await db.db.submissions.findOne(answer.id).exec())?.answers).toEqual({ q1: true, q2: 12 });
      // The validator is really on: a document off its schema is refused.
      await expect(db.db.submissions.insert({ ...answer, id: 'x', state: 'approved-by-me' } as unknown as SubmissionDoc)).rejects.toThrow();
    } finally {
      await db.remove();
    }
  });
});
