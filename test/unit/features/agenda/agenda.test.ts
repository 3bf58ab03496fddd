import { beforeEach, describe, expect, it } from 'vitest';
import { proposeItem, proposeToNext, publishAgenda, showAgenda } from '../../../../src/features/agenda/agenda';
import { agenda as agendaCommand } from '../../../../src/features/agenda/commands';
import { saveMinutes } from '../../../../src/features/agenda/minutes';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import { book } from '../../../../src/features/meetings/booking';
import { meetingWhen } from '../../../../src/features/meetings/cards';
import type { BotServices } from '../../../../src/features/shared/services';
import {
  ADELE,
  ALEX,
  booked,
  inChannel,
  ISAIAH,
  kindOf,
  MEGAN,
  OPERATIVE,
  OPERATIVE_CHANNEL,
  personal,
  reread,
  says,
  TACTICAL,
  TACTICAL_CHANNEL,
  TENANT,
  text,
  turnIn,
  world,
  type World,
} from './setup';

let w: World;
beforeEach(async () => {
  w = await world();
});

const storedAgenda = (m: { tenantId: string; groupId: string; id: string }) => w.stores.agendas.get(m.tenantId, m.groupId, m.id);

describe('the agenda card', () => {
  it("shows the next meeting's agenda with the level's standing items, stores it and marks the meeting's agenda a draft", async () => {
    const m = await booked(w);
    const outcome = await showAgenda(w.deps, turnIn(w, inChannel(ADELE)));
    expect(kindOf(outcome.card)).toBe('agenda');
    expect(text(outcome.card)).toContain(says('agenda.template.tactical.0'));
    expect(outcome.record?.meeting.id).toBe(m.id);
    expect((await storedAgenda(m))?.items.length).toBeGreaterThan(0);
    expect((await reread(w, m)).agendaStatus).toBe('draft');
    // The meeting card in the channel follows the status.
    expect(w.channel.updates.map((u) => [u.posted, kindOf(u.message)])).toEqual([[m.card, 'meeting']]);
  });

  it('records the agenda card sent in the channel, and only there', async () => {
    const m = await booked(w);
    const inTheChannel = turnIn(w, inChannel(ADELE));
    await agendaCommand({
      turn: inTheChannel,
      info: inTheChannel.info,
      services: w.deps as BotServices,
      command: { name: 'agenda', action: 'show' },
    });
    expect(inTheChannel.sent.map(kindOf)).toEqual(['agenda']);
    expect((await storedAgenda(m))?.card).toEqual({ conversationId: TACTICAL_CHANNEL, activityId: 'sent-1' });

    const w2 = await world();
    const m2 = await booked(w2);
    const outcome = await showAgenda(w2.deps, turnIn(w2, personal(ADELE)));
    expect(kindOf(outcome.card)).toBe('agenda');
    expect(outcome.record).toBeUndefined();
    expect((await w2.stores.agendas.get(m2.tenantId, m2.groupId, m2.id))?.card).toBeUndefined();
  });

  it('answers someone in no group, a non-member in a linked channel and a group without a meeting', async () => {
    await booked(w);
    expect(text((await showAgenda(w.deps, turnIn(w, personal(ISAIAH)))).card)).toContain(says('agenda.notices.noGroup'));
    expect(kindOf((await showAgenda(w.deps, turnIn(w, inChannel(ISAIAH)))).card)).toBe('not-allowed');
    expect(text((await showAgenda(w.deps, turnIn(w, inChannel(MEGAN, { channelId: OPERATIVE_CHANNEL })))).card)).toContain(
      says('agenda.notices.noMeeting'),
    );
    expect(await w.stores.agendas.get('tenant-a', OPERATIVE, 'none')).toBeUndefined();
  });
});

describe('proposing an item', () => {
  it('stores the item as the gate checked it, with its planned minutes, and updates the posted agenda card for everyone', async () => {
    const m = await booked(w);
    const shown = turnIn(w, inChannel(ADELE, { activityId: 'show-1' }));
    const outcome = await showAgenda(w.deps, shown);
    await w.stores.agendas.update(m.tenantId, m.groupId, m.id, (cur) => ({
      ...cur!,
      card: { conversationId: TACTICAL_CHANNEL, activityId: 'agenda-card' },
    }));
    const updatesBefore = w.channel.updates.length;
    expect(outcome.record).toBeDefined();

    const card = await proposeItem(
      w.deps,
      turnIn(w, inChannel(ADELE, { activityId: 'p-1', userName: 'Adele Vance' })),
      m.id,
      '  Kompetensplanen\n för våren (15 min)',
      'p-1',
    );
    expect(text(card)).toContain(says('agenda.notices.proposed'));
    const items = (await storedAgenda(m))!.items.filter((i) => i.kind === 'proposed');
    expect(items).toMatchObject([{ text: 'Kompetensplanen för våren', minutes: 15, proposer: 'Adele Vance', proposerKey: ADELE }]);
    const updated = w.channel.updates.slice(updatesBefore).filter((u) => kindOf(u.message) === 'agenda');
    expect(updated.map((u) => u.posted)).toEqual([{ conversationId: TACTICAL_CHANNEL, activityId: 'agenda-card' }]);
    expect(text(updated[0]!.message)).toContain('Kompetensplanen för våren');
  });

  it('adds nothing when Teams resends the activity, and answers as the first time', async () => {
    const m = await booked(w);
    const again = () => proposeItem(w.deps, turnIn(w, personal(ADELE)), m.id, 'Kompetensplanen', 'activity-7');
    await again();
    const card = await again();
    expect(text(card)).toContain(says('agenda.notices.proposed'));
    expect((await storedAgenda(m))!.items.filter((i) => i.kind === 'proposed')).toHaveLength(1);
  });

  it('proposes to the next meeting from the command, gating the text itself', async () => {
    const m = await booked(w);
    const card = await proposeToNext(w.deps, turnIn(w, inChannel(ADELE, { activityId: 'cmd-1' })), 'Rutinen för orosanmälan');
    expect(text(card)).toContain('Rutinen för orosanmälan');
    expect((await storedAgenda(m))!.items.some((i) => i.text === 'Rutinen för orosanmälan')).toBe(true);
  });

  it('refuses someone outside the group, a text that names a child and a case in a tactical group; nothing is stored', async () => {
    const m = await booked(w);
    await showAgenda(w.deps, turnIn(w, inChannel(ADELE)));
    const before = (await storedAgenda(m))!.items.length;

    const outsider = await proposeItem(w.deps, turnIn(w, personal(ISAIAH)), m.id, 'Något', 'x-1');
    expect(text(outsider)).toContain(says('agenda.notices.onlyMembers'));

    const child = await proposeItem(w.deps, turnIn(w, inChannel(ADELE)), m.id, '150312-1236 har hög frånvaro', 'x-2');
    expect(text(child)).not.toContain('150312-1236');
    // The gate told the group's conveners of the refusal, in their personal chats.
    expect(w.channel.toldTo(ALEX).length).toBe(1);

    const caseRef = await proposeItem(w.deps, turnIn(w, inChannel(ADELE)), m.id, 'SAM-AAAA1111 uppföljning', 'x-3');
    expect(text(caseRef)).toContain(says('agenda.problems.caseNotOperative', { caseRef: 'SAM-AAAA1111' }));

    expect((await storedAgenda(m))!.items.length).toBe(before);
  });

  it('refuses a case reference in an operative group without a consent in force', async () => {
    const m = await booked(w, OPERATIVE);
    const card = await proposeItem(w.deps, turnIn(w, inChannel(MEGAN, { channelId: OPERATIVE_CHANNEL })), m.id, 'SAM-BBBB2222', 'c-1');
    expect(text(card)).toContain(says('agenda.problems.caseNoConsent', { caseRef: 'SAM-BBBB2222' }));
    expect((await storedAgenda(m))!.items.some((i) => i.kind === 'case')).toBe(false);
  });
});

describe('publishing', () => {
  it('is for conveners; publishes once and brings the cards up to date when resent', async () => {
    const m = await booked(w);
    const byMember = await publishAgenda(w.deps, turnIn(w, inChannel(ADELE)), m.id);
    expect(text(byMember)).toContain(says('agenda.notices.onlyConveners'));
    expect((await storedAgenda(m))?.status).toBe('draft');

    const published = await publishAgenda(w.deps, turnIn(w, inChannel(ALEX)), m.id);
    expect(text(published)).toContain(says('agenda.notices.published'));
    expect(await storedAgenda(m)).toMatchObject({ status: 'published', publishedBy: ALEX });
    expect((await reread(w, m)).agendaStatus).toBe('published');

    const updates = w.channel.updates.length;
    const again = await publishAgenda(w.deps, turnIn(w, inChannel(ALEX)), m.id);
    expect(text(again)).toContain(says('agenda.notices.alreadyPublished'));
    // The meeting card is refreshed again (the first attempt may have died before it).
    expect(w.channel.updates.slice(updates).map((u) => kindOf(u.message))).toEqual(['meeting']);
    expect((await storedAgenda(m))?.publishedBy).toBe(ALEX);
  });

  it('answers a meeting that does not exist', async () => {
    const card = await publishAgenda(w.deps, turnIn(w, personal(ALEX)), `${TACTICAL}:nope`);
    expect(text(card)).toContain(says('agenda.notices.noMeeting'));
  });
});

describe('a proposal while a meeting is under way', () => {
  async function bookNext(): Promise<Meeting> {
    await book(w.deps, turnIn(w, personal(ALEX, { activityId: 'book-next' })), {
      groupId: TACTICAL,
      date: '2026-12-17',
      time: '13:00',
      durationMinutes: 60,
    });
    return (await w.stores.meetings.listGroup(TENANT, TACTICAL, {})).find((x) => x.start.startsWith('2026-12-17'))!;
  }

  it('goes to the next meeting that has not started, never to one whose minutes are final, and says which', async () => {
    const running = await booked(w);
    const next = await bookNext();
    w.clock.now = new Date('2026-12-10T12:30:00Z');
    await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: running.id, decisions: 'Antogs.' }, 'final');

    const card = await proposeToNext(w.deps, turnIn(w, inChannel(ADELE, { activityId: 'cmd-9' })), 'Rutinen för orosanmälan');
    const { when, timeLine } = meetingWhen(next, 'sv');
    expect(text(card)).toContain(says('agenda.notices.proposedTo', { when, time: timeLine }));
    expect((await storedAgenda(next))!.items.some((i) => i.text === 'Rutinen för orosanmälan')).toBe(true);
    expect((await storedAgenda(running))?.items.some((i) => i.kind === 'proposed')).toBeFalsy();

    // The running meeting's card, proposed on before it was refreshed: the same.
    const onCard = await proposeItem(w.deps, turnIn(w, personal(ADELE)), running.id, 'Kompetensplanen', 'card-9');
    expect(text(onCard)).toContain(next.id);
    expect((await storedAgenda(next))!.items.some((i) => i.text === 'Kompetensplanen')).toBe(true);
    expect((await storedAgenda(running))?.items.some((i) => i.kind === 'proposed')).toBeFalsy();
  });

  it('says a later meeting is needed when there is none, and stores nothing; the running card offers no proposing', async () => {
    const running = await booked(w);
    w.clock.now = new Date('2026-12-10T12:30:00Z');
    const card = await proposeToNext(w.deps, turnIn(w, inChannel(ADELE, { activityId: 'cmd-10' })), 'Rutinen för orosanmälan');
    expect(text(card)).toContain(says('agenda.notices.noLaterMeeting'));
    expect(text(card)).not.toContain('"verb":"agenda.propose"');
    expect((await storedAgenda(running))?.items.some((i) => i.kind === 'proposed')).toBeFalsy();
  });
});
