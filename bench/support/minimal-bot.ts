import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import restify from 'restify';

/**
 * The baseline for the turn-latency benchmark: a minimal teams-ai bot on the
 * same restify and adapter that does nothing with a message (no storage).
 */
const adapter = new TeamsAdapter(
  {},
  new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }),
);
const app = new Application<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });
app.activity('message', async () => {});
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});
