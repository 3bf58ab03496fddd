import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Config } from '../config';

/**
 * botbuilder's CloudAdapter (through teams-ai). With no BOT_ID it runs in
 * anonymous mode, which the configuration refuses in production; with one,
 * every request must carry a valid Bot Framework token.
 */
export function createAdapter(config: Config): TeamsAdapter {
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
  return new TeamsAdapter(
    auth,
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: config.BOT_ID ?? '',
      MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
      MicrosoftAppType: config.BOT_TYPE,
      MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
    }),
  );
}
