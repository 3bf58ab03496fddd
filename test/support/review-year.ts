import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { loadOrganisation, PRESET_NAMES } from '../../src/domain/organisation';
import { personalMessage, USERS } from './activities';
import { startTestBot, type TestBot } from './bot-harness';
import { cardKind, cardOf, type SentActivity } from './connector-emulator';

/**
 * A year of review reminders for one preset's documents, fired through
 * /api/jobs/run a week at a time (test/protocol/reviews-year-*.test.ts: the
 * six presets in three files, so the suite's workers run them side by side).
 */

export const text = (x: unknown) => JSON.stringify(x ?? {});
export const ALEX_CHAT = `a:personal-${USERS.alex.id}`;

/** Posts an activity (200 expected) and answers what the bot sent meanwhile. */
export async function say(t: TestBot, activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}
/** Runs a scheduler job through /api/jobs/run with the admin token at `now`. */
export function runJobs(t: TestBot, job: string, now: Date) {
  return t.runJobSummary(job, now);
}

/** The presets of one file; together the files must name every preset (reviews-year-a checks it). */
export const REVIEW_YEAR_FILES: Record<string, string[]> = {
  a: ['essunga', 'gnesta'],
  b: ['lekeberg', 'oxelosund'],
  c: ['overenskommelse-2020', 'local-demo'],
};

export function everyPresetInAFile(): void {
  it('every preset has its year in one of the files', () => {
    expect(Object.values(REVIEW_YEAR_FILES).flat().sort()).toEqual([...PRESET_NAMES].sort());
  });
}

export function reviewYear(preset: string): void {
  it(`${preset}: reminders 60, 30 and 7 days before and weekly while overdue, to the owning group's conveners`, async () => {
    const loaded = loadOrganisation(preset);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const org = loaded.organisation;
    const owners = [...new Set(org.documents.map((d) => d.ownerGroup))];
    const hasAlex = org.people.some((p) => p.aadObjectId === USERS.alex.aadObjectId);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-org-'));
    const file = path.join(dir, 'org.yaml');
    writeFileSync(
      file,
      [
        `extends: ${preset}`,
        ...(hasAlex
          ? []
          : [
              'addPeople:',
              `  - { id: alex.test, displayName: Alex Wilber, aadObjectId: ${USERS.alex.aadObjectId}, role: Sammankallande (test) }`,
            ]),
        'updateGroups:',
        ...owners.map((g) => `  ${g}: { addConveners: [${hasAlex ? 'alex.wilber' : 'alex.test'}] }`),
      ].join('\n'),
    );
    const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
    const t = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      now: () => clock.now,
      env: { ORG_CONFIG: file, SCHEDULER_TICK_MS: '0' },
    });
    try {
      await say(t, personalMessage('hjälp', { serviceUrl: t.emulator.url }));
      const mark = t.emulator.sent.length;
      // A year, a week at a time (the bot's clock moves with it).
      const start = clock.now.getTime();
      for (let week = 0; week <= 52; week++) {
        clock.now = new Date(start + week * 7 * 86_400_000);
        await runJobs(t, 'tick', clock.now);
      }
      const reminders = t.emulator.sent.slice(mark).filter((a) => a.conversationId === ALEX_CHAT && cardKind(a) === 'review-reminder');
      const byDoc = new Map<string, string[]>();
      for (const r of reminders) {
        const card = cardOf(r)!;
        const id = /"documentId":"([^"]+)"/.exec(text(card))![1]!;
        byDoc.set(id, [...(byDoc.get(id) ?? []), card.body[0].columns[1].items[0].text as string]);
      }
      // Every document with a date within the year gets its reminders; none is reminded without one.
      const rows = text(cardOf((await say(t, personalMessage('översyn', { serviceUrl: t.emulator.url })))[0]!));
      for (const doc of org.documents) {
        const got = byDoc.get(doc.id) ?? [];
        const cycle = doc.reviewCycle;
        if (cycle.kind === 'untilFurtherNotice' && !cycle.nudgeMonths && !doc.reviewRequested) {
          expect(got, `${preset}/${doc.id}`).toEqual([]);
          continue;
        }
        if (cycle.kind === 'yearly' || cycle.kind === 'schoolYear') {
          // A yearly cycle comes round within the year: warnings as the date nears (their days counted when they
          // are sent), then, as nobody records the review here, weekly while overdue.
          const before = got.filter((h) => /^Översyn om \d+ dagar$/.test(h)).map((h) => Number(/\d+/.exec(h)![0]));
          expect(before.length, `${preset}/${doc.id}: ${got.join(' | ')}`).toBeGreaterThanOrEqual(2);
          expect(before.slice(0, 3)).toEqual([...before.slice(0, 3)].sort((a, b) => b - a));
          expect(Math.min(...before)).toBeLessThanOrEqual(7);
          if (doc.lastReviewed || doc.decidedOn || doc.validFrom || doc.reviews?.length)
            expect(got, `${preset}/${doc.id}`).toContain('Översynen är försenad');
          // Never reviewed at all, the cycle rolls on to next year's date (and is never "overdue").
          else expect(before.length, `${preset}/${doc.id}: ${got.join(' | ')}`).toBeGreaterThanOrEqual(3);
        }
        if (cycle.kind === 'fixedValidity' && doc.validUntil && doc.validUntil < '2026-11-22') {
          // The expired agreement (001) and plan (003): due for renewal, reminded every week.
          expect(got.length, `${preset}/${doc.id}`).toBeGreaterThanOrEqual(50);
          expect(got.every((h) => h === 'Dokumentets giltighet har gått ut')).toBe(true);
        }
        // Never more than once a week for one document.
        expect(got.length, `${preset}/${doc.id}`).toBeLessThanOrEqual(56);
      }
      expect(rows).toContain('review-list');
    } finally {
      await t.close();
    }
  }, 120_000);
}
