import { englishOrNull, type Attachment, type Audience, type DocumentInput } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

export interface DocumentRow {
  id: string;
  kind: 'folder' | 'document';
  audience: string;
  author_id: string | null;
  version: number;
}

/** The SQL of the documents library: folders and documents (one table) and their versions. */
export class DocumentsRepo extends Repository {

  document(id: string): DocumentRow | undefined {
    return this.sql('SELECT id, kind, audience, author_id, version FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  }

  /** After the last folder. */
  nextFolderSort(): number {
    return this.sql("SELECT coalesce(max(sort), 0) + 1 FROM documents WHERE kind = 'folder'").pluck().get() as number;
  }

  insertFolder(id: string, name: string, nameEn: string | null, audience: Audience, sort: number, authorId: string, now: number): void {
    this.sql("INSERT INTO documents (id, kind, folder_id, title, title_en, audience, sort, author_id, created_at, updated_at) VALUES (?, 'folder', NULL, ?, ?, ?, ?, ?, ?, ?)").run(id, name, nameEn, JSON.stringify(audience), sort, authorId, now, now);
  }

  /** A document row at version 0; `addVersion` brings it to its first. */
  insertDocument(id: string, input: DocumentInput, authorId: string, now: number): void {
    this.sql(
      `INSERT INTO documents (id, kind, folder_id, title, description, title_en, description_en, audience, keep_offline, author_id, version, created_at, updated_at)
       VALUES (?, 'document', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(id, input.folderId, input.title.trim(), input.description ?? '', englishOrNull(input.titleEn), englishOrNull(input.descriptionEn), JSON.stringify(input.audience), input.keepOffline ? 1 : 0, authorId, now, now);
  }

  /** Inserts the version row, then bumps the document (whose trigger stamps the sync sequence, so devices get the new list). */
  addVersion(id: string, version: number, file: Attachment, note: string, authorId: string, now: number): void {
    this.sql('INSERT INTO document_versions (document_id, version, hash, name, type, size, note, author_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(id, version, file.hash, file.name, file.type, file.size, note, authorId, now);
    this.sql('UPDATE documents SET version = ?, updated_at = ? WHERE id = ?').run(version, now, id);
  }
}
