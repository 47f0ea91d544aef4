import type { DocumentInput, DocumentVersionInput, FolderInput } from '@kumiai/shared';
import { apiPost } from '../../api/client.ts';

export function createDocument(input: DocumentInput): Promise<{ id: string; version: number }> {
  return apiPost<{ id: string; version: number }>('/api/documents', input);
}

export function addDocumentVersion(id: string, input: DocumentVersionInput): Promise<{ version: number }> {
  return apiPost<{ version: number }>(`/api/documents/${encodeURIComponent(id)}/versions`, input);
}

export function createFolder(input: FolderInput): Promise<{ id: string }> {
  return apiPost<{ id: string }>('/api/folders', input);
}
