import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { OutboxStore } from '../../src/delivery/outbox';
import type { Agenda } from '../../src/domain/agenda/agenda';
import type { Consent } from '../../src/domain/consent';
import type { CheckedText } from '../../src/domain/consent/checked-text';
import type { Meeting } from '../../src/domain/meetings/meeting';
import type { Minutes } from '../../src/domain/minutes/minutes';
import { AgendaStore, MinutesStore } from '../../src/storage/agendas';
import { AuditLog } from '../../src/storage/audit';
import { ChannelLinkStore } from '../../src/storage/channel-links';
import { ConsentStore } from '../../src/storage/consents';
import { ConversationReferenceStore } from '../../src/storage/conversation-references';
import { PreferenceStore } from '../../src/storage/preferences';
import { jobStoreOf, type JobRow, type NewJob } from '../../src/storage/jobs';
import { CalendarFeedStore, MeetingStore } from '../../src/storage/meetings';
import { FiguresStore } from '../../src/storage/figures';
import { ReviewStore } from '../../src/storage/reviews';
import { isConflict, isNotFound, TABLES, TableStore } from '../../src/storage/tables';
import { memoryStores, type Public, type RealStores } from '../support/memory';

/**
 * One set of behavioural assertions per store, run against the store on
 * Azurite and against the same store over in-memory tables
 * (test/support/memory): what passes for both holds the memory table to what
 * Table Storage does, so a use-case test over the memory stores may rely on
 * it. Every test gets fresh, empty stores.
 */

type Stores = { [K in keyof RealStores]: Public<RealStores[K]> };

async function azuriteStores(): Promise<Stores> {
  const store = new TableStore(inject('azuriteConnectionString'), `sc${randomBytes(5).toString('hex')}`);
  await store.ensureTables();
  const c = (name: string) => store.client(name);
  return {
    meetings: new MeetingStore(c(TABLES.meetings)),
    calendarFeeds: new CalendarFeedStore(c(TABLES.calendarFeeds)),
    agendas: new AgendaStore(c(TABLES.agendas)),
    minutes: new MinutesStore(c(TABLES.minutes), c(TABLES.actions), c(TABLES.minutesPrint)),
    reviews: new ReviewStore(c(TABLES.reviews)),
    figures: new FiguresStore(c(TABLES.figures), 'Europe/Stockholm'),
    consents: new ConsentStore(c(TABLES.consents), c(TABLES.consentIndex)),
    audit: new AuditLog(c(TABLES.audit)),
    channelLinks: new ChannelLinkStore(c(TABLES.channelLinks)),
    conversationReferences: new ConversationReferenceStore(c(TABLES.conversationReferences)),
    outbox: new OutboxStore(c(TABLES.outbox)),
    preferences: new PreferenceStore(c(TABLES.preferences)),
    jobs: jobStoreOf(store),
  };
}

const ENVS: Array<[string, () => Promise<Stores>]> = [
  ['azurite', azuriteStores],
  ['memory', async () => memoryStores()],
];

const T = '00000000-0000-0000-0000-0000000000c1';
const T2 = '00000000-0000-0000-0000-0000000000c2';
const ct = (s: string) => s as CheckedText;
const NOW = new Date('2026-03-10T09:30:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The rejection of a promise (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<{ statusCode?: number; name?: string }> {
  try {
    await p;
  } catch (err) {
    return err as { statusCode?: number; name?: string };
  }
  throw new Error('expected a rejection');
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function meeting(id: string, start: string, extra: Partial<Meeting> = {}): Meeting {
  const end = new Date(Date.parse(start) + HOUR).toISOString();
  return {
    id,
    tenantId: T,
    groupId: 'operativ',
    start,
    end,
    timeZone: 'Europe/Stockholm',
    durationMinutes: 60,
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'none',
    rsvp: {},
    rsvpUserIds: [],
    createdBy: 'u1',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    reminded: {},
    ...extra,
  };
}

function consent(caseRef: string, extra: Partial<Consent> = {}): Consent {
  return {
    caseRef,
    tenantId: T,
    subject: { personnummer: 'pnr-hash', name: 'name-hash' },
    parties: ['guardian1', 'guardian2'],
    form: 'written',
    documentRef: ct('Dnr 2026-12'),
    scope: { groupIds: ['operativ', 'taktisk'], agencies: ['skola'], informationCategories: ct('skolgång'), exclusions: ct('') },
    purpose: ct('samordning'),
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    recordedBy: 'u1',
    recordedAt: NOW.toISOString(),
    ...extra,
  };
}

function newJob(id: string, dueAt: Date, extra: Partial<NewJob> = {}): NewJob {
  return { id, kind: 'test.kind', payload: '{"a":1}', dueAt, maxAttempts: 3, idempotencyKey: id, ...extra };
}

describe.each(ENVS)('store contract: %s', (_name, fresh) => {
  describe('MeetingStore', () => {
    it('creates once (a resend answers undefined), reads back what was written, optional empties as undefined', async () => {
      const s = await fresh();
      const m = meeting('operativ.a1', '2026-03-11T08:00:00.000Z', {
        seriesId: '',
        location: ct('Rum 3'),
        rsvp: { u1: 'yes' },
        card: { conversationId: '19:c@thread.tacv2', activityId: 'act-1' },
      });
      const created = await s.meetings.create(m);
      expect(created).toEqual({ ...m, etag: expect.any(String) });
      expect(await s.meetings.create({ ...m, sequence: 9 })).toBeUndefined();
      const got = await s.meetings.get(T, 'operativ', m.id);
      expect(got).toEqual({ ...m, seriesId: undefined, etag: created!.etag });
      expect(got!.seriesId).toBeUndefined();
      expect(await s.meetings.get(T, 'operativ', 'operativ.none')).toBeUndefined();
      expect(await s.meetings.get(T2, 'operativ', m.id)).toBeUndefined();
    });

    it('update applies a change with a new etag, leaves the row alone when the change answers undefined, misses a missing meeting', async () => {
      const s = await fresh();
      const m = (await s.meetings.create(meeting('operativ.a1', '2026-03-11T08:00:00.000Z')))!;
      const u = await s.meetings.update(T, 'operativ', m.id, (cur) => ({ ...cur, sequence: cur.sequence + 1, location: ct('Aula') }));
      expect(u).toMatchObject({ sequence: 1, location: 'Aula' });
      expect(u!.etag).not.toBe(m.etag);
      expect((await s.meetings.get(T, 'operativ', m.id))!.etag).toBe(u!.etag);
      const same = await s.meetings.update(T, 'operativ', m.id, () => undefined);
      expect(same).toEqual(await s.meetings.get(T, 'operativ', m.id));
      expect(await s.meetings.update(T, 'operativ', 'operativ.none', (cur) => cur)).toBeUndefined();
    });

    it('two updates at once both land (the stale one re-reads and re-applies)', async () => {
      const s = await fresh();
      const m = (await s.meetings.create(meeting('operativ.a1', '2026-03-11T08:00:00.000Z')))!;
      await Promise.all(
        ['u1', 'u2', 'u3'].map((u) => s.meetings.update(T, 'operativ', m.id, (cur) => ({ ...cur, rsvp: { ...cur.rsvp, [u]: 'yes' } }))),
      );
      expect((await s.meetings.get(T, 'operativ', m.id))!.rsvp).toEqual({ u1: 'yes', u2: 'yes', u3: 'yes' });
    });

    it('lists a group by start (ties in row-key order), filtered by end >= from and start < to; series by id', async () => {
      const s = await fresh();
      await s.meetings.create(meeting('operativ.c', '2026-03-12T08:00:00.000Z', { seriesId: 's1' }));
      await s.meetings.create(meeting('operativ.b', '2026-03-11T08:00:00.000Z', { seriesId: 's1' }));
      await s.meetings.create(meeting('operativ.a', '2026-03-12T08:00:00.000Z'));
      await s.meetings.create(meeting('operativ.d', '2026-03-10T08:00:00.000Z', { seriesId: 's1' }));
      await s.meetings.create({ ...meeting('taktisk.x', '2026-03-11T09:00:00.000Z'), groupId: 'taktisk' });
      const ids = (ms: Meeting[]) => ms.map((m) => m.id);
      expect(ids(await s.meetings.listGroup(T, 'operativ'))).toEqual(['operativ.d', 'operativ.b', 'operativ.a', 'operativ.c']);
      // operativ.d ends 09:00: `from` 09:00 keeps it (end ge), `to` 2026-03-12T08:00 drops the two that start then (start lt).
      expect(
        ids(
          await s.meetings.listGroup(T, 'operativ', {
            from: new Date('2026-03-10T09:00:00.000Z'),
            to: new Date('2026-03-12T08:00:00.000Z'),
          }),
        ),
      ).toEqual(['operativ.d', 'operativ.b']);
      expect(ids(await s.meetings.listGroup(T, 'operativ', { from: new Date('2026-03-10T09:00:00.001Z') }))).toEqual([
        'operativ.b',
        'operativ.a',
        'operativ.c',
      ]);
      expect(ids(await s.meetings.listSeries(T, 'operativ', 's1'))).toEqual(['operativ.d', 'operativ.b', 'operativ.c']);
      expect(await s.meetings.listGroup(T2, 'operativ')).toEqual([]);
    });

    it('keeps its own copy: changing what was written or read changes nothing stored', async () => {
      const s = await fresh();
      const m = meeting('operativ.a1', '2026-03-11T08:00:00.000Z', { rsvp: { u1: 'yes' } });
      await s.meetings.create(m);
      m.rsvp.u2 = 'no';
      const read = (await s.meetings.get(T, 'operativ', m.id))!;
      read.rsvp.u3 = 'maybe';
      expect((await s.meetings.get(T, 'operativ', m.id))!.rsvp).toEqual({ u1: 'yes' });
    });
  });

  describe('CalendarFeedStore', () => {
    it('ensure makes one token and gives it again; two at once agree; resolve finds the group', async () => {
      const s = await fresh();
      expect(await s.calendarFeeds.current(T, 'operativ')).toBeUndefined();
      const [a, b] = await Promise.all([s.calendarFeeds.ensure(T, 'operativ', NOW), s.calendarFeeds.ensure(T, 'operativ', NOW)]);
      expect(a.token).toBe(b.token);
      expect(a).toEqual({
        tenantId: T,
        groupId: 'operativ',
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        createdAt: NOW.toISOString(),
      });
      expect((await s.calendarFeeds.ensure(T, 'operativ', at(HOUR))).token).toBe(a.token);
      expect(await s.calendarFeeds.current(T, 'operativ')).toEqual(a);
      expect(await s.calendarFeeds.resolve(a.token)).toEqual({ tenantId: T, groupId: 'operativ' });
      expect(await s.calendarFeeds.resolve('not a token')).toBeUndefined();
      expect(await s.calendarFeeds.resolve(CalendarFeedStore.newToken())).toBeUndefined();
    });

    it('rotate: the new token works, the old one stops at once', async () => {
      const s = await fresh();
      const old = await s.calendarFeeds.ensure(T, 'operativ', NOW);
      const next = await s.calendarFeeds.rotate(T, 'operativ', at(HOUR));
      expect(next.token).not.toBe(old.token);
      expect(next.createdAt).toBe(at(HOUR).toISOString());
      expect(await s.calendarFeeds.resolve(next.token)).toEqual({ tenantId: T, groupId: 'operativ' });
      expect(await s.calendarFeeds.resolve(old.token)).toBeUndefined();
      expect(await s.calendarFeeds.current(T, 'operativ')).toEqual(next);
    });
  });

  describe('AgendaStore', () => {
    const agenda = (extra: Partial<Agenda> = {}): Agenda => ({
      tenantId: T,
      groupId: 'operativ',
      meetingId: 'operativ.a1',
      items: [{ id: 'i1', kind: 'standing', text: ct(''), templateIndex: 0, createdAt: NOW.toISOString() }],
      status: 'draft',
      updatedAt: NOW.toISOString(),
      ...extra,
    });

    it('update creates, then changes with a new etag; get reads it back with empties as undefined', async () => {
      const s = await fresh();
      expect(await s.agendas.get(T, 'operativ', 'operativ.a1')).toBeUndefined();
      const first = await s.agendas.update(T, 'operativ', 'operativ.a1', (cur) => (cur ? undefined : agenda({ publishedAt: '' })));
      expect(first!.etag).toEqual(expect.any(String));
      const got = await s.agendas.get(T, 'operativ', 'operativ.a1');
      expect(got).toEqual({ ...agenda(), publishedAt: undefined, publishedBy: undefined, card: undefined, etag: first!.etag });
      // A change answering undefined leaves it and answers the current agenda.
      expect(await s.agendas.update(T, 'operativ', 'operativ.a1', () => undefined)).toEqual(got);
      const published = await s.agendas.update(T, 'operativ', 'operativ.a1', (cur) => ({
        ...cur!,
        status: 'published',
        publishedBy: 'u1',
        card: { conversationId: '19:c', activityId: 'a-9' },
      }));
      expect(published!.etag).not.toBe(first!.etag);
      expect(await s.agendas.get(T, 'operativ', 'operativ.a1')).toMatchObject({
        status: 'published',
        publishedBy: 'u1',
        card: { conversationId: '19:c', activityId: 'a-9' },
        etag: published!.etag,
      });
    });

    it('proposals made at once all land', async () => {
      const s = await fresh();
      await s.agendas.update(T, 'operativ', 'operativ.a1', () => agenda({ items: [] }));
      await Promise.all(
        ['p1', 'p2', 'p3', 'p4'].map((id) =>
          s.agendas.update(T, 'operativ', 'operativ.a1', (cur) => ({
            ...cur!,
            items: [...cur!.items, { id, kind: 'proposed', text: ct(id), createdAt: NOW.toISOString() }],
          })),
        ),
      );
      const ids = (await s.agendas.get(T, 'operativ', 'operativ.a1'))!.items.map((i) => i.id).sort();
      expect(ids).toEqual(['p1', 'p2', 'p3', 'p4']);
    });
  });

  describe('MinutesStore', () => {
    const minutes = (meetingId: string, extra: Partial<Minutes> = {}): Minutes => ({
      tenantId: T,
      groupId: 'operativ',
      meetingId,
      status: 'draft',
      attendees: ['p1'],
      guests: ct(''),
      notes: { i1: ct('noterat') },
      decisions: [ct('beslut')],
      actions: [],
      sip: [],
      closedActions: [],
      updatedAt: NOW.toISOString(),
      ...extra,
    });

    it('update and get round trip; listGroup in row-key (encoded id) order', async () => {
      const s = await fresh();
      for (const id of ['m/2', 'm_1', 'M3']) await s.minutes.update(T, 'operativ', id, () => minutes(id, { finalizedAt: '' }));
      await s.minutes.update(T, 'taktisk', 'x', () => ({ ...minutes('x'), groupId: 'taktisk' }));
      const got = await s.minutes.get(T, 'operativ', 'm_1');
      expect(got).toEqual({ ...minutes('m_1'), etag: expect.any(String) });
      // Encoded ids: M3, m_1, m~2F2 (the raw order would put m/2 before m_1).
      expect((await s.minutes.listGroup(T, 'operativ')).map((m) => m.meetingId)).toEqual(['M3', 'm_1', 'm/2']);
      const final = await s.minutes.update(T, 'operativ', 'm_1', (cur) => ({ ...cur!, status: 'final', finalizedBy: 'u1' }));
      expect(await s.minutes.get(T, 'operativ', 'm_1')).toMatchObject({ status: 'final', finalizedBy: 'u1', etag: final!.etag });
    });

    it('actions: saved, listed in id order, marked done (a missing id is ignored); saving again without doneAt clears it', async () => {
      const s = await fresh();
      const a = (id: string, extra = {}) => ({ id, what: ct(`gör ${id}`), who: ct('Kim'), due: '2026-04-01', meetingId: 'm1', ...extra });
      await s.minutes.saveActions(T, 'operativ', [a('b'), a('a', { whoPersonId: 'p9' })]);
      expect(await s.minutes.actionsOf(T, 'operativ')).toEqual([
        { ...a('a'), whoPersonId: 'p9', doneAt: undefined },
        { ...a('b'), whoPersonId: undefined, doneAt: undefined },
      ]);
      await s.minutes.markDone(T, 'operativ', ['a', 'missing'], '2026-03-20T10:00:00.000Z');
      expect(await s.minutes.action(T, 'operativ', 'a')).toMatchObject({ doneAt: '2026-03-20T10:00:00.000Z' });
      expect(await s.minutes.action(T, 'operativ', 'missing')).toBeUndefined();
      await s.minutes.saveActions(T, 'operativ', [a('a')]);
      expect(await s.minutes.action(T, 'operativ', 'a')).toMatchObject({ doneAt: undefined, whoPersonId: undefined });
    });

    it('print tokens resolve to their minutes; malformed or unknown ones to nothing', async () => {
      const s = await fresh();
      const token = MinutesStore.newToken();
      await s.minutes.registerPrintToken(token, T, 'operativ', 'm1');
      expect(await s.minutes.resolvePrintToken(token)).toEqual({ tenantId: T, groupId: 'operativ', meetingId: 'm1' });
      expect(await s.minutes.resolvePrintToken(MinutesStore.newToken())).toBeUndefined();
      expect(await s.minutes.resolvePrintToken('short')).toBeUndefined();
    });
  });

  describe('ReviewStore', () => {
    it('adds reviews in date order, a repeated one once; the ~none rows merge into a named tenant', async () => {
      const s = await fresh();
      expect(await s.reviews.get(T, 'doc1')).toBeUndefined();
      await s.reviews.add(T, 'doc1', { date: '2026-05-01', decisionRef: ct('§ 12') });
      const r = await s.reviews.add(T, 'doc1', { date: '2026-01-01' });
      expect(r.reviews.map((x) => x.date)).toEqual(['2026-01-01', '2026-05-01']);
      expect((await s.reviews.add(T, 'doc1', { date: '2026-05-01', decisionRef: ct('§ 12') })).reviews).toHaveLength(2);
      const own = await s.reviews.get(T, 'doc1');
      expect(own).toEqual({ documentId: 'doc1', reviews: r.reviews, etag: expect.any(String) });

      await s.reviews.add('', 'doc1', { date: '2025-06-01' });
      await s.reviews.add('', 'doc2', { date: '2025-07-01' });
      expect((await s.reviews.get(T, 'doc1'))!.reviews.map((x) => x.date)).toEqual(['2025-06-01', '2026-01-01', '2026-05-01']);
      expect(await s.reviews.get(T, 'doc2')).toEqual({ documentId: 'doc2', reviews: [{ date: '2025-07-01' }], etag: undefined });
      const all = await s.reviews.all(T);
      expect([...all.keys()]).toEqual(['doc1', 'doc2']);
      expect(all.get('doc1')!.reviews).toHaveLength(3);
      expect([...(await s.reviews.all('')).keys()]).toEqual(['doc1', 'doc2']);
      // The tenant's next review of doc2 writes the legacy one into its own row.
      await s.reviews.add(T, 'doc2', { date: '2026-07-01' });
      expect((await s.reviews.all(T2)).size).toBe(2);
      expect((await s.reviews.get(T, 'doc2'))!.reviews.map((x) => x.date)).toEqual(['2025-07-01', '2026-07-01']);
    });

    it('reviews added at once all land', async () => {
      const s = await fresh();
      await Promise.all(['2026-01-01', '2026-02-01', '2026-03-01'].map((date) => s.reviews.add(T, 'doc1', { date })));
      expect((await s.reviews.get(T, 'doc1'))!.reviews.map((x) => x.date)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    });
  });

  describe('ConsentStore', () => {
    it('records, reads back, refuses a second record of a case reference with a 409', async () => {
      const s = await fresh();
      const c = consent('SAM-1', { subject: { personnummer: 'pnr-hash', givenName: 'given-hash' } });
      await s.consents.record(c);
      expect(await s.consents.get(T, 'SAM-1')).toEqual({ ...c, subject: { personnummer: 'pnr-hash', givenName: 'given-hash' } });
      const err = await rejection(s.consents.record(c));
      expect(err.statusCode).toBe(409);
      expect(err.name).toBe('RestError');
      expect(await s.consents.get(T2, 'SAM-1')).toBeUndefined();
      expect(await s.consents.getMany(T, ['SAM-1', 'SAM-missing'])).toHaveLength(1);
    });

    it('finds by subject hash in index order, lists by group in case-reference order, withdraws (404 when there is none)', async () => {
      const s = await fresh();
      await s.consents.record(consent('SAM-2'));
      await s.consents.record(consent('SAM-1', { subject: { name: 'name-hash' } }));
      await s.consents.record(
        consent('SAM-3', { subject: { personnummer: 'other' }, scope: { ...consent('x').scope, groupIds: ['taktisk'] } }),
      );
      await s.consents.record(consent('SAM-4', { tenantId: T2 }));
      const refs = (cs: Consent[]) => cs.map((c) => c.caseRef);
      expect(refs(await s.consents.findByHash(T, 'pnr-hash'))).toEqual(['SAM-2']);
      expect(refs(await s.consents.findByHash(T, 'name-hash'))).toEqual(['SAM-1', 'SAM-2']);
      expect(refs(await s.consents.findByHash(T, 'name'))).toEqual([]);
      expect(refs(await s.consents.listForGroups(T, ['operativ']))).toEqual(['SAM-1', 'SAM-2']);
      expect(refs(await s.consents.listForGroups(T, ['taktisk', 'x']))).toEqual(['SAM-1', 'SAM-2', 'SAM-3']);
      await s.consents.withdraw(T, 'SAM-2', 'u2', '2026-03-11T10:00:00.000Z');
      expect(await s.consents.get(T, 'SAM-2')).toMatchObject({
        withdrawnBy: 'u2',
        withdrawnAt: '2026-03-11T10:00:00.000Z',
        purpose: 'samordning',
      });
      const err = await rejection(s.consents.withdraw(T, 'SAM-none', 'u2', NOW.toISOString()));
      expect(isNotFound(err)).toBe(true);
    });
  });

  describe('AuditLog', () => {
    it('appends; an entry with a onceKey is recorded once; counts a group from an instant over the months', async () => {
      const s = await fresh();
      const e = (time: string, extra = {}) => ({
        time: new Date(time),
        tenantId: T,
        groupId: 'operativ',
        userId: 'u1',
        event: 'refusal' as const,
        ...extra,
      });
      await s.audit.append(e('2026-01-31T23:00:00.000Z'));
      await s.audit.append(e('2026-02-15T10:00:00.000Z', { onceKey: 'act-1' }));
      await s.audit.append(e('2026-02-15T10:00:00.000Z', { onceKey: 'act-1' }));
      await s.audit.append(e('2026-02-15T10:00:00.000Z'));
      await s.audit.append(e('2026-02-15T10:00:00.000Z'));
      await s.audit.append(e('2026-03-01T00:00:00.000Z', { event: 'consentRecorded', categories: ['a', 'b'], caseRef: 'SAM-1' }));
      await s.audit.append(e('2026-03-01T00:00:00.000Z', { groupId: 'taktisk' }));
      await s.audit.append(e('2026-03-01T00:00:00.000Z', { tenantId: T2 }));
      const counts = await s.audit.countsFor(T, 'operativ', new Date('2026-02-01T00:00:00.000Z'), new Date('2026-03-31T00:00:00.000Z'));
      expect(counts).toEqual({ refusal: 3, allowedUnderConsent: 0, consentRecorded: 1, consentListed: 0, consentWithdrawn: 0 });
      const all = await s.audit.countsFor(T, 'operativ', new Date('2026-01-01T00:00:00.000Z'), new Date('2026-02-28T00:00:00.000Z'));
      expect(all.refusal).toBe(4);
      // The month of `until` is read whole.
      expect(
        (await s.audit.countsFor(T, 'operativ', new Date('2026-02-16T00:00:00.000Z'), new Date('2026-03-01T00:00:00.000Z')))
          .consentRecorded,
      ).toBe(1);
    });
  });

  describe('ChannelLinkStore', () => {
    it('links (replacing), reads, lists a group in row-key order, unlinks idempotently; the empty tenant reads back empty', async () => {
      const s = await fresh();
      const l = (conversationId: string, extra = {}) => ({
        tenantId: T,
        conversationId,
        groupId: 'operativ',
        linkedBy: 'u1',
        linkedAt: NOW.toISOString(),
        ...extra,
      });
      await s.channelLinks.link(l('19:b@thread.tacv2', { teamId: 'team-1', activityId: 'a1' }));
      await s.channelLinks.link(l('19:a@thread.tacv2'));
      await s.channelLinks.link(l('19:c@thread.tacv2', { groupId: 'taktisk' }));
      await s.channelLinks.link(l('19:z@thread.tacv2', { tenantId: '' }));
      expect(await s.channelLinks.get(T, '19:b@thread.tacv2')).toEqual(l('19:b@thread.tacv2', { teamId: 'team-1', activityId: 'a1' }));
      expect((await s.channelLinks.channelsOf(T, 'operativ')).map((x) => x.conversationId)).toEqual([
        '19:a@thread.tacv2',
        '19:b@thread.tacv2',
      ]);
      expect(await s.channelLinks.get('', '19:z@thread.tacv2')).toEqual(l('19:z@thread.tacv2', { tenantId: '' }));
      await s.channelLinks.link(l('19:b@thread.tacv2', { groupId: 'taktisk' }));
      expect(await s.channelLinks.get(T, '19:b@thread.tacv2')).toEqual(l('19:b@thread.tacv2', { groupId: 'taktisk' }));
      await s.channelLinks.unlink(T, '19:b@thread.tacv2');
      await s.channelLinks.unlink(T, '19:b@thread.tacv2');
      expect(await s.channelLinks.get(T, '19:b@thread.tacv2')).toBeUndefined();
      expect((await s.channelLinks.channelsOf(T, 'taktisk')).map((x) => x.conversationId)).toEqual(['19:c@thread.tacv2']);
    });
  });

  describe('PreferenceStore', () => {
    it('keeps one language per tenant and user, replaced by the next choice; nobody else is touched; the empty tenant reads back', async () => {
      const s = await fresh();
      expect(await s.preferences.get(T, 'aad-1')).toBeUndefined();
      expect(await s.preferences.get(T, '')).toBeUndefined();
      await s.preferences.setLanguage(T, 'aad-1', 'en', NOW.toISOString());
      expect(await s.preferences.get(T, 'aad-1')).toEqual({ language: 'en', updatedAt: NOW.toISOString() });
      await s.preferences.setLanguage(T, 'aad-1', 'sv', at(MIN).toISOString());
      expect((await s.preferences.get(T, 'aad-1'))?.language).toBe('sv');
      expect(await s.preferences.get(T2, 'aad-1')).toBeUndefined();
      expect(await s.preferences.get(T, 'aad-2')).toBeUndefined();
      await s.preferences.setLanguage('', '29:teams/id', 'en', NOW.toISOString());
      expect((await s.preferences.get('', '29:teams/id'))?.language).toBe('en');
    });
  });

  describe('ConversationReferenceStore', () => {
    const ref = (tenantId: string, conversationId: string, extra = {}) => ({
      tenantId,
      conversationId,
      conversationType: 'personal' as const,
      userAadObjectId: 'aad-1',
      reference: { conversation: { id: conversationId }, serviceUrl: 'https://smba.example/' },
      updatedAt: NOW.toISOString(),
      ...extra,
    });

    it('saves once until something changes; remove forgets it (and the cache)', async () => {
      const s = await fresh();
      expect(await s.conversationReferences.save(ref(T, 'a:1'))).toBe(true);
      expect(await s.conversationReferences.save(ref(T, 'a:1'))).toBe(false);
      expect(await s.conversationReferences.save(ref(T, 'a:1', { teamId: 't1' }))).toBe(true);
      expect(await s.conversationReferences.get(T, 'a:1')).toEqual(ref(T, 'a:1', { teamId: 't1' }));
      await s.conversationReferences.remove(T, 'a:1');
      await s.conversationReferences.remove(T, 'a:1');
      expect(await s.conversationReferences.get(T, 'a:1')).toBeUndefined();
      expect(await s.conversationReferences.save(ref(T, 'a:1', { teamId: 't1' }))).toBe(true);
    });

    it('finds personal chats in a tenant and anywhere (first in key order), lists them and a tenant', async () => {
      const s = await fresh();
      await s.conversationReferences.save(ref(T2, 'a:2'));
      await s.conversationReferences.save(ref(T, 'a:9'));
      await s.conversationReferences.save(ref(T, 'a:3'));
      await s.conversationReferences.save(ref(T, '19:ch', { conversationType: 'channel', userAadObjectId: undefined }));
      await s.conversationReferences.save(ref('', 'a:0', { userAadObjectId: 'aad-2' }));
      expect((await s.conversationReferences.findPersonal(T, 'aad-1'))!.conversationId).toBe('a:3');
      expect(await s.conversationReferences.findPersonal(T, 'aad-2')).toBeUndefined();
      expect((await s.conversationReferences.findPersonalAnywhere('aad-1'))!.tenantId).toBe(T);
      expect(await s.conversationReferences.findPersonalAnywhere('aad-2')).toMatchObject({ tenantId: '', conversationId: 'a:0' });
      // The personal-chat index keeps one chat per user and tenant (Teams has one): the latest saved, a:3 over a:9.
      expect((await s.conversationReferences.listPersonalEverywhere()).map((r) => r.conversationId)).toEqual(['a:3', 'a:2', 'a:0']);
      expect((await s.conversationReferences.listByTenant(T)).map((r) => r.conversationId)).toEqual(['19:ch', 'a:3', 'a:9']);
      expect(await s.conversationReferences.get(T, '19:ch')).toMatchObject({ conversationType: 'channel', userAadObjectId: undefined });
    });
  });

  describe('OutboxStore', () => {
    const rcp = (recipient: string) => ({ recipient, tenantId: T, aadObjectId: `aad-${recipient}` });

    it('enqueues only the missing rows (a repeat, or a recipient named twice, adds nothing)', async () => {
      const s = await fresh();
      expect(await s.outbox.enqueue('run-1', [rcp('b'), rcp('a')])).toBe(2);
      expect(await s.outbox.enqueue('run-1', [rcp('a'), rcp('c'), rcp('c')])).toBe(1);
      expect(await s.outbox.enqueue('run-1', [rcp('a'), rcp('b'), rcp('c')])).toBe(0);
      const many = Array.from({ length: 150 }, (_, i) => rcp(`r${String(i).padStart(3, '0')}`));
      expect(await s.outbox.enqueue('run-2', many)).toBe(150);
      expect(await s.outbox.get('run-1', 'a')).toEqual({
        runId: 'run-1',
        recipient: 'a',
        tenantId: T,
        aadObjectId: 'aad-a',
        status: 'pending',
        attempts: 0,
        notBefore: '',
        leaseOwner: '',
        leaseUntil: '',
        activityId: '',
        lastError: '',
        etag: expect.any(String),
      });
      expect((await collect(s.outbox.open('run-1'))).map((r) => r.recipient)).toEqual(['a', 'b', 'c']);
      expect((await s.outbox.counts('run-2')).pending).toBe(150);
      expect(await s.outbox.get('run-1', 'none')).toBeUndefined();
    });

    it('updates with the right etag; a stale etag fails with a 412, a missing row with a 404', async () => {
      const s = await fresh();
      await s.outbox.enqueue('run-1', [rcp('a'), rcp('b'), rcp('c')]);
      const row = (await s.outbox.get('run-1', 'a'))!;
      const leased = await s.outbox.update(row, { status: 'sending', leaseOwner: 'p1', leaseUntil: at(MIN).toISOString(), attempts: 1 });
      expect(leased.etag).not.toBe(row.etag);
      expect(await s.outbox.get('run-1', 'a')).toEqual(leased);
      const err = await rejection(s.outbox.update(row, { status: 'sending', leaseOwner: 'p2' }));
      expect(err.statusCode).toBe(412);
      expect(err.name).toBe('RestError');
      expect(isConflict(err)).toBe(true);
      const [x, y] = await Promise.allSettled([
        s.outbox.update(leased, { status: 'sent', activityId: 'act-1' }),
        s.outbox.update(leased, { status: 'failed', lastError: 'E' }),
      ]);
      expect([x.status, y.status].sort()).toEqual(['fulfilled', 'rejected']);
      const b = (await s.outbox.get('run-1', 'b'))!;
      await s.outbox.update(b, { status: 'blocked' });
      expect((await collect(s.outbox.open('run-1'))).map((r) => r.recipient)).toEqual(['c']);
      expect((await collect(s.outbox.withStatus('run-1', 'blocked'))).map((r) => r.recipient)).toEqual(['b']);
      const counts = await s.outbox.counts('run-1');
      expect(counts.blocked + counts.sent + counts.failed + counts.pending).toBe(3);
      expect(isNotFound(await rejection(s.outbox.update({ ...row, recipient: 'none' }, { status: 'sent' })))).toBe(true);
    });
  });

  describe('JobStore', () => {
    it('inserts a job once per id (a repeat answers the first), reads it by ref and id, forgets the id', async () => {
      const s = await fresh();
      const first = await s.jobs.insert(newJob('j1', at(10 * MIN)), NOW);
      expect(first).toEqual({
        created: true,
        ref: { id: 'j1', partitionKey: '2026-03-10T09', rowKey: `${at(10 * MIN).toISOString()}~j1` },
      });
      expect(await s.jobs.insert(newJob('j1', at(3 * HOUR)), NOW)).toEqual({ created: false, ref: first.ref });
      expect(await s.jobs.findById('j1')).toEqual(first.ref);
      expect(await s.jobs.get(first.ref)).toEqual({
        ...first.ref,
        etag: expect.any(String),
        kind: 'test.kind',
        payload: '{"a":1}',
        dueAt: at(10 * MIN).toISOString(),
        notBefore: at(10 * MIN).toISOString(),
        status: 'pending',
        attempts: 0,
        maxAttempts: 3,
        leaseOwner: '',
        leaseUntil: '',
        lastError: '',
        idempotencyKey: 'j1',
        doneAt: '',
        createdAt: NOW.toISOString(),
      });
      // Past work goes into the hour it was placed in.
      expect((await s.jobs.insert(newJob('late', at(-5 * HOUR)), NOW)).ref.partitionKey).toBe('2026-03-10T09');
      await s.jobs.forgetId('j1');
      await s.jobs.forgetId('j1');
      expect(await s.jobs.findById('j1')).toBeUndefined();
      expect(await s.jobs.get({ partitionKey: '2026-03-01T00', rowKey: 'x' })).toBeUndefined();
    });

    it('due: pending and running rows due by now, in the hours asked, in due order, across day tables', async () => {
      const s = await fresh();
      for (const [id, ms] of [
        ['c', 20 * MIN],
        ['a', 5 * MIN],
        ['b', 5 * MIN],
        ['next-hour', 40 * MIN],
        ['tomorrow', 16 * HOUR],
        ['future', 30 * HOUR],
      ] as const)
        await s.jobs.insert(newJob(id, at(ms)), NOW);
      const done = (await s.jobs.get((await s.jobs.findById('c'))!))!;
      await s.jobs.update(done, { status: 'done' });
      const ids = (rows: JobRow[]) => rows.map((r) => r.id);
      expect(ids(await collect(s.jobs.due('2026-03-10T09', '2026-03-10T09', at(30 * MIN))))).toEqual(['a', 'b']);
      expect(ids(await collect(s.jobs.due('2026-03-10T09', '2026-03-10T09', at(5 * MIN))))).toEqual(['a', 'b']);
      expect(ids(await collect(s.jobs.due('2026-03-10T09', '2026-03-10T09', at(5 * MIN - 1))))).toEqual([]);
      expect(ids(await collect(s.jobs.due('2026-03-10T08', '2026-03-11T02', at(17 * HOUR))))).toEqual(['a', 'b', 'next-hour', 'tomorrow']);
      expect(ids(await collect(s.jobs.due('2026-03-10T10', '2026-03-12T23', at(48 * HOUR))))).toEqual(['next-hour', 'tomorrow', 'future']);
      // Days nobody scheduled on have no table: they read as empty.
      expect(await collect(s.jobs.due('2026-02-01T00', '2026-02-03T23', at(0)))).toEqual([]);
    });

    it('claims and updates only with the current etag (412 otherwise); one of two claims at once wins', async () => {
      const s = await fresh();
      const { ref } = await s.jobs.insert(newJob('j1', NOW), NOW);
      const row = (await s.jobs.get(ref))!;
      const [x, y] = await Promise.allSettled([s.jobs.claim(row, 'p1', at(MIN)), s.jobs.claim(row, 'p2', at(MIN))]);
      expect([x.status, y.status].sort()).toEqual(['fulfilled', 'rejected']);
      const lost = (x.status === 'rejected' ? x.reason : (y as PromiseRejectedResult).reason) as { statusCode?: number };
      expect(lost.statusCode).toBe(412);
      const claimed = (x.status === 'fulfilled' ? x.value : (y as PromiseFulfilledResult<JobRow>).value)!;
      expect(claimed).toMatchObject({ status: 'running', attempts: 1, leaseUntil: at(MIN).toISOString() });
      expect(await s.jobs.get(ref)).toEqual(claimed);
      const err = await rejection(s.jobs.update(row, { status: 'done' }));
      expect(isConflict(err)).toBe(true);
      expect(err.name).toBe('RestError');
      const finished = await s.jobs.update(claimed, { status: 'done', doneAt: at(MIN).toISOString(), leaseOwner: '', leaseUntil: '' });
      expect(await s.jobs.get(ref)).toEqual(finished);
      expect(await collect(s.jobs.due('2026-03-10T09', '2026-03-10T09', at(HOUR)))).toEqual([]);
    });

    it('a cancelled job of the same id and instant is replaced by a new one', async () => {
      const s = await fresh();
      const { ref } = await s.jobs.insert(newJob('j1', at(MIN)), NOW);
      await s.jobs.update((await s.jobs.get(ref))!, { status: 'cancelled' });
      await s.jobs.forgetId('j1');
      const again = await s.jobs.insert(newJob('j1', at(MIN), { payload: '{"a":2}' }), NOW);
      expect(again).toEqual({ created: true, ref });
      expect(await s.jobs.get(ref)).toMatchObject({ status: 'pending', payload: '{"a":2}' });
    });

    it('insertMany: batches of new ids; an id that exists fails it with a 409 and no job rows, which insert then repairs', async () => {
      const s = await fresh();
      const refs = await s.jobs.insertMany(
        Array.from({ length: 120 }, (_, i) => newJob(`m${i}`, at(i * MIN))),
        NOW,
      );
      expect(refs).toHaveLength(120);
      expect((await collect(s.jobs.due('2026-03-10T09', '2026-03-11T23', at(2 * HOUR)))).length).toBe(120);
      await s.jobs.insert(newJob('old', at(MIN)), NOW);
      const err = await rejection(s.jobs.insertMany([newJob('old', at(MIN)), newJob('new-1', at(MIN)), newJob('new-2', at(MIN))], NOW));
      expect(err.statusCode).toBe(409);
      expect(isConflict(err)).toBe(true);
      // Each id batch (one per id partition) stands or falls alone; no job row was written.
      expect(await s.jobs.findById('new-1')).toBeDefined();
      const r = (await s.jobs.findById('new-1'))!;
      expect(await s.jobs.get(r)).toBeUndefined();
      expect(await s.jobs.insert(newJob('new-1', at(MIN)), NOW)).toEqual({ created: false, ref: r });
      expect(await s.jobs.get(r)).toMatchObject({ id: 'new-1', status: 'pending' });
    });

    it('insertMany: an id named twice in one call fails its batch (400) and writes nothing of it', async () => {
      const s = await fresh();
      const err = await rejection(s.jobs.insertMany([newJob('twice', at(MIN)), newJob('twice', at(2 * MIN))], NOW));
      expect(err.statusCode).toBe(400);
      expect(isConflict(err)).toBe(false);
      expect(await s.jobs.findById('twice')).toBeUndefined();
    });

    it('the cursor: created once, read, moved only from the etag last read', async () => {
      const s = await fresh();
      expect(await s.jobs.readCursor()).toBeUndefined();
      const c = await s.jobs.initCursor('2026-03-10T09');
      expect(await s.jobs.initCursor('2026-03-10T05')).toEqual(c);
      expect(await s.jobs.readCursor()).toEqual(c);
      const moved = await s.jobs.advanceCursor('2026-03-10T10', c.etag);
      expect(moved).toEqual({ bucket: '2026-03-10T10', etag: expect.any(String) });
      expect(await s.jobs.advanceCursor('2026-03-10T11', c.etag)).toBeUndefined();
      expect(await s.jobs.readCursor()).toEqual(moved);
    });
  });
});
