import type { Widen } from '../../i18n/types.ts';

/** `m.documents` (Japanese, the source). */
export const documentsJa = {
  title: '資料室',
  link: '資料室',
  folderEmpty: 'このフォルダにはまだ資料がありません。',
  noFolders: 'まだフォルダがありません。',
  addDocument: '資料を追加する',
  notOnDevice: 'この資料はこの端末にありません。電波の届く場所で同期されるのを待つか、資料室に戻ってください。',
  back: '資料室へ戻る',
  description: '説明',
  currentVersion: '最新版(第 {version} 版)',
  earlierVersions: '以前の版',
  versionLine: '第 {version} 版・{date}',
  updatedAt: '更新日時',
  keepOffline: 'この端末に保存する(電波がなくても開ける)',
  keptOffline: 'この資料は端末に保存されます。',
  newTitle: '資料を追加する',
  folder: 'フォルダ',
  docTitle: '題名',
  descriptionField: '説明(任意)',
  file: 'ファイル(PDF・画像)',
  fileMissing: 'ファイルを選んでください。',
  save: '追加する',
  newVersion: '新しい版をアップロード',
  versionNote: '変更点のメモ(任意)',
  uploadVersion: '新しい版を追加する',
  versionAdded: '第 {version} 版を追加しました。',
  addFolder: 'フォルダを追加',
  folderName: 'フォルダの名前',
  folderAdded: 'フォルダを追加しました:',
} as const;

export const documentsEn: Widen<typeof documentsJa> = {
  title: 'Documents',
  link: 'Documents',
  folderEmpty: 'No documents in this folder yet.',
  noFolders: 'No folders yet.',
  addDocument: 'Add a document',
  notOnDevice: 'This document is not on this device. Wait for it to sync where there is a signal, or go back to the documents.',
  back: 'Back to documents',
  description: 'Description',
  currentVersion: 'Current version (version {version})',
  earlierVersions: 'Earlier versions',
  versionLine: 'Version {version} · {date}',
  updatedAt: 'Updated',
  keepOffline: 'Keep on devices (opens with no signal)',
  keptOffline: 'This document is kept on this device.',
  newTitle: 'Add a document',
  folder: 'Folder',
  docTitle: 'Title',
  descriptionField: 'Description (optional)',
  file: 'File (PDF or image)',
  fileMissing: 'Choose a file.',
  save: 'Add',
  newVersion: 'Upload a new version',
  versionNote: 'What changed (optional)',
  uploadVersion: 'Add the new version',
  versionAdded: 'Version {version} added.',
  addFolder: 'Add folder',
  folderName: 'Folder name',
  folderAdded: 'Folder added:',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages {
    documents: Widen<typeof documentsJa>;
  }
}
