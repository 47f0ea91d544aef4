import type { CollectionRegistration } from '../../sync/registration.ts';

/** Notices and read receipts are the server's; a comment's text is the device's (its author edits it). */
export const noticeCollections: readonly CollectionRegistration[] = [{ name: 'notices' }, { name: 'reads' }, { name: 'notice_comments', editableFields: ['text'] }];
