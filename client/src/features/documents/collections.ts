import { addedNullFields, type CollectionRegistration } from '../../sync/registration.ts';

/** The union's documents: the server's, never changed on the device (schema 1: the English title and description). */
export const documentsCollection: CollectionRegistration = { name: 'documents', migrationStrategies: { 1: addedNullFields('titleEn', 'descriptionEn') } };
