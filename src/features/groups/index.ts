import type { Feature } from '../shared/feature';
import { group } from './command';
import { groupLink } from './link-action';

/** Groups: the group card (`grupp`) and linking a channel to its group. */
export const groupsFeature: Feature = {
  name: 'groups',
  register(routes) {
    routes.command('group', group, { usageKey: 'usage.group' });
    routes.action(groupLink);
  },
};
