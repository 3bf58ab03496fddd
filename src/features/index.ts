import type { CommandName } from '../domain/commands/words';
import type { JobHandler } from '../scheduler';
import { agendaFeature } from './agenda';
import { consentFeature } from './consent';
import { consentJobsFeature } from './consent/jobs';
import { consentExpiryFeature } from './consent/expiry';
import { riskPeriodsFeature } from './risk-periods';
import { concernFeature } from './concern';
import { contactsFeature } from './contacts';
import { digestFeature } from './digest';
import { groupsFeature } from './groups';
import { helpFeature } from './help';
import { languageFeature } from './language';
import { meetingsFeature } from './meetings';
import { reviewsFeature } from './reviews';
import { reportFeature } from './report';
import { sipFeature } from './sip';
import { plansFeature } from './plans';
import { indicatorsFeature } from './indicators';
import { raiseFeature } from './raise';
import { broadcastFeature } from './broadcast';
import { surveyFeature } from './survey';
import type { ActionDefinition, CommandHandler, Feature, Routes } from './shared/feature';
import type { BotServices } from './shared/services';

/** Every feature of the bot; a new one is added here. */
export const FEATURES: readonly Feature[] = [
  helpFeature,
  groupsFeature,
  meetingsFeature,
  agendaFeature,
  reviewsFeature,
  plansFeature,
  indicatorsFeature,
  raiseFeature,
  broadcastFeature,
  surveyFeature,
  digestFeature,
  consentFeature,
  consentJobsFeature,
  languageFeature,
  reportFeature,
  sipFeature,
  concernFeature,
  contactsFeature,
  consentExpiryFeature,
  riskPeriodsFeature,
];

/** What the features registered: the edge hangs these on Teams (src/bot/app.ts) and on the scheduler (src/index.ts). */
export interface FeatureRoutes {
  commands: Map<CommandName, { handler: CommandHandler; usageKey?: string }>;
  actions: ActionDefinition[];
  jobs: Map<string, JobHandler<never>>;
}

export function featureRoutes(services: BotServices, features: readonly Feature[] = FEATURES): FeatureRoutes {
  const out: FeatureRoutes = { commands: new Map(), actions: [], jobs: new Map() };
  const routes: Routes = {
    command(name, handler, options) {
      if (out.commands.has(name)) throw new Error(`command ${name} registered twice`);
      out.commands.set(name, { handler, usageKey: options?.usageKey });
    },
    action(def) {
      if (out.actions.some((a) => a.verb === def.verb)) throw new Error(`card verb ${def.verb} registered twice`);
      out.actions.push(def);
    },
    job(kind, handler) {
      if (out.jobs.has(kind)) throw new Error(`job kind ${kind} registered twice`);
      out.jobs.set(kind, handler as JobHandler<never>);
    },
  };
  for (const feature of features) feature.register(routes, services);
  return out;
}

/** Plans what each feature schedules itself (idempotent: every process does it at start). */
export async function startFeatures(services: BotServices, features: readonly Feature[] = FEATURES): Promise<void> {
  for (const feature of features) await feature.start?.(services);
}
