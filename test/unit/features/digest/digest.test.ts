import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/domain/commands/parse';
import type { Meeting } from '../../../../src/domain/meetings/meeting';
import type { Digest } from '../../../../src/domain/digest/digest';
import { digestOpen } from '../../../../src/features/digest/actions';
import { digestCard } from '../../../../src/features/digest/card';
import { digest } from '../../../../src/features/digest/command';
import { DIGEST_KIND, runDigest, weeklyDigestJob } from '../../../../src/features/digest/weekly';
import { completeReview } from '../../../../src/features/reviews/reviews';
import { messageKey } from '../../../../src/features/shared/channel';
import type { Locale } from '../../../../src/i18n';
import {
  ALEX,
  chatWith,
  demo,
  kindOf,
  MEGAN,
  personal,
  scheduled,
  services,
  TENANT,
  text,
  turnIn,
  world,
  type World,
} from '../reviews/world';

const WEEK = '2026-11-23';
const PER = 'aad-per';

async function sammanfattning(w: World, aad: string, locale: Locale = 'sv') {
  const turn = turnIn(w, personal(aad, { locale }));
  const parsed = parseCommand(locale === 'sv' ? 'sammanfattning' : 'digest');
  if (parsed.kind !== 'command') throw new Error('sammanfattning does not parse');
  await digest({ turn, info: turn.info, services: services(w), command: parsed.command });
  expect(turn.sent).toHaveLength(1);
  return turn.sent[0]!;
}

/** The one-off backfill over the rows the test wrote straight to the tables. */
const backfill = (w: World) =>
  w.stores.figures.backfill(
    TENANT,
    w.organisation.groups.map((g) => g.id),
    w.clock.now,
  );

function meeting(over: Partial<Meeting>): Meeting {
  return {
    id: 'operativ.m1',
    tenantId: TENANT,
    groupId: 'operativ',
    start: '2026-11-26T08:00:00.000Z',
    end: '2026-11-26T09:00:00.000Z',
    timeZone: 'Europe/Stockholm',
    durationMinutes: 60,
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'none',
    rsvp: {},
    rsvpUserIds: [],
    createdBy: ALEX,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    reminded: {},
    ...over,
  };
}

/** Per Lund, a manager of all, with an object id but no chat with the bot. */
const withPer = () => demo((o) => ({ ...o, people: o.people.map((p) => (p.id === 'per.lund' ? { ...p, aadObjectId: PER } : p)) }));

describe('sammanfattning / digest on demand', () => {
  it("gives a manager the digest of the groups they oversee, counting what needs attention, in the user's language", async () => {
    const w = world();
    await w.stores.meetings.create(meeting({}));
    await w.stores.meetings.create(meeting({ id: 'operativ.m0', start: '2026-11-10T08:00:00.000Z', end: '2026-11-10T09:00:00.000Z' }));
    // Rows written straight to the tables, as before the figures were kept: the backfill counts them.
    await backfill(w);
    const sv = text(await sammanfattning(w, ALEX));
    expect(sv).toContain('Samverkan – veckans läge');
    expect(sv).toContain('Möten de kommande två veckorna: 1');
    expect(sv).toContain('Möten utan justerat protokoll: 1');
    for (const name of ['Styrgrupp', 'Samverkansgrupp', 'Operativ grupp']) expect(sv).toContain(name);
    expect(sv).toContain('inget bokat');
    // The riktlinje is due 2026-12-04, within 60 days.
    expect(sv).toContain('2026-12-04');
    const en = text(await sammanfattning(w, ALEX, 'en'));
    expect(en).toContain('Collaboration – this week');
  });

  it('refuses someone who manages nothing', async () => {
    expect(kindOf(await sammanfattning(world(), MEGAN))).toBe('not-allowed');
  });

  it("opens the documents or the digest again from the digest's buttons", async () => {
    const w = world();
    const turn = turnIn(w, personal(ALEX));
    const open = (view: 'reviews' | 'digest') => digestOpen.handle({ turn, info: turn.info, services: services(w), data: { view } });
    expect(kindOf(await open('reviews'))).toBe('review-list');
    expect(kindOf(await open('digest'))).toBe('digest');
  });

  it('gives the documents and the meetings opened from the digest a button back to the digest', async () => {
    const w = world();
    for (const [locale, title] of [
      ['sv', 'Tillbaka till sammanfattningen'],
      ['en', 'Back to the digest'],
    ] as const) {
      const turn = turnIn(w, personal(ALEX, { locale }));
      for (const view of ['reviews', 'meetings'] as const) {
        const card = await digestOpen.handle({ turn, info: turn.info, services: services(w), data: { view } });
        const back = (card.actions as Array<Record<string, any>>).at(-1)!;
        expect(back).toMatchObject({ type: 'Action.Execute', verb: 'digest.open', title, data: { view: 'digest' } });
        expect(back.fallback).toMatchObject({ type: 'Action.Submit', data: { view: 'digest', verb: 'digest.open' } });
      }
    }
    const digestAgain = await digestOpen.handle({
      turn: turnIn(w, personal(ALEX)),
      info: personal(ALEX),
      services: services(w),
      data: { view: 'digest' },
    });
    expect(text(digestAgain)).not.toContain('Tillbaka till sammanfattningen');
  });

  it('counts the refusals of the last 7 days and says so, and gives no all-clear above them', async () => {
    const w = world();
    const refusal = (time: Date) =>
      w.stores.audit.append({ time, tenantId: TENANT, event: 'refusal', groupId: 'operativ', userId: 'x', categories: ['personnummer'] });
    // Three today, one eight days ago: the card counts the last seven days.
    for (let i = 1; i <= 3; i += 1) await refusal(new Date(w.clock.now.getTime() - i * 3_600_000));
    await refusal(new Date(w.clock.now.getTime() - 8 * 86_400_000));
    await backfill(w);
    const sv = text(await sammanfattning(w, ALEX));
    expect(sv).toContain('Stoppade av samtyckesspärren de senaste 7 dagarna: 3');
    expect(sv).not.toContain('förra veckan');
    expect(sv).not.toContain('Inget som behöver uppmärksamhet');
    expect(text(await sammanfattning(w, ALEX, 'en'))).toContain('Stopped by the consent gate in the last 7 days: 3');
  });

  it('names the latest recorded decision on each document due', async () => {
    const w = world();
    expect(text(await sammanfattning(w, ALEX))).toContain('senaste beslut Ks 2024/393 § 199, 2024-12-04');
    await completeReview(w.deps, turnIn(w, personal(ALEX)), {
      documentId: 'riktlinje-samverkan',
      date: '2024-12-10',
      decisionRef: 'Ks 2024/400 § 3',
      fromReminder: false,
    });
    const sv = text(await sammanfattning(w, ALEX));
    expect(sv).toContain('2026-12-10 (senaste beslut Ks 2024/400 § 3, 2024-12-10)');
    expect(sv).not.toContain('Ks 2024/393');
    expect(text(await sammanfattning(w, ALEX, 'en'))).toContain('(latest decision Ks 2024/400 § 3, 2024-12-10)');
  });

  it('says all-clear only when nothing at all needs attention', () => {
    const quiet: Digest['groups'][number] = {
      groupId: 'operativ',
      name: 'Operativ grupp',
      level: 'operative',
      cadence: { expectedSoFar: 2, held: 2, expectedYear: 8, onTrack: true },
      coming: [],
      minutesMissing: 0,
      overdueActions: 0,
      consentsExpiring: 0,
      refusalsLastWeek: 0,
    };
    const card = (g: Partial<typeof quiet>, reviews: Digest['reviews'] = []) =>
      text(digestCard('en', { managerId: 'm', weekOf: WEEK, groups: [{ ...quiet, ...g }], reviews }, { week: 48, nextOf: () => '' }));
    const allClear = 'Nothing needs attention right now';
    expect(card({})).toContain(allClear);
    expect(card({ coming: ['2026-11-26T08:00:00.000Z'] })).toContain(allClear);
    for (const worry of [{ refusalsLastWeek: 3 }, { consentsExpiring: 1 }, { minutesMissing: 1 }]) {
      expect(card(worry)).not.toContain(allClear);
      expect(card(worry)).toContain('Needs attention');
    }
    const dueSoon = card({}, [
      { documentId: 'd', title: 'Riktlinje', ownerGroupName: 'Styrgrupp', dueDate: '2026-12-04', status: 'dueSoon' },
    ]);
    expect(dueSoon).not.toContain(allClear);
  });
});

describe('the weekly digest', () => {
  it("delivers each reachable manager's digest once, in their chat's language, however often it runs", async () => {
    const w = world();
    await chatWith(w, ALEX, 'en-GB');
    const first = await runDigest(w.deps, WEEK, w.clock.now);
    expect(first).toMatchObject({ sent: 1 });
    expect(w.delivered.map((d) => d.conversationId)).toEqual([`a:${ALEX}`]);
    expect(text(w.delivered[0]!.card)).toContain('Collaboration – this week');
    await runDigest(w.deps, WEEK, w.clock.now);
    expect(w.delivered).toHaveLength(1);
    expect(await w.stores.outbox.counts(`digest-${WEEK}`)).toMatchObject({ sent: 1, pending: 0 });
  });

  it("names the managers it could not reach to the conveners of the groups they oversee, under the run's key, and plans next week", async () => {
    const w = world({ organisation: withPer(), hasChat: (aad) => aad === ALEX });
    await chatWith(w, ALEX);
    const now = new Date('2026-11-23T06:00:00.000Z');
    await weeklyDigestJob(w.deps, {
      id: `${DIGEST_KIND}:${WEEK}`,
      kind: DIGEST_KIND,
      payload: { weekOf: WEEK },
      dueAt: now,
      idempotencyKey: 'weekly-key',
      attempt: 1,
      now,
      signal: new AbortController().signal,
    });
    expect(await w.stores.outbox.counts(`digest-${WEEK}`)).toMatchObject({ sent: 1, notInstalled: 1 });
    // Alex convenes the groups Per oversees and is the one convener with a chat.
    expect(w.channel.sent.map((m) => m.personId)).toEqual(['alex.wilber']);
    const told = w.channel.toldTo(ALEX)[0]!;
    expect(told.message).toContain('Per Lund');
    expect(told.key).toBe(messageKey(messageKey('digest-not-installed', `digest-${WEEK}`), 'alex.wilber'));
    expect(
      scheduled(w)
        .filter((j) => j.kind === DIGEST_KIND)
        .map((j) => j.payload.weekOf),
    ).toEqual(['2026-11-30']);
  });
});
