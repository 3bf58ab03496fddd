import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/domain/commands/parse';
import { reviewComplete } from '../../../../src/features/reviews/actions';
import { review } from '../../../../src/features/reviews/command';
import { REVIEW_KIND, sendReviewReminder } from '../../../../src/features/reviews/jobs';
import { completeReview } from '../../../../src/features/reviews/reviews';
import { messageKey } from '../../../../src/features/shared/channel';
import type { JobContext } from '../../../../src/scheduler';
import { ADELE, ALEX, demo, ISAIAH, kindOf, personal, scheduled, services, TENANT, text, turnIn, world, type World } from './world';

const RIKTLINJE = 'riktlinje-samverkan';

async function reviewCommand(w: World, aad: string, locale: 'sv' | 'en' = 'sv') {
  const turn = turnIn(w, personal(aad, { locale }));
  const parsed = parseCommand(locale === 'sv' ? 'översyn' : 'review');
  if (parsed.kind !== 'command') throw new Error('översyn does not parse');
  await review({ turn, info: turn.info, services: services(w), command: parsed.command });
  return turn.sent;
}

function reminderJob(payload: { documentId: string; dueDate: string; step: string }, now: Date): JobContext<typeof payload> {
  return {
    id: `job-${payload.step}`,
    kind: REVIEW_KIND,
    payload,
    dueAt: now,
    idempotencyKey: `key-${payload.documentId}-${payload.step}`,
    attempt: 1,
    now,
    signal: new AbortController().signal,
  };
}

describe('the review list', () => {
  it('shows a convener the documents with status and next date, and a form to record a review', async () => {
    const w = world();
    const sent = await reviewCommand(w, ALEX);
    expect(sent.map(kindOf)).toEqual(['review-list']);
    const card = text(sent[0]);
    expect(card).toContain('Riktlinje för samverkan');
    // Decided 2024-12-04, nudged every 24 months: due 2026-12-04, twelve days ahead.
    expect(card).toContain('2026-12-04 (om 12 dagar)');
    expect(card).toContain('"verb":"review.complete"');
  });

  it('refuses people who neither convene the owning group nor manage', async () => {
    const w = world();
    for (const user of [ADELE, ISAIAH]) expect((await reviewCommand(w, user, 'en')).map(kindOf)).toEqual(['not-allowed']);
  });
});

describe('recording a review', () => {
  it('stores the review, moves the next date on and plans its reminders', async () => {
    const w = world();
    const card = await completeReview(w.deps, turnIn(w, personal(ALEX)), {
      documentId: RIKTLINJE,
      date: '2026-11-20',
      decisionRef: 'Ks 2026/101 § 12',
      fromReminder: false,
    });
    expect(kindOf(card)).toBe('review-list');
    expect(text(card)).toContain('2028-11-20');
    const stored = await w.stores.reviews.get(TENANT, RIKTLINJE);
    expect(stored?.reviews).toMatchObject([{ date: '2026-11-20', decisionRef: 'Ks 2026/101 § 12', recordedBy: ALEX }]);
    const reminders = scheduled(w).filter((j) => j.kind === REVIEW_KIND && j.payload.documentId === RIKTLINJE);
    expect(reminders.map((j) => j.payload.step)).toEqual(expect.arrayContaining(['60', '30', '7', 'overdue-1']));
    expect(new Set(reminders.map((j) => j.payload.dueDate))).toEqual(new Set(['2028-11-20']));
  });

  it('shows the latest recorded decision reference and its date on the list and on the reminders, in place of the old one', async () => {
    const w = world();
    expect(text((await reviewCommand(w, ALEX))[0])).toContain('Ks 2024/393 § 199 (2024-12-04)');
    await completeReview(w.deps, turnIn(w, personal(ALEX)), {
      documentId: RIKTLINJE,
      date: '2026-11-20',
      decisionRef: 'Ks 2026/77 § 12',
      fromReminder: false,
    });
    for (const card of [...(await reviewCommand(w, ALEX)), ...(await reviewCommand(w, ALEX, 'en'))]) {
      expect(text(card)).toContain('Ks 2026/77 § 12 (2026-11-20)');
      expect(text(card)).not.toContain('Ks 2024/393');
    }
    expect(text((await reviewCommand(w, ALEX, 'en'))[0])).toContain('Latest decision');
    // A review recorded without a reference leaves the latest reference as it was.
    await completeReview(w.deps, turnIn(w, personal(ALEX)), { documentId: RIKTLINJE, date: '2026-11-21', fromReminder: false });
    expect(text((await reviewCommand(w, ALEX))[0])).toContain('Ks 2026/77 § 12 (2026-11-20)');
    // The reminder of the new date, two years on, names it too.
    w.clock.now = new Date('2028-10-23T08:00:00.000Z');
    await sendReviewReminder(w.deps, reminderJob({ documentId: RIKTLINJE, dueDate: '2028-11-21', step: '30' }, w.clock.now));
    const reminder = text(w.channel.toldTo(ALEX).at(-1)!.message);
    expect(reminder).toContain('Ks 2026/77 § 12 (2026-11-20)');
    expect(reminder).not.toContain('Ks 2024/393');
  });

  it('answers a review recorded from a reminder with that reminder, closed, naming the next date', async () => {
    const w = world();
    const card = await completeReview(w.deps, turnIn(w, personal(ALEX)), { documentId: RIKTLINJE, date: '2026-11-20', fromReminder: true });
    expect(kindOf(card)).toBe('review-reminder');
    expect(text(card)).toContain('2028-11-20');
    // Closed: the form to record the review is gone.
    expect(card.actions).toEqual([]);
    expect(text(card)).toContain('är registrerad');
  });

  it('reads the list row inputs, which carry the document id, through the card verb', async () => {
    const w = world();
    const turn = turnIn(w, personal(ALEX));
    const data = { documentId: RIKTLINJE, [`date_${RIKTLINJE}`]: '2026-11-21', [`decisionRef_${RIKTLINJE}`]: '' };
    const card = await reviewComplete.handle({ turn, info: turn.info, services: services(w), data });
    expect(kindOf(card)).toBe('review-list');
    expect((await w.stores.reviews.get(TENANT, RIKTLINJE))?.reviews).toMatchObject([{ date: '2026-11-21' }]);
  });

  it('explains a date in the future or no date at all, and stores nothing', async () => {
    const w = world();
    const turn = turnIn(w, personal(ALEX));
    const future = await completeReview(w.deps, turn, { documentId: RIKTLINJE, date: '2026-12-01', fromReminder: false });
    expect(text(future)).toContain('Datumet kan inte ligga i framtiden.');
    const bad = await completeReview(w.deps, turn, { documentId: RIKTLINJE, date: '2026-02-30', fromReminder: false });
    expect(text(bad)).toContain('2026-02-30 är inget datum');
    expect(await w.stores.reviews.get(TENANT, RIKTLINJE)).toBeUndefined();
  });

  it('refuses someone who may not record it, and an unknown document', async () => {
    const w = world();
    const adele = await completeReview(w.deps, turnIn(w, personal(ADELE)), {
      documentId: RIKTLINJE,
      date: '2026-11-20',
      fromReminder: false,
    });
    expect(kindOf(adele)).toBe('not-allowed');
    const unknown = await completeReview(w.deps, turnIn(w, personal(ALEX)), {
      documentId: 'nope',
      date: '2026-11-20',
      fromReminder: false,
    });
    expect(kindOf(unknown)).toBe('error');
    expect(await w.stores.reviews.get(TENANT, RIKTLINJE)).toBeUndefined();
  });

  it('refuses a decision reference that names a child, and stores nothing', async () => {
    const w = world();
    const card = await completeReview(w.deps, turnIn(w, personal(ALEX)), {
      documentId: RIKTLINJE,
      date: '2026-11-20',
      decisionRef: 'Ärende 150312-1236',
      fromReminder: false,
    });
    expect(kindOf(card)).toBe('consent-refusal');
    expect(text(card)).not.toContain('150312-1236');
    expect(await w.stores.reviews.get(TENANT, RIKTLINJE)).toBeUndefined();
  });
});

describe('the reminders', () => {
  it("tells each reachable convener of the owning group, in their chat, under the job's key", async () => {
    // Karin Holm, a convener of the styrgrupp, reachable too; Per Lund has no object id.
    const organisation = demo((o) => ({
      ...o,
      people: o.people.map((p) => (p.id === 'karin.holm' ? { ...p, aadObjectId: 'aad-karin' } : p)),
    }));
    const w = world({ organisation });
    const job = reminderJob({ documentId: RIKTLINJE, dueDate: '2026-12-04', step: '30' }, w.clock.now);
    expect(await sendReviewReminder(w.deps, job)).toBeUndefined();
    expect(w.channel.sent.map((m) => [m.kind, m.personId])).toEqual([
      ['tell', 'karin.holm'],
      ['tell', 'alex.wilber'],
    ]);
    expect(w.channel.sent.map((m) => kindOf(m.message))).toEqual(['review-reminder', 'review-reminder']);
    expect(text(w.channel.toldTo(ALEX)[0]!.message)).toContain('Styrgrupp');
    expect(w.channel.toldTo(ALEX)[0]!.key).toBe(messageKey(job.idempotencyKey, 'alex.wilber'));

    // A retry of the same job sends under the same keys, which the connector absorbs.
    await sendReviewReminder(w.deps, job);
    expect(w.channel.sent.slice(2).map((m) => m.key)).toEqual(w.channel.sent.slice(0, 2).map((m) => m.key));
  });

  it('skips a reminder for a date that no longer applies, and plans the new date instead', async () => {
    const w = world();
    await w.stores.reviews.add(TENANT, RIKTLINJE, { date: '2026-11-01', recordedBy: ALEX, recordedAt: w.clock.now.toISOString() });
    const job = reminderJob({ documentId: RIKTLINJE, dueDate: '2026-12-04', step: '7' }, w.clock.now);
    expect(await sendReviewReminder(w.deps, job)).toBe('skipped');
    expect(w.channel.sent).toEqual([]);
    expect(scheduled(w).map((j) => j.payload.dueDate)).toContain('2028-11-01');
  });

  it('plans the next weekly reminder while a review is overdue', async () => {
    const w = world();
    w.clock.now = new Date('2026-12-10T08:00:00.000Z');
    const job = reminderJob({ documentId: RIKTLINJE, dueDate: '2026-12-04', step: 'overdue-1' }, w.clock.now);
    expect(await sendReviewReminder(w.deps, job)).toBeUndefined();
    expect(scheduled(w).filter((j) => j.payload.step === 'overdue-2')).toHaveLength(1);
    expect(w.channel.toldTo(ALEX)).toHaveLength(1);
  });

  it('is skipped when no convener has a chat with the bot', async () => {
    const w = world({ hasChat: () => false });
    const job = reminderJob({ documentId: RIKTLINJE, dueDate: '2026-12-04', step: '7' }, w.clock.now);
    expect(await sendReviewReminder(w.deps, job)).toBe('skipped');
    expect(w.channel.sent).toEqual([]);
  });
});
