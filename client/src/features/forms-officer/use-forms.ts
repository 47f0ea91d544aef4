import type { FormDoc } from '@kumiai/shared';
import { docsJson, useLiveQuery } from '../../sync/live-query.ts';

/** Every form on the device (its author gets drafts too), newest change first; undefined while loading. */
export function useFormDocs(): FormDoc[] | undefined {
  return useLiveQuery((db) => db.forms.find(), (docs) => docsJson(docs).sort((a, b) => b.updatedAt - a.updatedAt), []);
}
