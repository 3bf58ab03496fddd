import { TableClient } from '@azure/data-tables';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeKey } from '../../src/storage/keys';
import { BOT, CHANNEL, installationUpdate, personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, type SentActivity } from '../support/connector-emulator';

let t: TestBot;
let refs: TableClient;

beforeAll(async () => {
  const connectionString = inject('azuriteConnectionString');
  t = await startTestBot({ connectionString });
  // Read Azurite directly, not through the bot's own store.
  refs = TableClient.fromConnectionString(connectionString, `${t.tablePrefix}ConversationRefs`, { allowInsecureConnection: true });
});
afterEach(() => t.assertCardsValid());
afterAll(async () => t?.close());

async function exchange(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}

async function row(conversationId: string, tenantId = TENANT): Promise<Record<string, any> | undefined> {
  try {
    return await refs.getEntity<Record<string, any>>(encodeKey(tenantId), encodeKey(conversationId));
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

const PERSONAL = `a:personal-${USERS.alex.id}`;

describe('install and uninstall', () => {
  it('add in personal chat stores the reference and says hello with the help card', async () => {
    expect(await row(PERSONAL)).toBeUndefined();
    const sent = await exchange(installationUpdate('add', { serviceUrl: t.emulator.url, scope: 'personal' }));
    expect(sent.map(cardKind)).toEqual(['help']);
    expect(sent[0]!.conversationId).toBe(PERSONAL);

    const r = await row(PERSONAL);
    expect(r).toBeDefined();
    expect(r!.conversationType).toBe('personal');
    expect(r!.userAadObjectId).toBe(USERS.alex.aadObjectId);
    const reference = JSON.parse(r!.reference);
    expect(reference.conversation.id).toBe(PERSONAL);
    expect(reference.serviceUrl).toBe(t.emulator.url);
    expect(reference.bot.id).toBe(BOT.id);
    expect(reference.user.id).toBe(USERS.alex.id);
  });

  it('add in a channel stores the channel reference (without a thread id)', async () => {
    const channelId = '19:channel-install@thread.tacv2';
    expect(await row(channelId)).toBeUndefined();
    await exchange(installationUpdate('add', { serviceUrl: t.emulator.url, scope: 'channel', channelId }));
    const r = await row(channelId);
    expect(r).toBeDefined();
    expect(r!.conversationType).toBe('channel');
    expect(r!.teamId).toBe(CHANNEL.teamId);
    expect(JSON.parse(r!.reference).conversation.id).toBe(channelId);
  });

  it('add-upgrade stores the reference too, without a second hello', async () => {
    const user = USERS.isaiah;
    const sent = await exchange(installationUpdate('add-upgrade', { serviceUrl: t.emulator.url, scope: 'personal', user }));
    expect(sent).toEqual([]);
    expect(await row(`a:personal-${user.id}`)).toBeDefined();
  });

  it('remove deletes the personal reference', async () => {
    expect(await row(PERSONAL)).toBeDefined();
    const sent = await exchange(installationUpdate('remove', { serviceUrl: t.emulator.url, scope: 'personal' }));
    expect(sent).toEqual([]);
    expect(await row(PERSONAL)).toBeUndefined();
  });

  it('remove deletes the channel reference, and removing twice is harmless', async () => {
    const channelId = '19:channel-install@thread.tacv2';
    expect(await row(channelId)).toBeDefined();
    await exchange(installationUpdate('remove', { serviceUrl: t.emulator.url, scope: 'channel', channelId }));
    expect(await row(channelId)).toBeUndefined();
    await exchange(installationUpdate('remove', { serviceUrl: t.emulator.url, scope: 'channel', channelId }));
    expect(await row(channelId)).toBeUndefined();
  });

  it('an ordinary message after a reinstall stores the reference again', async () => {
    await exchange(installationUpdate('remove', { serviceUrl: t.emulator.url, scope: 'personal' }));
    expect(await row(PERSONAL)).toBeUndefined();
    await exchange(personalMessage('hjälp', { serviceUrl: t.emulator.url }));
    expect(await row(PERSONAL)).toBeDefined();
  });

  it('the bot removed from a team (conversationUpdate membersRemoved) deletes the channel reference', async () => {
    const channelId = '19:channel-members@thread.tacv2';
    await exchange(installationUpdate('add', { serviceUrl: t.emulator.url, scope: 'channel', channelId }));
    expect(await row(channelId)).toBeDefined();
    const update = installationUpdate('add', { serviceUrl: t.emulator.url, scope: 'channel', channelId }) as Record<string, any>;
    delete update.action;
    update.type = 'conversationUpdate';
    update.membersRemoved = [{ id: BOT.id, name: BOT.name }];
    update.channelData.eventType = 'teamMemberRemoved';
    await exchange(update);
    expect(await row(channelId)).toBeUndefined();
  });

  it('someone else leaving keeps the reference', async () => {
    const channelId = '19:channel-members2@thread.tacv2';
    await exchange(installationUpdate('add', { serviceUrl: t.emulator.url, scope: 'channel', channelId }));
    const update = installationUpdate('add', { serviceUrl: t.emulator.url, scope: 'channel', channelId }) as Record<string, any>;
    delete update.action;
    update.type = 'conversationUpdate';
    update.membersRemoved = [{ id: USERS.megan.id, name: USERS.megan.name }];
    update.channelData.eventType = 'teamMemberRemoved';
    await exchange(update);
    expect(await row(channelId)).toBeDefined();
  });

  it('every tenant keeps its own references', async () => {
    const other = '11111111-0000-0000-0000-000000000002';
    await exchange(installationUpdate('add', { serviceUrl: t.emulator.url, scope: 'channel', tenantId: other }));
    expect(await row(CHANNEL.channelId, other)).toBeDefined();
    expect(await row(CHANNEL.channelId, TENANT)).toBeUndefined();
  });
});
