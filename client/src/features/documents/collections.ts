import type { CollectionRegistration } from '../../sync/registration.ts';

/** The union's documents: the server's, never changed on the device. */
export const documentsCollection: CollectionRegistration = { name: 'documents' };
