import type { Attachment } from '@kumiai/shared';
import { apiRequest } from './client.ts';

/**
 * Attachments of notices, documents and forms: one upload, one address.
 * A file is sent as its raw bytes (POST /api/uploads); the server hashes them
 * (SHA-256 hex), checks the type from the content and serves the file at
 * `fileUrl(hash)` to those who may see a document referring to it.
 */
export function uploadFile(blob: Blob, name: string): Promise<Attachment> {
  return apiRequest<Attachment>('POST', `/api/uploads?name=${encodeURIComponent(name)}`, blob, { contentType: 'application/octet-stream' });
}

export function fileUrl(hash: string): string {
  return `/api/files/${hash}`;
}
