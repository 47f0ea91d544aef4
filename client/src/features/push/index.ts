// The push feature's public face: the opt-in switch's state and the officer's "remind" button.
export { usePushOptIn } from './push.ts';
export { RemindButton } from './RemindButton.tsx';
