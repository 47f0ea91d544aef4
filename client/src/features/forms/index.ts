// The forms feature's public face: a form from the device's database, and a clock that ticks for deadlines.
export { useFormDoc } from './use-forms.ts';
export { useNow } from './use-now.ts';
