import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf } from '../support/connector-emulator';
import { checked } from '../support/checked';
import { ALEX_CHAT, runJobs, say, text } from '../support/review-year';

/**
 * Reviews and the digest over real HTTP: the review list by role, recording a
 * review, the reminders of every preset's documents fired through
 * /api/jobs/run across a year, and the digest on demand in both languages.
 */

async function invoke(t: TestBot, verb: string, data: Record<string, string>, user: TestUser = USERS.alex, locale = 'sv-SE') {
  const res = await t.post(actionExecute(verb, data, { serviceUrl: t.emulator.url, user, locale }));
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}

describe('översyn / review and sammanfattning / digest in the demo organisation', () => {
  const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
  });
  afterAll(async () => t?.close());

  it('lists the documents a convener is responsible for, most urgent first, with status and next date', async () => {
    const sent = await say(t, personalMessage('översyn', { serviceUrl: t.emulator.url }));
    expect(cardKind(sent[0]!)).toBe('review-list');
    const card = text(cardOf(sent[0]!));
    expect(card).toContain('Riktlinje');
    // Decided 2024-12-04, nudged every 24 months: due 2026-12-04, twelve days ahead.
    expect(card).toContain('2026-12-04 (om 12 dagar)');
    expect(card).toContain('Snart dags');
    expect(card).toContain('"verb":"review.complete"');
  });

  it('refuses people who neither convene the owning group nor manage', async () => {
    for (const user of [USERS.adele, USERS.isaiah]) {
      const sent = await say(t, personalMessage('review', { serviceUrl: t.emulator.url, user, locale: 'en-US' }));
      expect(cardKind(sent[0]!)).toBe('not-allowed');
    }
  });

  it('review.complete records the review and moves the next date on; bad dates are explained', async () => {
    const docId = /"documentId":"([^"]+)"/.exec(
      text(cardOf((await say(t, personalMessage('översyn', { serviceUrl: t.emulator.url })))[0]!)),
    )![1]!;
    const future = await invoke(t, 'review.complete', { documentId: docId, [`date_${docId}`]: '2026-12-01', [`decisionRef_${docId}`]: '' });
    expect(text(future)).toContain('Datumet kan inte ligga i framtiden.');
    const bad = await invoke(t, 'review.complete', { documentId: docId, date: '2026-02-30', decisionRef: '' });
    expect(text(bad)).toContain('2026-02-30 är inget datum');
    const done = await invoke(t, 'review.complete', {
      documentId: docId,
      [`date_${docId}`]: '2026-11-20',
      [`decisionRef_${docId}`]: 'Ks 2026/101 § 12',
    });
    expect(done.body[0].id).toBe('review-list');
    expect(text(done)).toContain('Nästa översyn: 2028-11-20.');
    expect(text(done)).toContain('I ordning');
    // The decision just recorded is the one the list shows, with its date; the adopting decision is gone from it.
    expect(text(done)).toContain('Ks 2026/101 § 12 (2026-11-20)');
    expect(text(done)).not.toContain('Ks 2024/393');
    expect((await invoke(t, 'review.complete', { documentId: docId, date: '2026-11-20', decisionRef: 'x' }, USERS.adele)).body[0].id).toBe(
      'not-allowed',
    );
  });

  it('sammanfattning gives a manager the digest, in Swedish and English; others are refused', async () => {
    await say(t, personalMessage('grupp', { serviceUrl: t.emulator.url }));
    const sv = await say(t, personalMessage('sammanfattning', { serviceUrl: t.emulator.url }));
    expect(cardKind(sv[0]!)).toBe('digest');
    const card = text(cardOf(sv[0]!));
    expect(card).toContain('Samverkan – veckans läge');
    for (const g of ['Styrgrupp', 'Samverkansgrupp', 'Operativ grupp']) expect(card).toContain(g);
    expect(card).toContain('"verb":"digest.open"');
    const en = await say(t, personalMessage('digest', { serviceUrl: t.emulator.url, locale: 'en-US' }));
    expect(text(cardOf(en[0]!))).toContain('Collaboration – this week');
    const refused = await say(t, personalMessage('digest', { serviceUrl: t.emulator.url, user: USERS.megan }));
    expect(cardKind(refused[0]!)).toBe('not-allowed');
  });

  it("the documents and the meetings opened from the digest's buttons lead back to the digest", async () => {
    for (const [view, kind] of [
      ['reviews', 'review-list'],
      ['meetings', 'meeting-list'],
    ] as const) {
      const opened = await invoke(t, 'digest.open', { view });
      expect(opened.body[0].id).toBe(kind);
      const back = opened.actions.at(-1);
      expect(back).toMatchObject({
        type: 'Action.Execute',
        verb: 'digest.open',
        title: 'Tillbaka till sammanfattningen',
        data: { view: 'digest' },
      });
      expect((await invoke(t, back.verb, back.data)).body[0].id).toBe('digest');
    }
    const en = await invoke(t, 'digest.open', { view: 'reviews' }, USERS.alex, 'en-US');
    expect(en.actions.at(-1).title).toBe('Back to the digest');
  });
});

describe("the digest's content for a seeded organisation", () => {
  it('counts what needs attention, in Swedish and English, without names or case references', async () => {
    const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
    const t = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      now: () => clock.now,
      env: { SCHEDULER_TICK_MS: '0' },
    });
    try {
      const s = t.bot.services;
      const base = {
        tenantId: TENANT,
        timeZone: 'Europe/Stockholm',
        durationMinutes: 60,
        status: 'scheduled' as const,
        sequence: 0,
        agendaStatus: 'none' as const,
        rsvp: {},
        rsvpUserIds: [],
        createdBy: 'x',
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        reminded: {},
      };
      // Held on 2 November without final minutes; held on 12 November with final minutes; coming on 26 November.
      await s.meetings.create({
        ...base,
        id: 'samverkansgrupp.aaaaaaaaaa01',
        groupId: 'samverkansgrupp',
        start: '2026-11-02T12:00:00.000Z',
        end: '2026-11-02T13:00:00.000Z',
      });
      await s.meetings.create({
        ...base,
        id: 'samverkansgrupp.aaaaaaaaaa02',
        groupId: 'samverkansgrupp',
        start: '2026-11-12T12:00:00.000Z',
        end: '2026-11-12T13:00:00.000Z',
      });
      await s.minutes.update(TENANT, 'samverkansgrupp', 'samverkansgrupp.aaaaaaaaaa02', () => ({
        tenantId: TENANT,
        groupId: 'samverkansgrupp',
        meetingId: 'samverkansgrupp.aaaaaaaaaa02',
        status: 'final',
        attendees: [],
        guests: checked(''),
        notes: {},
        decisions: [],
        actions: [],
        sip: [],
        closedActions: [],
        updatedAt: '2026-11-12T15:00:00.000Z',
      }));
      await s.meetings.create({
        ...base,
        id: 'styrgrupp.aaaaaaaaaa03',
        groupId: 'styrgrupp',
        start: '2026-11-26T08:00:00.000Z',
        end: '2026-11-26T09:00:00.000Z',
      });
      await s.minutes.saveActions(TENANT, 'samverkansgrupp', [
        {
          id: 'a-1',
          what: checked('Uppdatera rutinen'),
          who: checked('Alex Wilber'),
          due: '2026-11-15',
          meetingId: 'samverkansgrupp.aaaaaaaaaa02',
        },
        {
          id: 'a-2',
          what: checked('Bjud in BUP'),
          who: checked('Adele Vance'),
          due: '2026-12-15',
          meetingId: 'samverkansgrupp.aaaaaaaaaa02',
        },
      ]);
      const consent = {
        tenantId: TENANT,
        subject: { personnummer: 'hash' },
        parties: ['guardian1' as const],
        form: 'written' as const,
        documentRef: checked('D'),
        scope: { groupIds: ['operativ'], agencies: [], informationCategories: checked(''), exclusions: checked('') },
        purpose: checked('SIP'),
        validFrom: '2026-01-01',
        recordedBy: 'x',
        recordedAt: '2026-01-01T00:00:00.000Z',
      };
      await s.consents.record({ ...consent, caseRef: 'SAM-AAAA1111', validUntil: '2026-12-10' });
      await s.consents.record({ ...consent, caseRef: 'SAM-BBBB2222', validUntil: '2027-06-30' });
      await s.audit.append({
        time: new Date('2026-11-20T10:00:00.000Z'),
        tenantId: TENANT,
        event: 'refusal',
        groupId: 'operativ',
        userId: 'x',
        categories: ['personnummer'],
      });

      // Rows written straight to the tables, as before the digest's figures were kept: the one-off backfill counts them.
      await s.figures.backfill(
        TENANT,
        s.organisation.groups.map((g) => g.id),
        clock.now,
      );
      const sv = text(cardOf((await say(t, personalMessage('sammanfattning', { serviceUrl: t.emulator.url })))[0]!));
      for (const line of [
        'Möten utan justerat protokoll: 1',
        'Försenade åtgärder: 1',
        'Styrdokument att se över inom 60 dagar: 1',
        'Samtycken som går ut inom 30 dagar: 1',
        'Stoppade av samtyckesspärren de senaste 7 dagarna: 1',
        'Möten de kommande två veckorna: 1',
      ])
        expect(sv).toContain(line);
      expect(sv).toContain('Behöver uppmärksamhet');
      expect(sv).not.toContain('SAM-');
      expect(sv).not.toContain('Uppdatera rutinen');
      const en = text(cardOf((await say(t, personalMessage('digest', { serviceUrl: t.emulator.url, locale: 'en-US' })))[0]!));
      for (const line of ['Meetings without final minutes: 1', 'Overdue actions: 1', 'Consents expiring within 30 days: 1'])
        expect(en).toContain(line);
    } finally {
      await t.close();
    }
  }, 180_000);
});

describe('review reminders, recorded', () => {
  it('recording the review stops the overdue reminders and the next date follows the cycle', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-org-'));
    const file = path.join(dir, 'org.yaml');
    writeFileSync(
      file,
      `extends: overenskommelse-2020\naddPeople:\n  - { id: alex.test, displayName: Alex Wilber, aadObjectId: ${USERS.alex.aadObjectId}, role: Test }\nupdateGroups:\n  styrgrupp: { addConveners: [alex.test] }\n`,
    );
    const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
    const t = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      now: () => clock.now,
      env: { ORG_CONFIG: file, SCHEDULER_TICK_MS: '0' },
    });
    try {
      await say(t, personalMessage('hjälp', { serviceUrl: t.emulator.url }));
      const count = (from: number) =>
        t.emulator.sent
          .slice(from)
          .filter((a) => a.conversationId === ALEX_CHAT && text(cardOf(a)).includes('"documentId":"overenskommelse-2020-2024"')).length;
      let mark = t.emulator.sent.length;
      const start = clock.now.getTime();
      for (let week = 0; week < 3; week++) {
        clock.now = new Date(start + week * 7 * 86_400_000);
        await runJobs(t, 'tick', clock.now);
      }
      expect(count(mark)).toBeGreaterThanOrEqual(2);
      clock.now = new Date('2026-12-10T10:00:00.000Z');
      const done = await invoke(t, 'review.complete', {
        documentId: 'overenskommelse-2020-2024',
        date: '2026-12-09',
        decisionRef: 'BUN 2026/12, SN 2026/30',
      });
      expect(done.body[0].id).toBe('review-reminder');
      expect(text(done)).toContain('Översynen av');
      mark = t.emulator.sent.length;
      const after = clock.now.getTime();
      for (let week = 0; week < 8; week++) {
        clock.now = new Date(after + week * 7 * 86_400_000);
        await runJobs(t, 'tick', clock.now);
      }
      expect(count(mark)).toBe(0);
    } finally {
      await t.close();
    }
  }, 180_000);
});
