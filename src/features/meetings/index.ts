import type { Feature } from '../shared/feature';
import { meetingCancel, meetingMove, meetingNewLink, meetingRefresh, meetingRsvp, meetingSchedule, meetingsPage } from './actions';
import { registerCalendarJobs } from './calendar-jobs';
import { registerMeetingJobs } from './jobs';
import { meetings } from './meetings-command';
import { schedule } from './schedule-command';

/** Meetings: booking (`boka`), the list and calendar link (`möten`), the meeting card's buttons, reminders. */
export const meetingsFeature: Feature = {
  name: 'meetings',
  register(routes, services) {
    routes.command('schedule', schedule, { usageKey: 'usage.schedule' });
    routes.command('meetings', meetings, { usageKey: 'usage.meetings' });
    for (const action of [meetingSchedule, meetingRsvp, meetingRefresh, meetingMove, meetingCancel, meetingNewLink, meetingsPage])
      routes.action(action);
    registerMeetingJobs(routes, services);
    registerCalendarJobs(routes, services);
  },
};
