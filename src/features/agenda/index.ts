import type { Feature } from '../shared/feature';
import { agendaPropose, agendaPublish, agendaRefresh, minutesFinalize, minutesSave } from './actions';
import { agenda, minutes } from './commands';
import { registerAgendaJobs } from './jobs';

/** Agenda and minutes: proposing items (`dagordning`), publishing, writing and finalising the minutes (`protokoll`), the minutes' reminders. */
export const agendaFeature: Feature = {
  name: 'agenda',
  register(routes, services) {
    routes.command('agenda', agenda, { usageKey: 'usage.agenda' });
    routes.command('minutes', minutes);
    for (const action of [agendaPropose, agendaPublish, agendaRefresh, minutesSave, minutesFinalize]) routes.action(action);
    registerAgendaJobs(routes, services);
  },
};
