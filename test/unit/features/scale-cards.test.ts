import { beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCardJson } from '../../../src/cards/render';
import { cardBytes, MAX_CARD_BYTES } from '../../../src/cards/size';
import { agendaCard, MAX_CARRIED_CHOICES, MAX_CARRIED_SHOWN, minutesCard } from '../../../src/features/agenda/cards';
import { CONSENT_PAGE, consentListFor, consentListPage } from '../../../src/features/consent/register';
import { groupView, LINK_CHOICES_SHOWN } from '../../../src/features/groups/view';
import { HELP_ROLES_SHOWN } from '../../../src/features/help/card';
import { helpCardFor } from '../../../src/features/help/run';
import { meetingsPage } from '../../../src/features/meetings/actions';
import { MAX_FORM_GROUP_CHOICES, scheduleFormCard } from '../../../src/features/meetings/cards';
import { consentFormCard } from '../../../src/features/consent/cards';
import { MEETING_LIST_PAGE, meetingsView } from '../../../src/features/meetings/views';
import type { BotServices } from '../../../src/features/shared/services';
import type { Organisation } from '../../../src/domain/organisation';
import { fromStore } from '../../../src/domain/consent/checked-text';
import type { Meeting } from '../../../src/domain/meetings/meeting';
import type { Task } from '../../../src/domain/minutes/minutes';
import { createLogger } from '../../../src/logger';
import { type MemoryStores, memoryStores } from '../../support/memory';
import { BUSY, groupIdOf, personAad, SCALE_TENANT, scaledOrganisation, seedConsents, seedMeetings } from '../../support/scale';
import { fakeTurn, turnInfo } from '../../support/turn';
import { says, text } from '../../support/world';

/**
 * Every list that grows with the organisation, at its largest: 1,000 groups
 * and 10,002 people, a year of meetings, 5,000 consents, a person who
 * convenes every group. Each card stays within MAX_CARD_BYTES, shows what
 * concerns the asker first, and says how many it leaves out and how to see them.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
let org: Organisation;
let stores: MemoryStores;
let services: BotServices;

const personalOf = (aad: string) =>
  turnInfo({ tenantId: SCALE_TENANT, aadObjectId: aad, userId: `29:${aad}`, conversationId: `a:${aad}`, conversationKind: 'personal' });
const turnOf = (info = personalOf(BUSY)) => fakeTurn(info, services);
const fits = (card: AdaptiveCardJson) => expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
const nextFrom = (card: AdaptiveCardJson, verb: string): number | undefined => {
  const m = new RegExp(`"verb":"${verb.replace('.', '\\.')}"[^}]*"data":\\{"from":"?(\\d+)"?`).exec(JSON.stringify(card));
  return m ? Number(m[1]) : undefined;
};

beforeAll(async () => {
  org = scaledOrganisation(1000);
  stores = memoryStores();
  await seedMeetings(stores, org, NOW, { writeMinutes: false });
  await seedConsents(stores.consents, org, 5000, NOW);
  services = {
    organisation: org,
    ...stores,
    now: () => NOW,
    logger: createLogger({ level: 'silent' }),
    config: { PUBLIC_URL: 'https://samverkan.example.se/', HOST: '127.0.0.1', PORT: 3978, IDENTIFIER_KEY: 'k'.repeat(32) },
  } as unknown as BotServices;
}, 120_000);

describe('möten with 1,000 groups', () => {
  it('shows one page of the groups, nearest meeting first, within the size, and pages through the rest', async () => {
    const card = await meetingsView(services, turnOf());
    fits(card);
    const json = text(card);
    const groupsShown = org.groups.filter((g) => json.includes(g.name)).length;
    expect(groupsShown).toBeGreaterThan(0);
    expect(groupsShown).toBeLessThanOrEqual(MEETING_LIST_PAGE);
    expect(json).toContain(says('meetings.list.more', { count: 1000 - groupsShown, shown: groupsShown, total: 1000 }));
    // The groups on the page come in the order of their next meeting.
    const order = org.groups.filter((g) => json.includes(g.name)).map((g) => [json.indexOf(g.name), g] as const);
    const next = await Promise.all(
      order
        .sort((a, b) => a[0] - b[0])
        .map(async ([, g]) => (await stores.meetings.listGroup(SCALE_TENANT, g.id, { from: NOW }))[0]!.start),
    );
    expect(next).toEqual([...next].sort());

    // The button's next page starts where this one stopped: five pages show the first groups in order, each once.
    const namesOn = (c: AdaptiveCardJson) => org.groups.filter((g) => text(c).includes(`"${g.name}"`)).map((g) => g.id);
    const seen: string[] = namesOn(card);
    let from = nextFrom(card, 'meetings.page');
    expect(from).toBe(groupsShown);
    for (let pages = 1; pages < 5 && from !== undefined; pages++) {
      const t = turnOf();
      const page = await meetingsPage.handle({ turn: t, info: t.info, services, data: { from } });
      fits(page);
      seen.push(...namesOn(page));
      from = nextFrom(page, 'meetings.page');
      expect(from).toBe(seen.length);
    }
    // BUSY convenes every group: the convened come in name order, and no group is skipped or shown twice.
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(org.groups.slice(0, seen.length).map((g) => g.id));
    // The last page has no button.
    const t = turnOf();
    const last = await meetingsPage.handle({ turn: t, info: t.info, services, data: { from: 998 } });
    fits(last);
    expect(namesOn(last)).toEqual([groupIdOf(998), groupIdOf(999)]);
    expect(nextFrom(last, 'meetings.page')).toBeUndefined();
  });

  it('a member of one group sees that group and no paging', async () => {
    const card = await meetingsView(services, turnOf(personalOf(personAad(15))));
    fits(card);
    expect(text(card)).toContain(org.groups[1]!.name);
    expect(nextFrom(card, 'meetings.page')).toBeUndefined();
  });
});

describe('the help card with 1,000 roles', () => {
  it('lists the roles that matter first and counts the rest, within the size', async () => {
    const card = await helpCardFor(services, turnOf());
    fits(card);
    const json = text(card);
    expect(json).toContain(says('roles.manager'));
    expect(json.indexOf(says('roles.manager'))).toBeLessThan(json.indexOf(says('roles.convener', { group: org.groups[0]!.name })));
    const roles = turnOf().roles().length;
    expect(roles).toBeGreaterThan(1000);
    expect(json).toContain(says('help.moreRoles', { count: roles - HELP_ROLES_SHOWN }));
  });
});

describe('the consent register with 5,000 consents', () => {
  const nextAfter = (card: AdaptiveCardJson): { after: string; shown: string } | undefined => {
    const m = /"verb":"consent\.listPage"[^}]*"data":\{"after":"([^"]*)","shown":"?(\d+)"?/.exec(JSON.stringify(card));
    return m ? { after: m[1]!, shown: m[2]! } : undefined;
  };

  it('shows those not withdrawn first, newest first, a page at a time within the size, and says how many are shown so far', async () => {
    const card = await consentListFor(services, turnOf());
    fits(card);
    const json = text(card);
    const shown = new Set(json.match(/SAM-[0-9A-Z]{8}/g) ?? []).size;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(CONSENT_PAGE);
    expect(json).not.toContain(says('consent.status.withdrawn'));
    expect(json).not.toContain(says('consent.status.expired'));
    expect(nextAfter(card)?.shown).toBe(String(shown));
    expect(json).toContain(says('consent.list.more', { count: shown }));
  });

  it('goes on after the last one shown, page after page, none twice', async () => {
    // Every page is walked by the store test on Azurite (test/protocol/consent-register.test.ts); here the first four.
    const seen: string[] = [];
    let data: { after: string; shown: string } | undefined;
    for (let page = 0; page < 4; page++) {
      const t = turnOf();
      const card = data
        ? await consentListPage.handle({ turn: t, info: t.info, services, data: consentListPage.schema.parse(data) })
        : await consentListFor(services, t);
      fits(card);
      const refs = [...new Set(text(card).match(/SAM-[0-9A-Z]{8}/g) ?? [])];
      expect(refs.length).toBeGreaterThan(0);
      seen.push(...refs);
      data = nextAfter(card);
      expect(Number(data?.shown)).toBe(seen.length);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses the next page to someone without the right', async () => {
    const t = turnOf(personalOf(personAad(19)));
    const card = await consentListPage.handle({ turn: t, info: t.info, services, data: { after: '', shown: 25 } });
    expect(text(card)).not.toContain('SAM-');
  });
});

describe('group cards with 1,000 groups', () => {
  it('offers a convener of every group the first ones to link and how to link the others by name', async () => {
    const info = turnInfo({
      tenantId: SCALE_TENANT,
      aadObjectId: BUSY,
      conversationKind: 'channel',
      conversationId: '19:ny@thread.tacv2;messageid=1',
      channelId: '19:ny@thread.tacv2',
      mentioned: true,
    });
    const card = await groupView(services, turnOf(info));
    fits(card);
    expect((text(card).match(/"value":"grupp-\d{4}"/g) ?? []).length).toBe(LINK_CHOICES_SHOWN);
    expect(text(card)).toContain(says('group.moreChoices', { count: 1000 - LINK_CHOICES_SHOWN }));
  });

  it('lists the first of the groups of someone in every group, and counts the rest', async () => {
    const card = await groupView(services, turnOf());
    fits(card);
    expect(text(card)).toContain(says('group.moreGroups', { count: 970 }));
  });
});

describe('carried tasks', () => {
  const meeting = {
    id: `${groupIdOf(0)}.abcdefghij`,
    tenantId: SCALE_TENANT,
    groupId: groupIdOf(0),
    start: '2026-12-01T12:00:00Z',
    end: '2026-12-01T13:30:00Z',
    timeZone: 'Europe/Stockholm',
    durationMinutes: 90,
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'draft',
    rsvp: {},
    rsvpUserIds: [],
    createdBy: BUSY,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    reminded: {},
  } as Meeting;
  const tasks: Task[] = Array.from({ length: 400 }, (_, i) => ({
    id: `t${i}`,
    meetingId: `${groupIdOf(0)}.m${i}`,
    what: fromStore(`Följa upp åtgärd nummer ${i} om närvaro och stöd i klassrummet, med vårdnadshavare och elevhälsa`),
    who: fromStore('Rektor Förnamn Efternamn'),
    due: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
  }));

  it('the agenda shows the tasks due first and counts the rest', () => {
    const card = agendaCard('sv', meeting, { items: [], status: 'draft' } as never, {
      groupName: 'G',
      level: 'operative',
      now: NOW,
      carried: tasks,
    });
    fits(card);
    expect(text(card)).toContain(says('agenda.carriedMore', { count: 400 - MAX_CARRIED_SHOWN }));
    expect(text(card)).toContain('2026-01-15');
    expect(text(card)).not.toContain('2026-12-15');
  });

  it('the minutes card offers the tasks due first to mark done, and says how many wait', () => {
    const card = minutesCard('sv', meeting, undefined, {
      groupName: 'G',
      level: 'operative',
      members: [],
      items: [],
      carried: tasks,
      caseRefs: [],
    });
    fits(card);
    expect((text(card).match(/"value":"t\d+"/g) ?? []).length).toBe(MAX_CARRIED_CHOICES);
    expect(text(card)).toContain(says('minutes.labels.closedSome', { shown: MAX_CARRIED_CHOICES, total: 400 }));
  });
});

describe('forms that choose a group, with 1,000 groups', () => {
  it('the booking form offers the first groups and the chosen one, and says how to book the others', () => {
    const choices = org.groups.map((g) => ({ title: `${g.name} (Operativ nivå)`, value: g.id }));
    const card = scheduleFormCard('sv', { groupChoices: choices, timeZone: 'Europe/Stockholm', values: { groupId: groupIdOf(777) } });
    fits(card);
    // The choices (title and value), not the input's own value.
    const offered = (text(card).match(/"title":"[^"]*","value":"grupp-\d{4}"/g) ?? []).map((c) => c.slice(-11, -1));
    expect(offered).toHaveLength(MAX_FORM_GROUP_CHOICES);
    expect(offered).toContain(groupIdOf(777));
    expect(text(card)).toContain(says('meetings.form.moreGroups', { count: 900 }));
  });

  it('the consent form offers the first groups, within the size', () => {
    const card = consentFormCard('sv', { groups: org.groups.map((g) => ({ id: g.id, name: g.name })), today: '2026-11-20' });
    fits(card);
    expect(text(card).match(/"value":"grupp-\d{4}"/g) ?? []).toHaveLength(MAX_FORM_GROUP_CHOICES);
    expect(text(card)).toContain(says('consent.form.moreGroups', { count: 900 }));
  });
});
