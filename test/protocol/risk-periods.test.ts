import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findGroup } from '../../src/domain/organisation';
import { placeOnAgenda } from '../../src/features/risk-periods';
import { t as tr } from '../../src/i18n';
import { channelMessage, TENANT } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

/**
 * Risk periods (SPEC §10, issue 18 item 4): a group named by a risk period in
 * the organisation file gets the `risk-period` card in its channel
 * `daysBefore` days before, with the checklist; once, through
 * /api/jobs/run; and the next year's is planned when it goes.
 */

const TOKEN = 'test-admin-token-0123456789abcdef';
const CHANNEL = '19:channel-risk-operativ@thread.tacv2';
const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
let t: TestBot;

function orgFile(lines: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-risk-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: {
      SCHEDULER_TICK_MS: '0',
      ORG_CONFIG: orgFile([
        'extends: local-demo',
        // Scheduled posts go to the organisation's tenant.
        `tenantId: "${TENANT}"`,
        'riskPeriods:',
        '  - id: valborg',
        '    name: Valborg',
        '    rule: valborg',
        '    daysBefore: 14',
        '    groups: [operativ]',
        '    checklist: ["Fältgruppen planerar närvaro på kvällen", "Fritidsgården håller öppet längre"]',
        '  - id: lov',
        '    name: Sportlovet',
        '    dates: [2027-02-22]',
        '    daysBefore: 7',
        '    groups: [samverkansgrupp]',
      ]),
    },
  });
  // Linked as a convener does it, in the channel: the bot then has the conversation to post in.
  const linked = await t.post(channelMessage('grupp koppla operativ', { serviceUrl: t.emulator.url, channelId: CHANNEL, mention: true }));
  expect(linked.status).toBe(200);
});
afterAll(async () => t?.close());

async function run(now: Date): Promise<{ cards: SentActivity[]; summary: Record<string, number> }> {
  const mark = t.emulator.sent.length;
  const res = await fetch(`${t.bot.url}/api/jobs/run`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ job: 'reminders', now: now.toISOString() }),
  });
  expect(res.status).toBe(200);
  return {
    cards: t.emulator.sent.slice(mark).filter((a) => cardKind(a) === 'risk-period'),
    summary: (await res.json()) as Record<string, number>,
  };
}

describe('risk-period', () => {
  it('a group without a linked channel gets nothing (the dated period of the tactical group), and the run says so', async () => {
    const { cards, summary } = await run(new Date('2027-02-15T08:30:00.000Z'));
    expect(cards).toEqual([]);
    expect(summary.skipped).toBeGreaterThanOrEqual(1);
  });

  it('14 days before Valborg the operative channel gets the card with the checklist, once', async () => {
    // A meeting booked before Valborg: the checklist goes onto its agenda.
    clock.now = new Date('2027-04-10T08:00:00.000Z');
    const booked = await t.post(
      channelMessage('boka 2027-04-22 13:00 60', { serviceUrl: t.emulator.url, channelId: CHANNEL, mention: true }),
    );
    expect(booked.status).toBe(200);
    expect((await run(new Date('2027-04-15T12:00:00.000Z'))).cards).toEqual([]); // not yet
    const { cards } = await run(new Date('2027-04-16T08:30:00.000Z'));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.conversationId.startsWith(CHANNEL)).toBe(true);
    const card = cardOf(cards[0]!)!;
    expect(card.body[0].id).toBe('risk-period');
    const text = JSON.stringify(card);
    expect(text).toContain(tr('sv', 'riskPeriod.headline', { name: 'Valborg', days: 14 }));
    expect(text).toContain('2027-04-30');
    expect((card.body as Array<Record<string, any>>).find((b) => b.id === 'checklist')!.text).toBe(
      '- Fältgruppen planerar närvaro på kvällen\n- Fritidsgården håller öppet längre',
    );
    expect((card.body as Array<Record<string, any>>).find((b) => b.id === 'agendaLine')!.text).toBe(
      tr('sv', 'riskPeriod.onAgenda', { when: 'Torsdag 22 april 2027' }),
    );
    expect((await run(new Date('2027-04-16T09:30:00.000Z'))).cards).toEqual([]);
  });

  it('the checklist stands on the next meeting’s agenda, once a line, and the agenda card shows it', async () => {
    const [meeting] = await t.bot.services.meetings.listGroup(TENANT, 'operativ', { from: new Date('2027-04-16T00:00:00.000Z') });
    expect(meeting).toBeDefined();
    const items = async () =>
      ((await t.bot.services.agendas.get(TENANT, 'operativ', meeting!.id))?.items ?? []).filter((i) => i.id.startsWith('risk-valborg-'));
    expect((await items()).map((i) => i.text)).toEqual([
      'Valborg: Fältgruppen planerar närvaro på kvällen',
      'Valborg: Fritidsgården håller öppet längre',
    ]);
    // The job retried (or run again for the same day) adds nothing.
    const org = t.bot.services.organisation;
    const period = org.riskPeriods!.find((p) => p.id === 'valborg')!;
    clock.now = new Date('2027-04-17T08:00:00.000Z');
    const again = await placeOnAgenda(t.bot.services, period, '2027-04-30', findGroup(org, 'operativ')!);
    expect(again.meeting?.start).toBe(meeting!.start);
    expect(await items()).toHaveLength(2);
    // Visible on the agenda card in the channel.
    const mark = t.emulator.sent.length;
    await t.post(channelMessage('dagordning', { serviceUrl: t.emulator.url, channelId: CHANNEL, mention: true }));
    const agenda = t.emulator.sent.slice(mark).find((a) => cardKind(a) === 'agenda');
    expect(JSON.stringify(cardOf(agenda!))).toContain('Valborg: Fritidsgården håller öppet längre');
  });

  it('the next year is planned when the card goes', async () => {
    const { cards } = await run(new Date('2028-04-16T08:30:00.000Z'));
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cardOf(cards[0]!))).toContain('2028-04-30');
    // No meeting before that Valborg: the card says to book one, in the channel's language.
    expect(JSON.stringify(cardOf(cards[0]!))).toContain(tr('sv', 'riskPeriod.noMeeting', { date: '2028-04-30' }));
  });
});
