import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Config } from '../config';
import { assertConnectorClientsBoundable, BoundedBotFrameworkAuthentication } from './connector-timeout';

/**
 * teams-ai's TeamsAdapter whose every request to the Bot Connector is
 * bounded (see connector-timeout.ts). TeamsAdapter builds its own
 * BotFrameworkAuthentication; CloudAdapter reads the field on every turn and
 * proactive send, so wrapping it right after construction covers both.
 */
class BoundedTeamsAdapter extends TeamsAdapter {
  constructor(
    auth: ConstructorParameters<typeof TeamsAdapter>[0],
    credentials: ConstructorParameters<typeof TeamsAdapter>[1],
    connectorTimeoutMs: number,
  ) {
    super(auth, credentials);
    const self = this as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
    self.botFrameworkAuthentication = new BoundedBotFrameworkAuthentication(self.botFrameworkAuthentication, connectorTimeoutMs);
  }
}

/**
 * botbuilder's CloudAdapter (through teams-ai). With no BOT_ID it runs in
 * anonymous mode, which the configuration refuses in production; with one,
 * every request must carry a valid Bot Framework token. Every request it
 * makes to the Bot Connector ends within CONNECTOR_TIMEOUT_MS.
 */
export function createAdapter(config: Config): TeamsAdapter {
  assertConnectorClientsBoundable();
  // The public cloud's endpoints, with another OpenID document for incoming
  // tokens when one is configured (a stand-in key server in the tests).
  const auth = config.BOT_OPENID_METADATA
    ? {
        ValidateAuthority: true,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA,
        ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        CallerId: CallerIdConstants.PublicAzureChannel,
      }
    : {};
  return new BoundedTeamsAdapter(
    auth,
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: config.BOT_ID ?? '',
      MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
      MicrosoftAppType: config.BOT_TYPE,
      MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
    }),
    config.CONNECTOR_TIMEOUT_MS,
  );
}
