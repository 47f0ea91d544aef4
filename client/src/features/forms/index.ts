// The forms feature's public face: a form from the device's database, and a clock that ticks for deadlines.
export { useFormDoc } from './use-forms.ts';
export { useNow } from './use-now.ts';
// A picked photo made smaller (JPEG, no EXIF) before it is sent: candidate photos use it too.
export { prepareFile } from './downscale.ts';
// The member's outbox of picked files (Cache Storage, wiped with the member's data): consultations keep theirs there too until uploaded.
export { keepPickedFiles, outboxFor, uploadRetryable } from './outbox.ts';
