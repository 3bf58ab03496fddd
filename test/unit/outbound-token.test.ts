import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MsalAppCredentials } from 'botframework-connector';
import { describe, expect, it } from 'vitest';

/**
 * The bot's outgoing token, as botframework-connector gets it with a BOT_ID
 * and BOT_PASSWORD: MSAL's ConfidentialClientApplication (the @azure/msal-node
 * botframework-connector resolves, which package.json's `overrides` picks)
 * asked for a client-credentials token for the Bot Framework, through the
 * connector's MsalAppCredentials. Entra cannot run here: MSAL's own network
 * module is replaced by a stand-in that answers discovery and the token
 * request, so what is checked is that the MSAL in the tree still does what
 * the connector asks of it, request by request.
 */

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const fromConnector = createRequire(require.resolve('botframework-connector'));
const msal = fromConnector('@azure/msal-node') as typeof import('@azure/msal-node');

function msalVersion(): string {
  // The package's root: its main file lives under it (lib/ or dist/).
  let dir = dirname(fromConnector.resolve('@azure/msal-node'));
  while (!dir.endsWith('msal-node')) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function standInEntra() {
  const requests: Array<{ method: string; url: string; body?: string }> = [];
  const authority = 'https://login.microsoftonline.com/botframework.com';
  const ok = <T>(body: T) => ({ headers: {} as Record<string, string>, status: 200, body });
  const networkClient = {
    async sendGetRequestAsync(url: string) {
      requests.push({ method: 'GET', url });
      if (url.includes('/discovery/instance'))
        return ok({
          tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net'],
            },
          ],
        });
      return ok({
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        issuer: 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
        jwks_uri: `${authority}/discovery/v2.0/keys`,
      });
    },
    async sendPostRequestAsync(url: string, options?: { body?: string }) {
      requests.push({ method: 'POST', url, body: options?.body });
      return ok({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'stand-in-outbound-token' });
    },
  };
  return { requests, authority, networkClient };
}

describe("the bot's outgoing token through the MSAL in the tree", () => {
  it(`a client-credentials token for the Bot Framework (msal-node ${msalVersion()})`, async () => {
    const entra = standInEntra();
    const client = new msal.ConfidentialClientApplication({
      auth: { clientId: BOT_ID, clientSecret: 'not-a-real-secret', authority: entra.authority },
      system: { networkClient: entra.networkClient as never },
    });
    const credentials = new MsalAppCredentials(client as never, BOT_ID, undefined as never, 'https://api.botframework.com');
    expect(await credentials.getToken(true)).toBe('stand-in-outbound-token');
    const post = entra.requests.find((r) => r.method === 'POST');
    const url = new URL(post?.url ?? 'about:blank');
    expect(`${url.origin}${url.pathname}`).toBe(`${entra.authority}/oauth2/v2.0/token`);
    const form = new URLSearchParams(post?.body ?? '');
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(BOT_ID);
    expect(form.get('client_secret')).toBe('not-a-real-secret');
    expect(form.get('scope')).toContain('https://api.botframework.com/.default');
  });

  it('a failed token request is thrown, not answered with an empty token', async () => {
    const entra = standInEntra();
    entra.networkClient.sendPostRequestAsync = async (url: string) => {
      entra.requests.push({ method: 'POST', url });
      return {
        headers: {},
        status: 401,
        body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
      } as never;
    };
    const client = new msal.ConfidentialClientApplication({
      auth: { clientId: BOT_ID, clientSecret: 'wrong', authority: entra.authority },
      system: { networkClient: entra.networkClient as never },
    });
    const credentials = new MsalAppCredentials(client as never, BOT_ID, undefined as never, 'https://api.botframework.com');
    await expect(credentials.getToken(true)).rejects.toThrow(/invalid_client|AADSTS7000215/);
  });
});
