import type { Attachment } from '@kumiai/shared';
import { apiRequest } from '../../api/client.ts';

/** Sends a file's raw bytes (POST /api/uploads); the server hashes them (SHA-256 hex) and checks the type from the content. */
export function uploadBlob(blob: Blob, name: string): Promise<Attachment> {
  return apiRequest<Attachment>('POST', `/api/uploads?name=${encodeURIComponent(name)}`, blob, { contentType: 'application/octet-stream' });
}

export function fileUrl(hash: string): string {
  return `/api/files/${hash}`;
}
