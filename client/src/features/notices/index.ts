// The notices feature's public face: the markdown body and an attachment link (documents use them too).
export { AttachmentItem, AttachmentList } from './AttachmentList.tsx';
export { NoticeMarkdown } from './NoticeMarkdown.tsx';
// The file picker that uploads at once: meetings' officers (issue 19) and a federation's materials (issue 20) use it too.
export { AttachmentPicker } from './AttachmentPicker.tsx';
