import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from '../config';

/**
 * botbuilder's CloudAdapter (through teams-ai). With no BOT_ID it runs in
 * anonymous mode, which the configuration refuses in production; with one,
 * every request must carry a valid Bot Framework token.
 */
export function createAdapter(config: Config): TeamsAdapter {
  return new TeamsAdapter(
    {},
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: config.BOT_ID ?? '',
      MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
      MicrosoftAppType: config.BOT_TYPE,
      MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
    }),
  );
}
