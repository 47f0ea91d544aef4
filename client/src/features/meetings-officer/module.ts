import { defineModule } from '../../lib/feature-module.ts';
import { mayRunMeetings } from './access.ts';
import { meetingsOfficerEn, meetingsOfficerJa } from './messages.ts';
import { meetingCheckinRoute, meetingEditRoute, meetingManageRoute, meetingNewRoute, meetingsManageRoute } from './routes.tsx';

/** Meetings, the officers' side (issue 19): create and edit, replies and reminders, check-in and quorum on the day, decisions and minutes. Online, but check-ins are kept offline. */
export const meetingsOfficerModule = defineModule({
  name: 'meetings-officer',
  routes: [meetingsManageRoute, meetingNewRoute, meetingManageRoute, meetingEditRoute, meetingCheckinRoute],
  nav: [{ id: 'meetings-manage', label: (m) => m.meetingsOfficer.menu, to: '/meetings/manage', visible: mayRunMeetings, group: 'outreach' }],
  messages: { ja: { meetingsOfficer: meetingsOfficerJa }, en: { meetingsOfficer: meetingsOfficerEn } },
});
