import { describe, expect, it } from 'vitest';
import { EMPTY_TEXT } from '../../../src/domain/consent/checked-text';
import type { Organisation } from '../../../src/domain/organisation';
import {
  PLAN_ACTIVITY_KIND,
  type PlanActivityPayload,
  schedulePlanReminders,
  sendPlanReminder,
} from '../../../src/features/plans/reminders';
import type { JobContext } from '../../../src/scheduler';
import { checked } from '../../support/checked';
import { demo, scheduled, TENANT, world, type World } from '../features/reviews/world';

/**
 * A plan activity's owner is reminded on its due date (§11, issue 19: "Actions can be owned by a group (a working
 * group), whose conveners are reminded"): a group's conveners, a person in their own chat, else the plan's group.
 */

// Sara Ek convenes the samverkansgrupp only, Karin Holm the styrgrupp only (the handlingsplan's group): both get a chat.
const SARA = '00000000-0000-0000-0000-0000000000a1';
const KARIN = '00000000-0000-0000-0000-0000000000a2';
const JOHAN = '00000000-0000-0000-0000-0000000000a3';
function org(): Organisation {
  return demo((o) => ({
    ...o,
    people: o.people.map((p) =>
      p.id === 'sara.ek'
        ? { ...p, aadObjectId: SARA }
        : p.id === 'karin.holm'
          ? { ...p, aadObjectId: KARIN }
          : p.id === 'johan.nyberg'
            ? { ...p, aadObjectId: JOHAN }
            : p,
    ),
  }));
}

const ctx = (_w: World, payload: PlanActivityPayload, now = '2026-11-30T08:00:00.000Z'): JobContext<PlanActivityPayload> => ({
  id: 'j',
  kind: PLAN_ACTIVITY_KIND,
  payload,
  dueAt: new Date(now),
  idempotencyKey: `k:${payload.activityId}:${payload.due}`,
  attempt: 1,
  now: new Date(now),
  signal: new AbortController().signal,
});
// The demo's handlingsplan (the styrgrupp's): presenting it at workplace meetings, owned by the samverkansgrupp, due 30 November.
const KAND = { documentId: 'handlingsplan', activityId: 'kand-i-forvaltningarna', due: '2026-11-30' };
const told = (w: World) => w.channel.sent.filter((m) => m.kind === 'tell').map((m) => m.aadObjectId);

describe('plan activity reminders', () => {
  it("plans one reminder per open activity with a date to come, at 09:00 local on the day, once however often it's planned", async () => {
    const w = world({ organisation: org() });
    expect(await schedulePlanReminders(w.deps as never)).toBe(3);
    await schedulePlanReminders(w.deps as never);
    const jobs = scheduled(w).filter((j) => j.kind === PLAN_ACTIVITY_KIND);
    expect(jobs.map((j) => [j.payload.activityId, j.dueAt]).sort()).toEqual([
      ['kand-i-forvaltningarna', '2026-11-30T08:00:00.000Z'],
      ['redovisning-namnder', '2027-10-31T08:00:00.000Z'],
      ['uppfoljning-lasar', '2027-06-30T07:00:00.000Z'],
    ]);
    // After its day, an activity is not planned again.
    w.clock.now = new Date('2026-12-01T10:00:00.000Z');
    expect(await schedulePlanReminders(w.deps as never)).toBe(2);
  });

  it("reminds the conveners of the group that owns the activity (a working group), not the plan's group", async () => {
    const w = world({ organisation: org() });
    await sendPlanReminder(w.deps as never, ctx(w, KAND));
    expect(told(w)).toContain(SARA);
    expect(told(w)).not.toContain(KARIN);
    const message = w.channel.toldTo(SARA)[0]!;
    expect(message.message).toBe(
      'Aktivitet i Handlingsplan till riktlinjen för samverkan ska vara klar i dag (2026-11-30): Presentera handlingsplanen på arbetsplatsträffar i båda sektorerna.',
    );
    // Run again (a retry): nothing twice.
    const before = w.channel.sent.length;
    await sendPlanReminder(w.deps as never, ctx(w, KAND));
    expect(new Set(w.channel.sent.map((m) => m.key)).size).toBe(before);
  });

  it('reminds a person who owns it in their own chat, and no group', async () => {
    const w = world({ organisation: org() });
    await w.stores.plans.put(TENANT, {
      documentId: 'handlingsplan',
      activityId: 'kand-i-forvaltningarna',
      what: checked('Presentera handlingsplanen'),
      owner: 'johan.nyberg',
      due: '2026-11-30',
      status: 'ongoing',
      decisionRef: EMPTY_TEXT,
      added: false,
      updatedAt: '2026-11-20T10:00:00.000Z',
      updatedBy: 'x',
    });
    await sendPlanReminder(w.deps as never, ctx(w, KAND));
    expect(told(w)).toEqual([JOHAN]);
  });

  it('sends nothing for an activity closed, cancelled or moved to another date since', async () => {
    for (const change of [{ status: 'done' as const }, { status: 'cancelled' as const }, { due: '2026-12-15' }]) {
      const w = world({ organisation: org() });
      await w.stores.plans.put(TENANT, {
        documentId: 'handlingsplan',
        activityId: 'kand-i-forvaltningarna',
        what: checked('Presentera handlingsplanen'),
        owner: 'samverkansgrupp',
        due: '2026-11-30',
        status: 'ongoing',
        decisionRef: EMPTY_TEXT,
        added: false,
        updatedAt: '2026-11-20T10:00:00.000Z',
        updatedBy: 'x',
        ...change,
      });
      expect(await sendPlanReminder(w.deps as never, ctx(w, KAND))).toBe('skipped');
      expect(w.channel.sent).toEqual([]);
    }
  });
});
