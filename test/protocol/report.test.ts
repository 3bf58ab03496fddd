import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromStore } from '../../src/domain/consent/checked-text';
import type { Meeting } from '../../src/domain/meetings/meeting';
import { personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

/**
 * rapport / report over real HTTP against Azurite: the card for the
 * strategic group's conveners and managers in both languages, the refusal
 * for everyone else, the printable page with its charts, and the same link
 * for a resent command.
 */

const text = (x: unknown) => JSON.stringify(x ?? {});

/** The cards the bot sent in answer (a typing indicator or other activity without a card is left out). */
async function say(t: TestBot, activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark).filter((s) => cardKind(s) !== undefined);
}

const linkOf = (sent: SentActivity) => {
  const card = cardOf(sent) as { actions?: Array<{ type: string; url?: string }> };
  return card.actions?.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
};

describe('rapport / report in the demo organisation', () => {
  const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
    const s = t.bot.services;
    // A year of the styrgrupp: monthly from January, the March one cancelled; final minutes with a decision in February.
    for (let m = 1; m <= 10; m++) {
      const start = new Date(Date.UTC(2026, m - 1, 12, 12));
      const meeting = {
        id: `rapport-m${m}`,
        tenantId: TENANT,
        groupId: 'styrgrupp',
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_600_000).toISOString(),
        timeZone: 'Europe/Stockholm',
        durationMinutes: 60,
        status: m === 3 ? 'cancelled' : 'scheduled',
        sequence: 0,
        agendaStatus: 'none',
        rsvp: {},
        rsvpUserIds: [],
        createdBy: 'seed',
        createdAt: start.toISOString(),
        updatedAt: start.toISOString(),
        reminded: {},
      } as Meeting;
      await s.meetings.create(meeting);
    }
    await s.minutes.update(TENANT, 'styrgrupp', 'rapport-m2', () => ({
      tenantId: TENANT,
      groupId: 'styrgrupp',
      meetingId: 'rapport-m2',
      status: 'final',
      attendees: ['alex'],
      guests: fromStore(''),
      notes: {},
      decisions: [fromStore('Handlingsplanen för 2026 antas')],
      actions: [],
      sip: [],
      closedActions: [],
      finalizedAt: '2026-02-12T14:00:00.000Z',
      updatedAt: '2026-02-12T14:00:00.000Z',
    }));
    // Two values of the demo's term indicator, entered out of order, under the organisation file's tenant (none: '').
    for (const [period, value] of [
      ['2026-VT', 1],
      ['2025-HT', 2],
    ] as const)
      await s.indicators.record('', {
        indicatorId: 'gemensam-fortbildning',
        period,
        value,
        recordedAt: '2026-06-01T08:00:00.000Z',
        recordedBy: 'x',
      });
    for (const [i, time] of ['2026-04-03T08:00:00.000Z', '2026-04-20T08:00:00.000Z', '2026-10-01T08:00:00.000Z'].entries())
      await s.audit.append({
        time: new Date(time),
        tenantId: TENANT,
        groupId: 'operativ',
        userId: 'u',
        event: 'refusal',
        categories: ['name'],
        onceKey: `r${i}`,
      });
  });
  afterAll(async () => t?.close());

  it('gives Alex (strategic convener, manager) the report card in Swedish, with the link to the printable page', async () => {
    const sent = await say(t, personalMessage('rapport 2026', { serviceUrl: t.emulator.url }));
    expect(sent.map(cardKind)).toEqual(['report']);
    const card = text(cardOf(sent[0]!));
    expect(card).toContain('Rapport till nämnderna 2026');
    // The styrgrupp held 9 (one cancelled); the three groups' cadences ask for 58 by 22 November.
    expect(card).toContain('Möten hållna: 9 av 58');
    expect(card).toContain('Stoppade av samtyckesspärren: 3');
    expect(linkOf(sent[0]!)).toMatch(/\/report\/[A-Za-z0-9_-]{43}\.html$/);
  });

  it('the printable page has the sections, the charts as SVG with titles, and the print stylesheet; no person in it', async () => {
    const sent = await say(t, personalMessage('rapport 2026', { serviceUrl: t.emulator.url }));
    const res = await fetch(`${t.bot.url}${new URL(linkOf(sent[0]!)).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = await res.text();
    const svgs = html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
    for (const svg of svgs) expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
    expect(html).toContain('Möten hållna mot mötesplanen, per grupp');
    expect(html).toContain('Meddelanden stoppade av samtyckesspärren per månad');
    expect(html).toContain('Handlingsplanen för 2026 antas');
    expect(html).toContain('@media print');
    // The demo's handlingsplan: three activities from the file, none done; the indicator's trend as a third chart, in time order.
    expect(html).toMatch(/Handlingsplan till riktlinjen för samverkan<\/th><td>0 klara av 3, \d+ försenade/);
    expect(svgs).toHaveLength(3);
    expect(svgs[2]).toContain('Gemensamma fortbildningsdagar för skola och socialtjänst över tid');
    expect(svgs[2]).toContain('2025-HT: 2 dagar, 2026-VT: 1 dagar; mål 2');
    for (const name of ['Alex Wilber', 'Megan Bowen', 'Adele Vance', 'Isaiah Langer', USERS.alex.aadObjectId])
      expect(html).not.toContain(name);
  });

  it('a resent command gives the same card and link', async () => {
    const activity = personalMessage('rapport 2026 delår', { serviceUrl: t.emulator.url });
    const first = await say(t, activity);
    const again = await say(t, activity);
    expect(linkOf(first[0]!)).toBe(linkOf(again[0]!));
    expect(text(cardOf(again[0]!))).toBe(text(cardOf(first[0]!)));
  });

  it('in English: report 2026 interim, the page in English', async () => {
    const sent = await say(t, personalMessage('report 2026 interim', { serviceUrl: t.emulator.url, locale: 'en-US' }));
    expect(cardKind(sent[0]!)).toBe('report');
    expect(text(cardOf(sent[0]!))).toContain('Report to the boards interim 2026 (January–August)');
    const url = new URL(linkOf(sent[0]!));
    expect(url.search).toBe('?lang=en');
    const html = await (await fetch(`${t.bot.url}${url.pathname}${url.search}`)).text();
    expect(html).toContain('Meetings held against the cadence, per group');
    expect(html).toContain('<html lang="en">');
  });

  it('refuses everyone else, in their language, saying who may', async () => {
    for (const [user, locale, word] of [
      [USERS.megan, 'sv-SE', 'rapport 2026'],
      [USERS.adele, 'en-US', 'report 2026'],
      [USERS.isaiah, 'sv-SE', 'rapport 2026 delår'],
    ] as const) {
      const sent = await say(t, personalMessage(word, { serviceUrl: t.emulator.url, user, locale }));
      expect(cardKind(sent[0]!)).toBe('not-allowed');
      const card = text(cardOf(sent[0]!));
      expect(card).toContain(locale === 'sv-SE' ? 'styrgruppens sammankallande och chefer' : "steering group's conveners and managers");
      expect(card).toContain('Alex Wilber');
      expect(card).not.toContain('/report/');
    }
  });

  it('explains how to write it: no year, a year to come', async () => {
    for (const word of ['rapport', 'rapport 2031', 'rapport 2026 helår']) {
      const sent = await say(t, personalMessage(word, { serviceUrl: t.emulator.url }));
      expect(cardKind(sent[0]!)).toBe('error');
      expect(text(cardOf(sent[0]!))).toContain('rapport 2026 delår');
    }
  });

  it('a wrong or malformed token gets 404', async () => {
    expect((await fetch(`${t.bot.url}/report/${'y'.repeat(43)}.html`)).status).toBe(404);
    expect((await fetch(`${t.bot.url}/report/short.html`)).status).toBe(404);
  });
});
