import { addedNullFields, type CollectionRegistration } from '../../sync/registration.ts';

/** Notices and read receipts are the server's; a comment's text is the device's (its author edits it). */
export const noticeCollections: readonly CollectionRegistration[] = [
  // 1: the English title and body beside the Japanese. 2: origin, the federation a notice came from (issue 20).
  { name: 'notices', migrationStrategies: { 1: addedNullFields('titleEn', 'bodyEn'), 2: addedNullFields('origin') } },
  { name: 'reads' },
  { name: 'notice_comments', editableFields: ['text'] },
];
