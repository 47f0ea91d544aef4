import { defineModule } from '../../lib/feature-module.ts';
import { eventsCollection } from './collections.ts';

/** Meetings (会議, issue 19), the member's side: their meetings offline, their answer and proxy, the attendance QR, calendars. */
export const meetingsModule = defineModule({
  name: 'meetings',
  collections: [eventsCollection],
});
