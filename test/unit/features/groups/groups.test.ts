import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/domain/commands/parse';
import { group } from '../../../../src/features/groups/command';
import { groupLink } from '../../../../src/features/groups/link-action';
import type { TurnInfo } from '../../../../src/features/shared/turn';
import {
  ADELE,
  ALEX,
  inChannel,
  ISAIAH,
  kindOf,
  MEGAN,
  OPERATIVE_CHANNEL,
  personal,
  services,
  TENANT,
  text,
  turnIn,
  world,
  type World,
} from '../reviews/world';

/** Runs a `grupp` command as `info` says and answers the one card sent. */
async function say(w: World, info: TurnInfo, line: string) {
  const turn = turnIn(w, info);
  const parsed = parseCommand(line);
  if (parsed.kind !== 'command') throw new Error(`${line} does not parse`);
  await group({ turn, info, services: services(w), command: parsed.command });
  expect(turn.sent).toHaveLength(1);
  return turn.sent[0]!;
}

async function linkOperative(w: World) {
  await w.stores.channelLinks.link({
    tenantId: TENANT,
    conversationId: OPERATIVE_CHANNEL,
    groupId: 'operativ',
    linkedBy: ALEX,
    linkedAt: '2026-01-01T00:00:00.000Z',
  });
}

describe('the group card', () => {
  it('shows the linked group in detail; its conveners also see how the consent gate has worked', async () => {
    const w = world();
    await linkOperative(w);
    await w.stores.audit.append({
      tenantId: TENANT,
      groupId: 'operativ',
      event: 'refusal',
      time: new Date('2026-11-20T10:00:00.000Z'),
      userId: MEGAN,
      reason: 'noConsent',
      categories: ['personnummer'],
    });
    const convener = text(await say(w, inChannel(ALEX, OPERATIVE_CHANNEL), 'grupp'));
    expect(convener).toContain('Operativ grupp');
    expect(convener).toContain('Sofia Hed');
    // The demo's operative group meets weekly: the year's count is held against its plan.
    expect(convener).toMatch(/0 av \d+ möten hållna/);
    expect(convener).toContain('1 stoppade · 0 med samtycke');
    const member = text(await say(w, inChannel(MEGAN, OPERATIVE_CHANNEL), 'grupp'));
    expect(member).toContain('Operativ grupp');
    expect(member).not.toContain('Samtyckesspärren');
  });

  it('lists the members by name with their role, each once, and the cadence once', async () => {
    const w = world();
    await linkOperative(w);
    const card = await say(w, inChannel(ALEX, OPERATIVE_CHANNEL), 'grupp');
    const facts = JSON.stringify(card).match(/"title":"Medlemmar","value":"([^"]*)"/)?.[1] ?? '';
    expect(facts).toContain('Megan Bowen (Skolkurator (demo))');
    expect(facts).toContain('Mikael Falk (Familjebehandlare)');
    // A convener is under Sammankallande, not again among the members; no role stands without a name.
    expect(facts).not.toContain('Alex Wilber');
    expect(facts.split(', ').every((entry) => /^\p{Lu}\S* \S+ \(/u.test(entry))).toBe(true);
    expect(new Set(facts.split(', ')).size).toBe(facts.split(', ').length);
    const all = text(card);
    expect(all.split('varje vecka')).toHaveLength(2);
    // A group that meets as needed says so once, in its facts.
    const demo = world().organisation;
    const asNeeded = world({
      organisation: { ...demo, groups: demo.groups.map((g) => ({ ...g, cadence: { kind: 'asNeeded' as const } })) },
    });
    await linkOperative(asNeeded);
    expect(text(await say(asNeeded, inChannel(ALEX, OPERATIVE_CHANNEL), 'grupp')).split('vid behov')).toHaveLength(2);
  });

  it('offers a convener in an unlinked channel the groups they may link it to, and tells others who can', async () => {
    const w = world();
    const convener = text(await say(w, inChannel(ALEX, '19:new@thread.tacv2'), 'grupp'));
    expect(convener).toContain('Kanalen är inte kopplad');
    for (const id of ['styrgrupp', 'samverkansgrupp', 'operativ']) expect(convener).toContain(`"value":"${id}"`);
    const member = text(await say(w, inChannel(ADELE, '19:new@thread.tacv2'), 'grupp'));
    expect(member).toContain('Du är inte sammankallande i någon grupp');
    expect(member).not.toContain('"value":"operativ"');
  });

  it("lists a user's groups in personal chat, or says they are in none", async () => {
    const w = world();
    const mine = text(await say(w, personal(MEGAN), 'grupp'));
    expect(mine).toContain('Operativ grupp');
    expect(mine).toContain('medlem');
    expect(text(await say(w, personal(ISAIAH), 'grupp'))).toContain('Du är inte med i någon samverkansgrupp.');
  });
});

describe('linking a channel', () => {
  it('links the channel for a convener and says whether it was new, the same or moved', async () => {
    const w = world();
    const channel = '19:new@thread.tacv2';
    const first = await say(w, inChannel(ALEX, channel, { activityId: 'a-1' }), 'grupp koppla operativ');
    expect(text(first)).toContain('Kanalen är nu kopplad till Operativ grupp.');
    expect(await w.stores.channelLinks.get(TENANT, channel)).toMatchObject({
      groupId: 'operativ',
      linkedBy: ALEX,
      activityId: 'a-1',
      teamId: 'team-1',
    });
    const again = await say(w, inChannel(ALEX, channel, { activityId: 'a-2' }), 'grupp koppla operativ');
    expect(text(again)).toContain('Kanalen var redan kopplad till Operativ grupp.');
    const moved = await say(w, inChannel(ALEX, channel, { activityId: 'a-3' }), 'grupp koppla styrgrupp');
    expect(text(moved)).toContain('Kanalen är nu kopplad till Styrgrupp i stället för Operativ grupp.');
    expect((await w.stores.channelLinks.get(TENANT, channel))?.groupId).toBe('styrgrupp');
  });

  it('links by the name as every card shows it, in any case, with or without its level', async () => {
    const w = world();
    const linked = await say(w, inChannel(ALEX, '19:a@thread.tacv2'), 'grupp koppla operativ grupp');
    expect(text(linked)).toContain('Kanalen är nu kopplad till Operativ grupp.');
    expect((await w.stores.channelLinks.get(TENANT, '19:a@thread.tacv2'))?.groupId).toBe('operativ');
    await say(w, inChannel(ALEX, '19:b@thread.tacv2'), 'group link SAMVERKANSGRUPP (Taktisk nivå)');
    expect((await w.stores.channelLinks.get(TENANT, '19:b@thread.tacv2'))?.groupId).toBe('samverkansgrupp');
  });

  it('asks "Menade du …?" about a close name, with a button that links that group, and links nothing yet', async () => {
    const w = world();
    const channel = '19:new@thread.tacv2';
    const card = await say(w, inChannel(ALEX, channel), 'grupp koppla operativa gruppen');
    expect(text(card)).toContain('Menade du Operativ grupp?');
    expect(text(card)).toMatch(/"verb":"group.link","title":"Koppla till Operativ grupp"[^}]*"data":\{"groupId":"operativ"\}/);
    expect(await w.stores.channelLinks.get(TENANT, channel)).toBeUndefined();
    // The button's verb links it.
    const turn = turnIn(w, inChannel(ALEX, channel));
    await groupLink.handle({ turn, info: turn.info, services: services(w), data: { groupId: 'operativ' } });
    expect((await w.stores.channelLinks.get(TENANT, channel))?.groupId).toBe('operativ');
    // Text that is near no group is not named back.
    const far = text(await say(w, inChannel(ALEX, '19:c@thread.tacv2'), 'grupp koppla Anna Andersson'));
    expect(far).toContain('Jag hittar ingen grupp med det namnet');
    expect(far).not.toContain('Anna');
  });

  it('grupp koppla alone shows the link form with a placeholder; to someone who convenes no group it says why', async () => {
    const w = world();
    const form = text(await say(w, inChannel(ALEX, '19:new@thread.tacv2'), 'grupp koppla'));
    expect(form).toContain('"placeholder":"Välj grupp …"');
    for (const id of ['styrgrupp', 'samverkansgrupp', 'operativ']) expect(form).toContain(`"value":"${id}"`);
    // In a linked channel too: the form to link it elsewhere.
    await linkOperative(w);
    expect(text(await say(w, inChannel(ALEX, OPERATIVE_CHANNEL), 'grupp koppla'))).toContain('"verb":"group.link"');
    const none = text(await say(w, inChannel(ADELE, '19:new@thread.tacv2'), 'grupp koppla'));
    expect(none).toContain('Du är inte sammankallande i någon grupp, så du kan inte koppla kanalen.');
    expect(none).not.toContain('"verb":"group.link"');
  });

  it('answers a resent activity as the first time and rewrites nothing', async () => {
    const w = world();
    const channel = '19:new@thread.tacv2';
    await say(w, inChannel(ALEX, channel, { activityId: 'a-1' }), 'grupp koppla operativ');
    const stored = await w.stores.channelLinks.get(TENANT, channel);
    w.clock.now = new Date('2026-11-22T10:05:00.000Z');
    const resent = await say(w, inChannel(ALEX, channel, { activityId: 'a-1' }), 'grupp koppla operativ');
    expect(text(resent)).toContain('Kanalen är nu kopplad till Operativ grupp.');
    expect(await w.stores.channelLinks.get(TENANT, channel)).toEqual(stored);
  });

  it('refuses a member, a personal chat and an unknown group, and links nothing', async () => {
    const w = world();
    const channel = '19:new@thread.tacv2';
    expect(kindOf(await say(w, inChannel(MEGAN, channel), 'grupp koppla operativ'))).toBe('not-allowed');
    const personalChat = await say(w, personal(ALEX), 'grupp koppla operativ');
    expect(kindOf(personalChat)).toBe('error');
    expect(text(personalChat)).toContain('En grupp kopplas till en kanal eller gruppchatt.');
    const unknown = await say(w, inChannel(ALEX, channel), 'grupp koppla okand');
    expect(text(unknown)).toContain('Det finns ingen grupp som heter okand. Grupperna är: styrgrupp, samverkansgrupp, operativ.');
    expect(await w.stores.channelLinks.get(TENANT, channel)).toBeUndefined();
  });

  it("links from the chooser's card verb; an id not offered is not named back", async () => {
    const w = world();
    const turn = turnIn(w, inChannel(ALEX, '19:new@thread.tacv2', { activityId: 'a-1' }));
    const linked = await groupLink.handle({ turn, info: turn.info, services: services(w), data: { groupId: 'samverkansgrupp' } });
    expect(text(linked)).toContain('Kanalen är nu kopplad till Samverkansgrupp.');
    const other = turnIn(w, inChannel(ALEX, '19:other@thread.tacv2'));
    const odd = await groupLink.handle({ turn: other, info: other.info, services: services(w), data: { groupId: 'x<script>' } });
    expect(text(odd)).toContain('Välj en grupp.');
    expect(text(odd)).not.toContain('x<script>');
    expect(await w.stores.channelLinks.get(TENANT, '19:other@thread.tacv2')).toBeUndefined();
  });
});
