import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { storedMeeting } from '../support/meetings';

/**
 * An item raised to a group without a meeting lands on its agenda when that
 * group books one (§11, issue 19: "it lands on that group's next agenda"),
 * without anyone opening the raised items again; over HTTP against Azurite.
 */

const FROM = 'samverkansgrupp.raisebook0001';
const text = (x: unknown) => JSON.stringify(x ?? {});

async function post(t: TestBot, verb: string, data: Record<string, string>) {
  const res = await t.post(actionExecute(verb, data, { serviceUrl: t.emulator.url, user: USERS.alex }));
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}

describe('item.raise, then booking', () => {
  const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
    await t.bot.services.meetings.create(storedMeeting(FROM, 'samverkansgrupp', '2026-11-26T12:00:00.000Z'));
  });
  afterAll(async () => t?.close());

  it('the waiting item goes on the agenda of the meeting the group books', async () => {
    const raised = await post(t, 'item.raise', { fromMeetingId: FROM, toGroupId: 'styrgrupp', text: 'Gemensam rutin för skolfrånvaro' });
    expect(text(raised)).toContain('Gruppen har inget möte bokat');
    const booked = await post(t, 'meeting.schedule', {
      groupId: 'styrgrupp',
      date: '2026-12-15',
      time: '13:00',
      durationMinutes: '60',
      recurrence: '',
      location: '',
    });
    expect(text(booked)).not.toContain('"id":"error"');
    const [m] = await t.bot.services.meetings.listGroup(TENANT, 'styrgrupp', {
      from: new Date('2026-12-01T00:00:00.000Z'),
      to: new Date('2027-01-01T00:00:00.000Z'),
    });
    expect(m).toBeDefined();
    const agenda = await t.bot.services.agendas.get(TENANT, 'styrgrupp', m!.id);
    const items = agenda?.items.filter((i) => i.text.endsWith('Gemensam rutin för skolfrånvaro')) ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]!.text).toBe('Lyft från Samverkansgrupp (möte 2026-11-26): Gemensam rutin för skolfrånvaro');
    const item = (await t.bot.services.raised.toGroup(TENANT, 'styrgrupp'))[0]!;
    expect(item.toMeetingId).toBe(m!.id);
  });
});
