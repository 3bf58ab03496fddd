import { describe, expect, it } from 'vitest';
import type { Broadcast } from '../../../src/domain/broadcast/broadcast';
import type { CheckedText } from '../../../src/domain/consent/checked-text';
import { postedCard } from '../../../src/features/broadcast/cards';
import { broadcastRun, fanOutBroadcast, personalOutcome, type PersonalDeps } from '../../../src/features/broadcast/personal';
import { chatWith, ISAIAH, MEGAN, TENANT, world, type World } from '../features/reviews/world';

/** A broadcast to people (§11): the outbox fan-out to each one's personal chat, in memory. */

const broadcast = (over: Partial<Broadcast>): Broadcast => ({
  id: 'b-people',
  title: 'Rutin vid orosanmälan' as CheckedText,
  text: '' as CheckedText,
  url: '',
  groupIds: [],
  sentAt: '2026-11-22T09:00:00.000Z',
  sentBy: 'u1',
  ...over,
});
const depsOf = (w: World) => w.deps as unknown as PersonalDeps;
const cardFor = (w: World, b: Broadcast) => (locale: 'sv' | 'en') => postedCard(locale, w.organisation, b, (iso) => iso.slice(0, 10));

describe('broadcast to people', () => {
  it('sends each person the card once, in their own chat and its language, and counts who could not be reached', async () => {
    const w = world();
    await chatWith(w, ISAIAH, 'en-US');
    await chatWith(w, MEGAN);
    // Adele has no chat with the bot and Teams refuses a new one; Lars Berg has no Teams identity in the file.
    const b = broadcast({ personIds: ['isaiah.langer', 'megan.bowen', 'adele.vance', 'lars.berg'] });
    const summary = await fanOutBroadcast(depsOf(w), TENANT, b, cardFor(w, b));
    expect(summary.sent).toBe(2);
    expect(w.delivered.map((d) => d.conversationId).sort()).toEqual([`a:${ISAIAH}`, `a:${MEGAN}`].sort());
    const english = w.delivered.find((d) => d.conversationId === `a:${ISAIAH}`)!;
    expect(JSON.stringify(english.card)).toContain('"title":"Read"');
    expect(JSON.stringify(w.delivered.find((d) => d.conversationId === `a:${MEGAN}`)!.card)).toContain('"title":"Läst"');
    expect(await personalOutcome(depsOf(w), b)).toEqual({ people: 4, sent: 2, unreached: 2, open: 0 });
    expect((await w.stores.outbox.counts(broadcastRun(b.id))).notInstalled).toBe(1);

    // Run again (a resent send, the job after a crash): nobody gets it twice.
    const again = await fanOutBroadcast(depsOf(w), TENANT, b, cardFor(w, b));
    expect(again.sent).toBe(0);
    expect(w.delivered).toHaveLength(2);
  });

  it('reaches every member of a member group once, also when they are chosen by name too', async () => {
    const w = world();
    await chatWith(w, MEGAN);
    const b = broadcast({ id: 'b-members', memberGroupIds: ['operativ'], personIds: ['megan.bowen'] });
    await fanOutBroadcast(depsOf(w), TENANT, b, cardFor(w, b));
    expect(w.delivered.map((d) => d.conversationId)).toEqual([`a:${MEGAN}`]);
    const outcome = await personalOutcome(depsOf(w), b);
    expect(outcome.people).toBe(9);
    expect(outcome.sent).toBe(1);
    expect(outcome.unreached).toBe(8);
    expect(await personalOutcome(depsOf(w), broadcast({ id: 'b-none' }))).toEqual({ people: 0, sent: 0, unreached: 0, open: 0 });
  });
});
