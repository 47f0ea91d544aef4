import type { DocumentDoc } from '@kumiai/shared';
import { docJson, docsJson, useLiveQuery } from '../../sync/live-query.ts';

/** Folders in their order (then by name); documents newest first. */
export function libraryOrder(a: DocumentDoc, b: DocumentDoc): number {
  if (a.kind === 'folder' && b.kind === 'folder') return a.sort - b.sort || a.title.localeCompare(b.title, 'ja');
  return b.updatedAt - a.updatedAt;
}

/** Every folder and document on the device, live, in library order; undefined while the database opens. */
export function useLibrary(): DocumentDoc[] | undefined {
  return useLiveQuery((db) => db.documents.find(), (docs) => docsJson(docs).sort(libraryOrder), []);
}

/** One document from the device, live; null when it is not there, undefined while loading. */
export function useLibraryDocument(id: string): DocumentDoc | null | undefined {
  return useLiveQuery((db) => db.documents.findOne(id), docJson, [id]);
}
