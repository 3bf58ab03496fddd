import type { Feature } from '../shared/feature';
import { help } from './command';
import { helpRun } from './run';

/** Help: what this user may do here (`hjälp`), also the answer to a first install and to text that is no command. */
export const helpFeature: Feature = {
  name: 'help',
  register(routes) {
    routes.command('help', help);
    routes.action(helpRun);
  },
};

export { help } from './command';
