// The kiosk feature's public face: whether this browser is a kiosk, its session bar and its sign-out.
export { KioskSessionBar } from './KioskSessionBar.tsx';
export { kioskSignOut, type KioskSignOutOptions, type KioskSignOutResult } from './kiosk-sign-out.ts';
export { currentKiosk, loadKiosk, useKiosk, type Kiosk } from './kiosk-store.ts';
export { useKioskSignOut, type KioskSignOutState } from './use-kiosk-sign-out.ts';
