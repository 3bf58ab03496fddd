import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromStore } from '../../src/domain/consent/checked-text';
import type { Meeting } from '../../src/domain/meetings/meeting';
import { type AzuriteHandle, startAzurite } from '../../src/storage/azurite';
import { personalMessage, TENANT } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { requireBrowser } from '../support/browser';
import { cardKind, cardOf } from '../support/connector-emulator';
import { launchChromium } from './stack';

/**
 * The report to the boards as a board member's browser shows it: the bot on
 * its own Azurite, a seeded year for the demo's groups, `rapport 2026` in
 * personal chat, and the card's link opened in Chromium. The charts must be
 * drawn (SVG with size, bars in them), named for a screen reader by their
 * titles, and still there when the page is printed.
 */

const SHOT = path.resolve(__dirname, 'screenshots', 'report-page.png');

let azurite: AzuriteHandle;
let t: TestBot;
let browser: Browser;
let url = '';

beforeAll(async () => {
  mkdirSync(path.dirname(SHOT), { recursive: true });
  const executablePath = requireBrowser();
  azurite = await startAzurite();
  const now = new Date('2026-11-22T10:00:00.000Z');
  t = await startTestBot({ connectionString: azurite.connectionString, now: () => now, env: { SCHEDULER_TICK_MS: '0' } });
  const s = t.bot.services;
  for (const [gi, groupId] of ['styrgrupp', 'samverkansgrupp', 'operativ'].entries()) {
    for (let m = 1; m <= 10; m++) {
      if ((m + gi) % 4 === 0) continue;
      const start = new Date(Date.UTC(2026, m - 1, 10 + gi, 12));
      await s.meetings.create({
        id: `e2e-${groupId}-${m}`,
        tenantId: TENANT,
        groupId,
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_600_000).toISOString(),
        timeZone: 'Europe/Stockholm',
        durationMinutes: 60,
        status: 'scheduled',
        sequence: 0,
        agendaStatus: 'none',
        rsvp: {},
        rsvpUserIds: [],
        createdBy: 'seed',
        createdAt: start.toISOString(),
        updatedAt: start.toISOString(),
        reminded: {},
      } as Meeting);
    }
  }
  await s.minutes.update(TENANT, 'styrgrupp', 'e2e-styrgrupp-2', () => ({
    tenantId: TENANT,
    groupId: 'styrgrupp',
    meetingId: 'e2e-styrgrupp-2',
    status: 'final',
    attendees: ['alex'],
    guests: fromStore(''),
    notes: {},
    decisions: [fromStore('Handlingsplanen för 2026 antas')],
    actions: [],
    sip: [],
    closedActions: [],
    finalizedAt: '2026-02-10T14:00:00.000Z',
    updatedAt: '2026-02-10T14:00:00.000Z',
  }));
  for (let i = 0; i < 9; i++)
    await s.audit.append({
      time: new Date(Date.UTC(2026, i % 10, 5 + i, 8)),
      tenantId: TENANT,
      groupId: 'operativ',
      userId: 'u',
      event: 'refusal',
      categories: ['name'],
      onceKey: `e2e-r${i}`,
    });
  const mark = t.emulator.sent.length;
  expect((await t.post(personalMessage('rapport 2026', { serviceUrl: t.emulator.url }))).status).toBe(200);
  const card = t.emulator.sent.slice(mark).find((x) => cardKind(x) === 'report');
  url = (cardOf(card!) as { actions: Array<{ type: string; url: string }> }).actions.find((a) => a.type === 'Action.OpenUrl')!.url;
  browser = await launchChromium(executablePath);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await azurite?.stop();
});

describe('the printable report in Chromium', () => {
  it('draws its charts, named by their titles, on screen and in print', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'sv-SE' });
    const res = await page.goto(`${t.bot.url}${new URL(url).pathname}`);
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Samverkan – rapport till nämnderna 2026');
    for (const name of ['Möten hållna mot mötesplanen, per grupp', 'Meddelanden stoppade av samtyckesspärren per månad']) {
      const chart = page.getByRole('img', { name });
      await chart.waitFor({ state: 'visible' });
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(100);
    }
    // Bars: the cadence chart has one per group and kind (3 groups, held and planned), the refusals chart one per month.
    const bars = async (id: string) => page.locator(`#${id} svg .mark-rect path`).count();
    expect(await bars('chart-cadence')).toBe(6);
    expect(await bars('chart-refusals')).toBe(12);
    await page.screenshot({ path: SHOT, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('img', { name: 'Möten hållna mot mötesplanen, per grupp' }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
