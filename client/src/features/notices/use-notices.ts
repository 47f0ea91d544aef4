import type { NoticeDoc } from '@kumiai/shared';
import { docJson, docsJson, useLiveQuery } from '../../sync/live-query.ts';

/** Pinned first, then newest first. */
export function feedOrder(a: NoticeDoc, b: NoticeDoc): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return b.publishAt - a.publishAt;
}

/** The published notices on the device, live, in feed order; undefined while the database opens. */
export function usePublishedNotices(): NoticeDoc[] | undefined {
  return useLiveQuery((db) => db.notices.find({ selector: { status: 'published' } }), (docs) => docsJson(docs).sort(feedOrder), []);
}

/** Ids of the notices this member has read (their own receipts on the device), live. */
export function useReadIds(): ReadonlySet<string> | undefined {
  return useLiveQuery((db) => db.reads.find(), (docs): ReadonlySet<string> => new Set(docs.map((d) => d.noticeId)), []);
}

/** One notice from the device, live; null when it is not there, undefined while loading. */
export function useNotice(id: string): NoticeDoc | null | undefined {
  return useLiveQuery((db) => db.notices.findOne(id), docJson, [id]);
}
