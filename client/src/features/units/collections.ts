import type { CollectionRegistration } from '../../sync/registration.ts';

/** The union's unit tree: the server's, never changed on the device. */
export const unitsCollection: CollectionRegistration = { name: 'units' };
