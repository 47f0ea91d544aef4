import { audienceRoles, documentDocSchema } from '@kumiai/shared';
import type { CollectionRegistration } from '../../sync/registry.ts';

// Subquery results lose SQLite's JSON subtype, hence json(...) around them below.
const versionJson = `json_object('version', v.version, 'file', json_object('hash', v.hash, 'name', v.name, 'type', v.type, 'size', v.size),
  'note', v.note, 'authorId', v.author_id, 'at', v.at)`;

/**
 * `documents`: folders and documents, reaching their audience exactly like
 * notices (sync_audience rows kept by the generated triggers); the author always sees theirs.
 * Read-only on devices: publishing goes through the routes.
 */
export const documentsCollection: CollectionRegistration = {
  name: 'documents',
  schema: documentDocSchema,
  source: {
    table: 'documents',
    projection: `json_object('id', t.id, 'kind', t.kind, 'folderId', t.folder_id, 'title', t.title, 'description', t.description,
      'titleEn', t.title_en, 'descriptionEn', t.description_en,
      'audience', json(t.audience), 'keepOffline', json(CASE WHEN t.keep_offline THEN 'true' ELSE 'false' END), 'sort', t.sort,
      'authorId', t.author_id, 'authorName', (SELECT name FROM members WHERE id = t.author_id),
      'current', json((SELECT ${versionJson} FROM document_versions v WHERE v.document_id = t.id AND v.version = t.version)),
      'versions', json((SELECT json_group_array(json(x.j)) FROM (SELECT ${versionJson} AS j FROM document_versions v WHERE v.document_id = t.id ORDER BY v.version) x)),
      'updatedAt', t.updated_at)`,
  },
  capture: { member: 'author_id', audience: { column: 'audience' } },
  readableUnits: () => [],
  // A member belongs to the audience of every unit on their path, as for notices.
  audience: { units: (actor) => [...actor.unitPath], roles: (actor) => audienceRoles(actor) },
  readsOwn: (actor) => actor.status !== 'left',
};
