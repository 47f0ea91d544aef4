import type { CollectionRegistration } from '../../sync/registration.ts';

/**
 * Meetings and the member's own rsvp (`events`, told apart by `kind`): a meeting
 * is the server's; of the rsvp the device writes the answer, the note and the
 * proxy (offline too; the server checks them when they arrive), everything else
 * (delegate, presence, the attendance code, reminders) is the server's.
 */
export const eventsCollection: CollectionRegistration = { name: 'events', editableFields: ['answer', 'note', 'proxy'] };
