import type { Attachment } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { fileUrl } from '../api/files.ts';

/** "2.4 MB" / "350 KB" for the member. */
export function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/**
 * Where to open an attached file: the device's own copy (a blob: URL, so it
 * opens with no network) once `deviceCopy` finds it, until then the server's
 * address. `owner` is whose copies these are (the member): another owner
 * looks again. The blob: URL is revoked when the component unmounts.
 */
export function useFileHref(file: Pick<Attachment, 'hash'> & { type?: string }, owner: string, deviceCopy: (hash: string) => Promise<Blob | null>): { href: string; onDevice: boolean } {
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void deviceCopy(file.hash)
      .then((blob) => {
        if (cancelled || !blob) return;
        url = URL.createObjectURL(new Blob([blob], { type: file.type ?? blob.type }));
        setBlobUrl(url);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
    // deviceCopy is rebuilt on each render; the owner and the file decide when to look again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owner, file.hash, file.type]);
  return { href: blobUrl ?? fileUrl(file.hash), onDevice: blobUrl !== null };
}
