import type { CollectionRegistration } from '../../sync/registration.ts';

/** A member's own monthly dues (a treasurer's: their units' members'); read-only on devices, money is recorded on the server. */
export const duesCollection: CollectionRegistration = { name: 'dues' };
