// The cards feature's public face: a printable sheet of login cards.
export { CardSheet } from './CardSheet.tsx';
export { qrDataUrl } from './qr.ts';
