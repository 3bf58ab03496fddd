import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { encodeKey } from '../../src/storage/keys';
import { parseCommand } from '../../src/domain/commands/parse';

const TEAM = '19:team-samverkan@thread.tacv2';
let t: TestBot;
let channelCounter = 0;
const newChannel = () => `19:channel-group-${++channelCounter}-${Date.now()}@thread.tacv2`;

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => new Date('2026-11-22T10:00:00Z') });
});
afterAll(async () => t?.close());

/** Posts and returns what the bot sent in answer (the turn ends when the POST answers). */
async function say(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}

function inChannel(text: string, channelId: string, user: TestUser = USERS.alex, locale = 'sv-SE') {
  return channelMessage(text, { serviceUrl: t.emulator.url, mention: true, channelId, teamId: TEAM, user, locale });
}

const texts = (card: Record<string, any> | undefined): string => JSON.stringify(card ?? {});

function linkRow(channelId: string) {
  const table = TableClient.fromConnectionString(inject('azuriteConnectionString'), `${t.tablePrefix}ChannelLinks`, {
    allowInsecureConnection: true,
  });
  return table.getEntity<{ groupId: string; linkedBy: string }>(encodeKey(TENANT), encodeKey(channelId));
}

describe('grupp / group', () => {
  it('in an unlinked channel offers a convener the groups they may link it to', async () => {
    const sent = await say(inChannel('grupp', newChannel()));
    expect(sent).toHaveLength(1);
    expect(cardKind(sent[0]!)).toBe('group');
    const card = cardOf(sent[0]!)!;
    expect(card.body[0].text).toBe('Kanalen är inte kopplad till någon grupp');
    const chooser = JSON.stringify(card).match(/"Input.ChoiceSet"/);
    expect(chooser).not.toBeNull();
    for (const id of ['styrgrupp', 'samverkansgrupp', 'operativ']) expect(texts(card)).toContain(`"value":"${id}"`);
    expect(texts(card)).toContain('"verb":"group.link"');
  });

  it('in an unlinked channel tells a member without the right who may link it', async () => {
    const sent = await say(inChannel('group', newChannel(), USERS.adele, 'en-US'));
    const card = cardOf(sent[0]!)!;
    expect(card.body[0].text).toBe('This channel is not linked to a group');
    expect(texts(card)).not.toContain('Input.ChoiceSet');
    expect(texts(card)).toContain('group link');
  });

  it('grupp koppla takes the name every card shows; a close name is asked about; alone it shows the form', async () => {
    const channel = newChannel();
    const byName = await say(inChannel('grupp koppla Operativ grupp', channel));
    expect(texts(cardOf(byName[0]!))).toContain('Kanalen är nu kopplad till Operativ grupp.');
    expect((await linkRow(channel)).groupId).toBe('operativ');
    const close = cardOf((await say(inChannel('grupp koppla styrgruppen', newChannel())))[0]!)!;
    expect(close.body[0].text).toBe('Menade du Styrgrupp?');
    expect(texts(close)).toMatch(/"verb":"group.link"[^}]*"data":\{"groupId":"styrgrupp"\}/);
    const form = cardOf((await say(inChannel('grupp koppla', newChannel())))[0]!)!;
    expect(texts(form)).toContain('"placeholder":"Välj grupp …"');
    expect(texts(form)).toContain('"value":"operativ"');
  });

  it('grupp koppla by a convener links the channel, stores the link and shows the group', async () => {
    const channel = newChannel();
    const sent = await say(inChannel('grupp koppla samverkansgrupp', channel));
    expect(cardKind(sent[0]!)).toBe('group');
    const card = cardOf(sent[0]!)!;
    expect(card.body[0].text).toBe('Samverkansgrupp');
    expect(texts(card)).toContain('Kanalen är nu kopplad till Samverkansgrupp.');
    expect(texts(card)).toContain('Taktisk nivå');
    const row = await linkRow(channel);
    expect(row.groupId).toBe('samverkansgrupp');
    expect(row.linkedBy).toBe(USERS.alex.aadObjectId);

    // A thread in the same channel sees the same link.
    const again = await say(
      channelMessage('grupp', { serviceUrl: t.emulator.url, mention: true, channelId: channel, teamId: TEAM, threadId: '1712345678' }),
    );
    const details = cardOf(again[0]!)!;
    expect(details.body[0].text).toBe('Samverkansgrupp');
    expect(texts(details)).toContain('Sammankallande');
    expect(texts(details)).toContain('Alex Wilber');
    expect(texts(details)).toContain('Mötesfrekvens');
    // The convener sees the consent gate's counts for the group; a member does not.
    expect(texts(details)).toContain('Samtyckesspärren, 30 dagar');
    expect(texts(details)).toContain('0 stoppade · 0 med samtycke');
    await say(
      channelMessage('Eleven Ali Hassan i 7B har hög frånvaro, mamma har hört av sig.', {
        serviceUrl: t.emulator.url,
        channelId: channel,
        teamId: TEAM,
        user: USERS.adele,
      }),
    );
    const after = cardOf((await say(inChannel('grupp', channel)))[0]!)!;
    expect(texts(after)).toContain('1 stoppade · 0 med samtycke');
    const asMember = cardOf((await say(inChannel('grupp', channel, USERS.adele)))[0]!)!;
    expect(texts(asMember)).not.toContain('Samtyckesspärren');
  });

  it('group link in English by a convener links it; relinking says what it was', async () => {
    const channel = newChannel();
    await say(inChannel('group link operativ', channel, USERS.alex, 'en-US'));
    const sent = await say(inChannel('/GROUP LINK styrgrupp', channel, USERS.alex, 'en-US'));
    const card = cardOf(sent[0]!)!;
    expect(card.body[0].text).toBe('Styrgrupp');
    expect(texts(card)).toMatch(/now linked to Styrgrupp instead of Operativ/i);
    expect(texts(card)).toContain('Strategic level');
    expect((await linkRow(channel)).groupId).toBe('styrgrupp');
  });

  it('a non-convener is refused politely, told who may, and nothing is stored', async () => {
    const channel = newChannel();
    const sent = await say(inChannel('grupp koppla samverkansgrupp', channel, USERS.adele));
    expect(cardKind(sent[0]!)).toBe('not-allowed');
    const card = texts(cardOf(sent[0]!));
    expect(card).toContain('Bara gruppens sammankallande');
    expect(card).toContain('Alex Wilber');
    await expect(linkRow(channel)).rejects.toMatchObject({ statusCode: 404 });

    const en = await say(inChannel('group link operativ', channel, USERS.megan, 'en-US'));
    expect(cardKind(en[0]!)).toBe('not-allowed');
    expect(texts(cardOf(en[0]!))).toContain("Only the group's conveners may do that.");
  });

  it('an unknown group id names the groups there are', async () => {
    const sent = await say(inChannel('grupp koppla finnsinte', newChannel()));
    expect(cardKind(sent[0]!)).toBe('error');
    expect(texts(cardOf(sent[0]!))).toContain('styrgrupp, samverkansgrupp, operativ');
  });

  it('linking from personal chat is explained, not attempted', async () => {
    const sent = await say(personalMessage('grupp koppla operativ', { serviceUrl: t.emulator.url }));
    expect(cardKind(sent[0]!)).toBe('error');
    expect(texts(cardOf(sent[0]!))).toContain('kanal eller gruppchatt');
  });

  it("grupp in personal chat lists the user's own groups", async () => {
    const adele = cardOf((await say(personalMessage('grupp', { serviceUrl: t.emulator.url, user: USERS.adele })))[0]!)!;
    expect(adele.body[0].text).toBe('Dina samverkansgrupper');
    expect(texts(adele)).toContain('Samverkansgrupp');
    expect(texts(adele)).not.toContain('Styrgrupp');
    const isaiah = cardOf((await say(personalMessage('group', { serviceUrl: t.emulator.url, user: USERS.isaiah, locale: 'en-US' })))[0]!)!;
    expect(texts(isaiah)).toContain('You are not in any collaboration group.');
  });

  it('the group.link card action links the channel and answers with the group card', async () => {
    const channel = newChannel();
    const invoke = actionExecute(
      'group.link',
      { groupId: 'operativ' },
      {
        serviceUrl: t.emulator.url,
        conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      },
    );
    const res = await t.post(invoke);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.body[0].id).toBe('group');
    expect(body.value.body[0].text).toBe('Operativ grupp');
    expect((await linkRow(channel)).groupId).toBe('operativ');

    const refused = JSON.parse(
      (
        await t.post(
          actionExecute(
            'group.link',
            { groupId: 'styrgrupp' },
            {
              serviceUrl: t.emulator.url,
              user: USERS.adele,
              conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: TENANT },
            },
          ),
        )
      ).body,
    );
    expect(refused.value.body[0].id).toBe('not-allowed');
    expect((await linkRow(channel)).groupId).toBe('operativ');

    const missing = JSON.parse(
      (
        await t.post(
          actionExecute(
            'group.link',
            {},
            {
              serviceUrl: t.emulator.url,
              conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: TENANT },
            },
          ),
        )
      ).body,
    );
    expect(missing.value.body[0].id).toBe('group');
    expect(JSON.stringify(missing.value)).toContain('Välj en grupp.');
  });
});

describe("hjälp reflects the user's real roles", () => {
  it('tells Alex he convenes every group, manages and may record consent', async () => {
    const card = texts(cardOf((await say(personalMessage('hjälp', { serviceUrl: t.emulator.url })))[0]!));
    for (const line of [
      'Sammankallande i Styrgrupp',
      'Sammankallande i Samverkansgrupp',
      'Sammankallande i Operativ grupp',
      'Chef, får sammanfattningen',
      'Får registrera samtycke i Operativ grupp',
    ]) {
      expect(card).toContain(line);
    }
    for (const word of ['boka', 'samtycke', 'sammanfattning', 'översyn']) expect(card).toContain(`**${word}**`);
  });

  it('offers every command as landed (none "coming"), with quick-action buttons for the everyday ones', async () => {
    const card = cardOf((await say(personalMessage('hjälp', { serviceUrl: t.emulator.url })))[0]!)!;
    const json = texts(card);
    expect(json).not.toContain('Kommer i en senare version.');
    // Card actions (help.run), not imBack buttons, which the Agents Playground ignores.
    const actions = (card.actions ?? []) as Array<{ type?: string; verb?: string; data?: { command?: string } }>;
    // help.run for the commands, and concern.show for the route to a report of concern (issue 18).
    expect(actions.every((a) => a.type === 'Action.Execute' && (a.verb === 'help.run' || a.verb === 'concern.show'))).toBe(true);
    expect(actions.filter((a) => a.verb === 'concern.show')).toHaveLength(1);
    const commands = actions.filter((a) => a.verb === 'help.run').map((a) => parseCommand(a.data?.command ?? ''));
    expect(commands.map((c) => (c.kind === 'command' ? c.command.name : c.kind))).toEqual(
      expect.arrayContaining(['group', 'schedule', 'meetings', 'agenda']),
    );
  });

  it('offers Adele only what a tactical member may do', async () => {
    const card = texts(
      cardOf((await say(personalMessage('help', { serviceUrl: t.emulator.url, user: USERS.adele, locale: 'en-US' })))[0]!),
    );
    expect(card).toContain('Member of Samverkansgrupp');
    expect(card).toContain('**agenda**');
    for (const word of ['schedule', 'consent', 'digest', 'minutes']) expect(card).not.toContain(`**${word}**`);
  });

  it('tells Isaiah he has no role yet', async () => {
    const card = texts(cardOf((await say(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.isaiah })))[0]!));
    expect(card).toContain('Du har ingen roll i någon samverkansgrupp ännu.');
  });
});

describe('tenant isolation', () => {
  let iso: TestBot;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-org-'));
    const file = path.join(dir, 'tenant.yaml');
    writeFileSync(file, `extends: local-demo\ntenantId: ${TENANT}\n`);
    iso = await startTestBot({ connectionString: inject('azuriteConnectionString'), env: { ORG_CONFIG: file } });
  });
  afterAll(async () => iso?.close());

  it('a user of another tenant, even with a known object id, has no role and cannot link', async () => {
    const other = '99999999-0000-0000-0000-000000000001';
    const mark = iso.emulator.sent.length;
    await iso.post(personalMessage('hjälp', { serviceUrl: iso.emulator.url, tenantId: other }));
    const help = JSON.stringify(cardOf(iso.emulator.sent[mark]!));
    expect(help).toContain('Du har ingen roll');
    await iso.post(
      channelMessage('grupp koppla operativ', { serviceUrl: iso.emulator.url, mention: true, tenantId: other, channelId: newChannel() }),
    );
    expect(cardKind(iso.emulator.sent[mark + 1]!)).toBe('not-allowed');
    expect(JSON.stringify(cardOf(iso.emulator.sent[mark + 1]!))).toContain('annan organisation');

    // The same user in the organisation's own tenant is the convener.
    await iso.post(personalMessage('hjälp', { serviceUrl: iso.emulator.url }));
    expect(JSON.stringify(cardOf(iso.emulator.sent[mark + 2]!))).toContain('Sammankallande i Styrgrupp');
  });
});
