import type { CollectionRegistration } from '../../sync/registration.ts';

/**
 * A member's cases and what is written in them (and, on an assigned officer's
 * device, the internal notes): each document is written once on a device and
 * never changed there (status and assignment are the server's routes), so no
 * field is editable and the server's state always wins a conflict.
 */
export const consultationsCollection: CollectionRegistration = { name: 'consultations' };
