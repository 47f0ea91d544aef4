// The notices feature's public face: the markdown body and an attachment link (documents use them too).
export { AttachmentItem, AttachmentList } from './AttachmentList.tsx';
export { NoticeMarkdown } from './NoticeMarkdown.tsx';
// Meetings' officers (issue 19) attach files to agenda items as notices do.
export { AttachmentPicker } from './AttachmentPicker.tsx';
