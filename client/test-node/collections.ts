import type { CollectionRegistration } from '../src/sync/registration.ts';
import { documentsCollection } from '../src/features/documents/collections.ts';
import { duesCollection } from '../src/features/dues/collections.ts';
import { eventsCollection } from '../src/features/meetings/collections.ts';
import { formsCollection, submissionsCollection } from '../src/features/forms/collections.ts';
import { membersCollection } from '../src/features/members/collections.ts';
import { noticeCollections } from '../src/features/notices/collections.ts';
import { unitsCollection } from '../src/features/units/collections.ts';

/**
 * The feature modules' registrations of the synced collections, as the app hands them to the sync engine
 * (the modules themselves bring the app's pages, which these Node tests do not load).
 */
export const unitsAndMembers: readonly CollectionRegistration[] = [unitsCollection, membersCollection];
export const everyCollection: readonly CollectionRegistration[] = [...unitsAndMembers, ...noticeCollections, documentsCollection, formsCollection, submissionsCollection, duesCollection, eventsCollection];
