import { beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import { saveMinutes, showMinutes } from '../../../../src/features/agenda/minutes';
import { SUMMARY_KIND } from '../../../../src/features/agenda/finalize';
import { minutesSummary } from '../../../../src/features/agenda/jobs';
import { TASK_KINDS } from '../../../../src/features/agenda/tasks';
import { messageKey } from '../../../../src/features/shared/channel';
import { ADELE, ALEX, booked, inChannel, ISAIAH, kindOf, personal, says, TACTICAL, text, turnIn, world, type World } from './setup';

let w: World;
let m: Meeting;
beforeEach(async () => {
  w = await world();
  m = await booked(w);
  w.clock.now = new Date('2026-12-10T15:00:00Z');
});

const stored = () => w.stores.minutes.get(m.tenantId, m.groupId, m.id);

const FIELDS = {
  attendees: 'alex.wilber,adele.vance,not.a.member',
  guests: 'Eva Ek, rektor',
  decisions: 'Rutinen för orosanmälan antas.\nNästa möte tar upp kompetensplanen.',
  actions: 'Uppdatera rutinen; Alex Wilber; 2027-01-15\nBjud in BUP; Adele Vance; 2027-02-01',
};

describe('the minutes card', () => {
  it("gives a convener the latest meeting's minutes card, and refuses a member and someone in no group", async () => {
    const card = await showMinutes(w.deps, turnIn(w, inChannel(ALEX)));
    expect(kindOf(card)).toBe('minutes');
    expect(text(card)).toContain(m.id);
    expect(kindOf(await showMinutes(w.deps, turnIn(w, inChannel(ADELE))))).toBe('not-allowed');
    expect(text(await showMinutes(w.deps, turnIn(w, personal(ISAIAH))))).toContain(says('minutes.notices.noGroup'));
  });

  it('says so before any meeting has been held', async () => {
    w.clock.now = new Date('2026-11-21T09:00:00Z');
    expect(text(await showMinutes(w.deps, turnIn(w, inChannel(ALEX))))).toContain(says('minutes.notices.noMeeting'));
  });
});

describe('saving minutes', () => {
  it('saves a draft with only the members the card offers, and posts nothing', async () => {
    const card = await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, ...FIELDS }, 'draft');
    expect(text(card)).toContain(says('minutes.notices.saved'));
    expect(await stored()).toMatchObject({ status: 'draft', attendees: ['alex.wilber', 'adele.vance'], guests: 'Eva Ek, rektor' });
    expect((await stored())!.actions.map((task) => [task.what, task.whoPersonId, task.due])).toEqual([
      ['Uppdatera rutinen', 'alex.wilber', '2027-01-15'],
      ['Bjud in BUP', 'adele.vance', '2027-02-01'],
    ]);
    expect(w.channel.sent.filter((s) => kindOf(s.message) === 'minutes-summary')).toEqual([]);
    expect(await w.stores.minutes.actionsOf(m.tenantId, m.groupId)).toEqual([]);
  });

  it('answers problems with the card and stores nothing: a task line without a date, a field that names a child', async () => {
    const card = await saveMinutes(
      w.deps,
      turnIn(w, inChannel(ALEX)),
      { meetingId: m.id, actions: 'Uppdatera rutinen; Alex Wilber; snart', decisions: '150312-1236 har hög frånvaro' },
      'draft',
    );
    expect(text(card)).toContain(JSON.stringify(says('minutes.problems.actionBadDate', { line: 1, value: 'snart' })).slice(1, -1));
    expect(text(card)).toContain(says('minutes.fields.decisions'));
    expect(text(card)).not.toContain('150312-1236');
    expect(await stored()).toBeUndefined();
  });

  it('refuses a member, and someone outside the group', async () => {
    for (const who of [ADELE, ISAIAH]) {
      const card = await saveMinutes(w.deps, turnIn(w, personal(who)), { meetingId: m.id, ...FIELDS }, 'final');
      expect(kindOf(card)).toBe('not-allowed');
    }
    expect(await stored()).toBeUndefined();
  });
});

describe('finalising', () => {
  it('keeps the minutes final, saves the tasks with their reminders, and posts the summary once in the meeting card’s thread', async () => {
    const card = await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, ...FIELDS }, 'final');
    expect(text(card)).toContain(says('minutes.notices.finalized'));
    const final = (await stored())!;
    expect(final).toMatchObject({ status: 'final', finalizedBy: ALEX });
    expect(final.completedAt).toBeDefined();
    expect(text(card)).toContain(`https://samverkan.example.se/minutes/${final.printToken}.html`);
    expect(await w.stores.minutes.resolvePrintToken(final.printToken!)).toEqual({
      tenantId: m.tenantId,
      groupId: TACTICAL,
      meetingId: m.id,
    });

    const tasks = await w.stores.minutes.actionsOf(m.tenantId, m.groupId);
    expect(tasks.map((task) => task.what).sort()).toEqual(['Bjud in BUP', 'Uppdatera rutinen']);
    for (const task of tasks) expect(await w.stores.jobs.findById(`${TASK_KINDS.due}:${TACTICAL}:${task.id}`)).toBeDefined();

    const summaries = w.channel.sent.filter((s) => kindOf(s.message) === 'minutes-summary');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ kind: 'post', conversationId: m.card!.conversationId, threadOf: m.card!.activityId });
    expect(summaries[0]!.key).toBe(messageKey(`minutes-summary:${m.tenantId}:${m.id}`, m.card!.conversationId));
    expect(text(summaries[0]!.message)).toContain('Rutinen för orosanmälan antas.');

    const again = await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, decisions: 'Något annat.' }, 'final');
    expect(text(again)).toContain(says('minutes.notices.alreadyFinal'));
    expect((await stored())!.decisions).toEqual(final.decisions);
    expect(w.channel.sent.filter((s) => kindOf(s.message) === 'minutes-summary')).toHaveLength(1);
  });

  it('answers with final minutes that read as text: no inputs, no save or finalise buttons, the print link kept', async () => {
    const card = await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, ...FIELDS }, 'final');
    const json = text(card);
    expect(json).not.toContain('"type":"Input.');
    expect(json).not.toContain('"verb":"minutes.save"');
    expect(json).not.toContain('"verb":"minutes.finalize"');
    expect(json).toContain('"type":"Action.OpenUrl"');
    expect(json).toContain(says('minutes.badgeFinal'));
    for (const shown of ['Rutinen för orosanmälan antas.', 'Eva Ek, rektor', 'Uppdatera rutinen', 'Alex Wilber'])
      expect(json).toContain(shown);
    // Shown again later with protokoll: the same.
    const later = text(await showMinutes(w.deps, turnIn(w, inChannel(ALEX))));
    expect(later).not.toContain('"type":"Input.');
    expect(later).toContain('Rutinen för orosanmälan antas.');
  });

  it('finalises even when the channel will not take the summary: the card is final at once, a job posts the summary later, once', async () => {
    const post = w.channel.post.bind(w.channel);
    w.channel.post = async () => {
      throw Object.assign(new Error('connector refused'), { statusCode: 502 });
    };
    const card = await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, ...FIELDS }, 'final');
    expect(text(card)).toContain(says('minutes.notices.finalized'));
    expect(text(card)).toContain(says('minutes.badgeFinal'));
    expect(await stored()).toMatchObject({ status: 'final', completedAt: expect.any(String) });
    const row = await w.stores.jobs.findById(`${SUMMARY_KIND}:${TACTICAL}:${m.id}`);
    expect(row).toBeDefined();
    expect(w.channel.sent.filter((s) => kindOf(s.message) === 'minutes-summary')).toHaveLength(0);

    w.channel.post = post;
    const payload = { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id };
    const ctx = { id: 'j', kind: SUMMARY_KIND, payload, dueAt: w.clock.now, idempotencyKey: 'j', attempt: 2, now: w.clock.now };
    expect(await minutesSummary(w.deps, { ...ctx, signal: new AbortController().signal })).toBeUndefined();
    const summaries = w.channel.sent.filter((s) => kindOf(s.message) === 'minutes-summary');
    expect(summaries).toHaveLength(1);
    // The key of the first try: a connector that took that one after all delivers it once.
    expect(summaries[0]!.key).toBe(messageKey(`minutes-summary:${m.tenantId}:${m.id}`, m.card!.conversationId));
  });

  it('finishes what a failure cut short when the finalise is sent again', async () => {
    const scheduleAll = w.deps.scheduler.scheduleAll.bind(w.deps.scheduler);
    w.deps.scheduler.scheduleAll = async () => {
      throw Object.assign(new Error('storage down'), { statusCode: 503 });
    };
    await expect(saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, ...FIELDS }, 'final')).rejects.toThrow();
    expect(await stored()).toMatchObject({ status: 'final', completedAt: undefined });

    w.deps.scheduler.scheduleAll = scheduleAll;
    const card = await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, ...FIELDS }, 'final');
    expect(text(card)).toContain(says('minutes.notices.finalized'));
    expect((await stored())!.completedAt).toBeDefined();
    expect(w.channel.sent.filter((s) => kindOf(s.message) === 'minutes-summary')).toHaveLength(1);
  });

  it('offers the open tasks of earlier minutes on the next, and closes those marked done (only ids the card offered)', async () => {
    await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: m.id, ...FIELDS }, 'final');
    const [first] = await w.stores.minutes.actionsOf(m.tenantId, m.groupId);

    const turn = turnIn(w, personal(ALEX, { activityId: 'book-next' }));
    const { book } = await import('../../../../src/features/meetings/booking');
    await book(w.deps, turn, { groupId: TACTICAL, date: '2026-12-17', time: '13:00', durationMinutes: 60 });
    w.clock.now = new Date('2026-12-17T15:00:00Z');
    const next = (await w.stores.meetings.listGroup(m.tenantId, TACTICAL, {})).find((x) => x.id !== m.id)!;
    const before = await showMinutes(w.deps, turnIn(w, inChannel(ALEX)));
    expect(text(before)).toContain(first!.id);

    await saveMinutes(w.deps, turnIn(w, inChannel(ALEX)), { meetingId: next.id, closedActions: `${first!.id},unknown` }, 'final');
    expect((await w.stores.minutes.get(m.tenantId, TACTICAL, next.id))!.closedActions).toEqual([first!.id]);
    expect((await w.stores.minutes.action(m.tenantId, TACTICAL, first!.id))!.doneAt).toBeDefined();
  });
});
