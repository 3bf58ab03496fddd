import { describe, expect, it } from 'vitest';
import { agendaCard, minutesCard, minutesSummaryCard } from '../../src/features/agenda/cards';
import { errorCard, notAllowedCard } from '../../src/cards/common';
import { consentFormCard, consentListCard, consentRecordedCard, consentRefusalCard } from '../../src/features/consent/cards';
import { groupCard } from '../../src/features/groups/card';
import { helpCard } from '../../src/features/help/card';
import { languageCard } from '../../src/features/language/card';
import { meetingCard, meetingListCard, scheduleFormCard } from '../../src/features/meetings/cards';
import { CARD_KINDS, type CardKind } from '../../src/cards/render';
import { digestCard } from '../../src/features/digest/card';
import { reviewListCard, reviewReminderCard } from '../../src/features/reviews/cards';
import { concernCard } from '../../src/features/concern/card';
import { consentExpiryCard } from '../../src/features/consent/expiry';
import { riskPeriodCard } from '../../src/features/risk-periods';
import { contactsCard } from '../../src/features/contacts/card';
import { sipFormCard, sipListCard, sipPlanCard } from '../../src/features/sip/cards';
import { actionPlanCard } from '../../src/features/plans/cards';
import { indicatorsCard } from '../../src/features/indicators/cards';
import { raisedCard } from '../../src/features/raise/raise';
import { composeCard, postedCard } from '../../src/features/broadcast/cards';
import { surveyCard } from '../../src/features/survey/survey';
import { meetingPlace, userText, validTeamsJoinUrl } from '../../src/cards/user-text';
import type { Meeting } from '../../src/domain/meetings/meeting';
import type { Sip } from '../../src/domain/sip/sip';
import type { Task } from '../../src/domain/minutes/minutes';
import { loadOrganisation } from '../../src/domain/organisation';
import { reviewRow } from '../../src/domain/reviews/reviews';
import { buildReport, reportPeriod } from '../../src/domain/report/report';
import { reportCard } from '../../src/features/report/card';
import type { Locale } from '../../src/i18n';

/**
 * Issue 13, item 8: user text on cards is text. Every card kind, built by the
 * bot's own builders in both languages with a hostile Markdown link, image,
 * autolink and bare URL in each user-written field, shows none of them as a
 * link: no `](`, no `![`, no URL with a scheme (except the bot's own print
 * and calendar links), no user host with its dots, no user Markdown. Only a
 * meeting's valid Teams link becomes a button.
 */

/** Bot-made URLs the cards may show or open; nothing a user wrote. */
const BOT_URL = 'https://samverkan.test/';
/** The https link a convener sends with a broadcast (checked by validUrl before it is stored). */
const BROADCAST_LINK = 'https://example.se/rutin.pdf';
const TEAMS_JOIN = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ2%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';

/** A hostile value for one field: a link, an image, an autolink, bare URLs and emphasis, tagged with the field. */
const evil = (field: string) =>
  `[Logga in här](https://evil.example/${field}) ![x](https://img.evil.example/${field}.png) <https://angle.evil.example/${field}> ` +
  `https://bare.evil.example/${field} www.evil.example evil.example/${field} [ref]: https://ref.evil.example **b** _i_ ${field}`;

const as = <T>(v: unknown) => v as T;
const now = new Date('2026-11-22T10:00:00Z');

/** Plain strings where the domain types say CheckedText: these tests feed the builders hostile text on purpose. */
const meeting = (over: Record<string, unknown> = {}): Meeting =>
  as<Meeting>({
    id: 'samverkansgrupp.abcdefghij12',
    tenantId: 't',
    groupId: 'samverkansgrupp',
    start: '2026-12-10T12:00:00.000Z',
    end: '2026-12-10T13:30:00.000Z',
    timeZone: 'Europe/Stockholm',
    durationMinutes: 90,
    location: evil('location'),
    status: 'scheduled',
    sequence: 0,
    agendaStatus: 'draft',
    rsvp: { a: 'yes' },
    rsvpUserIds: ['29:a'],
    createdBy: 'x',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    reminded: {},
    ...over,
  });

const action = (id: string) => as<Task>({ id, what: evil(`what-${id}`), who: evil(`who-${id}`), due: '2026-11-15', meetingId: 'm0' });

const agenda = as<Parameters<typeof agendaCard>[2]>({
  tenantId: 't',
  groupId: 'samverkansgrupp',
  meetingId: 'm',
  status: 'draft',
  updatedAt: now.toISOString(),
  items: [
    { id: 'p1', kind: 'proposed', text: evil('item'), proposer: evil('proposer'), minutes: 10, createdAt: now.toISOString() },
    { id: 'c1', kind: 'case', text: evil('caseItem'), caseRef: 'SAM-7K2M9QXC', createdAt: now.toISOString() },
  ],
});

const minutes = as<Parameters<typeof minutesSummaryCard>[2]>({
  tenantId: 't',
  groupId: 'g',
  meetingId: 'm',
  status: 'final',
  attendees: [],
  guests: evil('guests'),
  notes: { p1: evil('note') },
  decisions: [evil('decision1'), evil('decision2')],
  actions: [action('a1')],
  sip: [
    {
      caseRef: 'SAM-7K2M9QXC',
      goal: evil('goal'),
      intervention: evil('intervention'),
      responsible: evil('responsible'),
      due: '2026-12-01',
      coordinator: evil('coordinator'),
    },
  ],
  closedActions: ['x'],
  updatedAt: now.toISOString(),
});

const org = (() => {
  const r = loadOrganisation('overenskommelse-2020');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
})();
const reviewRows = org.documents.slice(0, 2).map((d, i) => {
  const row = reviewRow(d, undefined, now, org.timeZone);
  return {
    ...row,
    document: { ...row.document, title: evil(`docTitle${i}`), decisionRef: evil(`decisionRef${i}`) },
    lastReviewed: '2026-01-01',
    ownerName: evil(`owner${i}`),
    canComplete: true,
  };
});

const consent = as<Parameters<typeof consentRecordedCard>[1]>({
  caseRef: 'SAM-7K2M9QXC',
  tenantId: 't',
  subject: { personnummer: 'h', name: 'h' },
  parties: ['guardian1'],
  form: 'written',
  documentRef: evil('documentRef'),
  scope: { groupIds: ['operativ'], agencies: [], informationCategories: evil('informationCategories'), exclusions: evil('exclusions') },
  purpose: evil('purpose'),
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  recordedBy: 'x',
  recordedAt: now.toISOString(),
});
const groupName = (id: string) => evil(`group-${id}`);

/** One or more cards of each kind, with hostile text in every field a user (or an organisation file) can write. */
const BUILDERS: Array<{ kind: CardKind; build: (l: Locale) => object; opens?: string }> = [
  {
    kind: 'help',
    build: (l) => helpCard(l, { entries: ['help', 'group', 'meetings'], roles: [evil('role1'), evil('role2')], quickActions: true }),
  },
  {
    kind: 'group',
    build: (l) =>
      groupCard(l, {
        title: evil('groupTitle'),
        subtitle: evil('groupSubtitle'),
        notice: evil('groupNotice'),
        facts: [{ title: evil('factTitle'), value: evil('factValue') }],
        status: { text: evil('status'), good: false },
        linkChoices: [
          { title: evil('linkChoice'), value: 'g1' },
          { title: 'B', value: 'g2' },
        ],
      }),
  },
  {
    kind: 'schedule-form',
    build: (l) =>
      scheduleFormCard(l, {
        groupChoices: [{ title: evil('groupChoice'), value: 'g1' }],
        cadenceText: 'minst 8 gånger per år',
        timeZone: 'Europe/Stockholm',
        values: { groupId: 'g1', date: '2026-12-10', location: evil('formLocation'), rrule: evil('rrule') },
        problems: [evil('problem')],
      }),
  },
  {
    kind: 'schedule-form',
    build: (l) =>
      scheduleFormCard(l, {
        groupChoices: [{ title: 'G', value: 'g1' }],
        cadenceText: 'x',
        timeZone: 'Europe/Stockholm',
        values: { groupId: 'g1', time: '13:00', durationMinutes: 60, location: evil('proposalLocation') },
        proposal: {
          groupName: evil('proposalGroup'),
          facts: [{ title: '2026-12-10', value: 'torsdag 13:00' }],
          notes: [evil('proposalNote')],
          datesText: evil('datesText'),
          count: 1,
        },
      }),
  },
  {
    kind: 'meeting',
    build: (l) => meetingCard(l, meeting(), { groupName: evil('meetingGroup'), level: 'tactical', now, notice: evil('meetingNotice') }),
  },
  {
    kind: 'meeting-list',
    build: (l) =>
      meetingListCard(
        l,
        [
          {
            groupId: 'g',
            name: evil('listGroup'),
            cadence: 'x',
            meetings: [meeting(), meeting({ location: `Sal 3 ${TEAMS_JOIN}` })],
            feedUrl: `${BOT_URL}calendar/abc.ics`,
          },
        ],
        evil('listNotice'),
      ),
  },
  {
    kind: 'agenda',
    build: (l) =>
      agendaCard(l, meeting(), agenda, {
        groupName: evil('agendaGroup'),
        level: 'operative',
        now,
        carried: [action('c1'), action('c2')],
        notice: evil('agendaNotice'),
        problem: evil('agendaProblem'),
        caseValidUntil: { 'SAM-7K2M9QXC': '2026-12-31' },
      }),
  },
  {
    kind: 'minutes',
    build: (l) =>
      minutesCard(l, meeting(), minutes, {
        groupName: evil('minutesGroup'),
        level: 'operative',
        members: [{ title: evil('member'), value: 'a' }],
        items: [{ id: 'p1', text: evil('minutesItem') }],
        carried: [action('k1')],
        caseRefs: ['SAM-7K2M9QXC'],
        problems: [evil('minutesProblem')],
        notice: evil('minutesNotice'),
        printUrl: `${BOT_URL}minutes/abc`,
      }),
  },
  {
    kind: 'minutes-summary',
    build: (l) =>
      minutesSummaryCard(l, meeting(), minutes, {
        groupName: evil('summaryGroup'),
        attendeeNames: [evil('attendee1'), evil('attendee2')],
        notice: evil('summaryNotice'),
        printUrl: `${BOT_URL}minutes/abc`,
      }),
  },
  { kind: 'review-list', build: (l) => reviewListCard(l, reviewRows, '2026-11-22', evil('reviewNotice')) },
  { kind: 'review-reminder', build: (l) => reviewReminderCard(l, reviewRows[0]!, '2026-11-22', { notice: evil('reminderNotice') }) },
  {
    kind: 'consent-form',
    build: (l) =>
      consentFormCard(l, {
        groups: [{ id: 'operativ', name: evil('formGroup') }],
        today: '2026-11-22',
        values: as({
          purpose: evil('purpose'),
          informationCategories: evil('cats'),
          exclusions: evil('excl'),
          documentRef: evil('docRef'),
          subjectName: evil('subject'),
        }),
        problems: { groupIds: ['groupMissing'] },
      }),
  },
  { kind: 'consent-recorded', build: (l) => consentRecordedCard(l, consent, groupName) },
  {
    kind: 'consent-list',
    build: (l) =>
      consentListCard(l, {
        rows: [{ consent, status: 'inForce', recordedByName: evil('recordedBy'), canWithdraw: true }],
        groupName,
        groupNames: [evil('listGroupName')],
        stats: [
          { groupName: evil('statsGroup'), counts: as({ refusal: 1, allowedUnderConsent: 2, consentRecorded: 3, consentWithdrawn: 0 }) },
        ],
        notice: { text: evil('consentNotice'), style: 'good' },
      }),
  },
  {
    kind: 'consent-refusal',
    build: (l) =>
      consentRefusalCard(l, {
        categories: ['personnummer'],
        reason: 'noConsent' as never,
        notice: { place: evil('place'), author: evil('author') },
      }),
  },
  {
    kind: 'digest',
    build: (l) =>
      digestCard(
        l,
        as({
          managerId: 'm',
          weekOf: '2026-11-23',
          reviews: [
            { documentId: 'd', title: evil('digestReview'), ownerGroupName: evil('digestOwner'), dueDate: '2024-07-04', status: 'expired' },
          ],
          groups: [
            {
              groupId: 'g',
              name: evil('digestGroup'),
              level: 'strategic',
              cadence: { held: 3, expectedSoFar: 3, expectedYear: 3, onTrack: true },
              coming: [],
              minutesMissing: 0,
              overdueActions: 0,
              consentsExpiring: 0,
              refusalsLastWeek: 0,
            },
          ],
        }),
        { week: 48, nextOf: () => 'tors 26 nov' },
      ),
  },
  { kind: 'not-allowed', build: (l) => notAllowedCard(l, 'notConvener', [evil('whoMay1'), evil('whoMay2')]) },
  { kind: 'error', build: (l) => errorCard(l, 'group.unknownGroup', { groupId: evil('groupId'), groups: evil('groups') }) },
  // The language card shows no user text; it is built here so that every kind is covered.
  { kind: 'language', build: (l) => languageCard(l, 'user') },
  {
    kind: 'risk-period',
    build: (l) =>
      riskPeriodCard(
        l,
        { id: 'valborg', name: evil('riskName'), rule: 'valborg', daysBefore: 14, groups: ['operativ'], checklist: [evil('riskItem')] },
        { date: '2027-04-30', today: '2027-04-16', groupName: evil('riskGroup') },
      ),
  },
  {
    kind: 'consent-expiry',
    build: (l) =>
      consentExpiryCard(l, as({ ...consent, validUntil: '2026-12-22', withdrawnAt: undefined }), {
        today: '2026-11-22',
        groupName: () => evil('expiryGroup'),
        recordedByName: evil('recorder'),
        notice: evil('expiryNotice'),
      }),
  },
  {
    kind: 'concern',
    build: (l) =>
      concernCard(
        l,
        {
          eServiceUrl: `${BOT_URL}e-tjanst`,
          phone: '08-000 00 00',
          officeHours: '08:00-16:30',
          onCallPhone: '08-000 00 01',
          onCallName: evil('onCall'),
        },
        false,
      ),
  },
  {
    kind: 'contacts',
    build: (l) =>
      contactsCard(l, {
        contacts: [
          {
            person: {
              id: 'p',
              displayName: evil('contactName'),
              role: evil('contactRole'),
              phone: '08-000 00 02',
              email: 'kurator@example.se',
            },
            agency: { id: 'a', name: evil('agency'), kind: 'school' },
            groups: [{ group: as({ id: 'g', name: evil('contactGroup') }), convener: true }],
          },
        ],
        query: evil('query'),
        offset: 0,
        reporting: { phone: '08-000 00 00', officeHours: '08:00-16:30', onCallPhone: '08-000 00 01', onCallName: evil('onCallName') },
        inOffice: false,
      }),
  },
  {
    kind: 'sip-list',
    build: (l) =>
      sipListCard(l, [{ sip: evilSip(), view: evilSipView() }], {
        groupNames: [evil('sipListGroup')],
        notice: evil('sipListNotice'),
        systemUrl: `${BOT_URL}sip-system`,
      }),
  },
  {
    kind: 'sip-form',
    build: (l) =>
      sipFormCard(l, {
        caseRef: 'SAM-7K2M9QXC',
        groupId: 'operativ',
        groupName: evil('sipFormGroup'),
        consentUntil: '2026-12-31',
        coveredAgencyNames: [evil('sipCovered')],
        agencies: [{ id: 'bup', name: evil('sipAgency') }],
        problems: [evil('sipProblem')],
      }),
  },
  {
    kind: 'sip-plan',
    build: (l) => sipPlanCard(l, evilSip(), evilSipView(), { notice: evil('sipNotice'), problems: [evil('sipPlanProblem')] }),
  },
  {
    kind: 'sip-plan',
    build: (l) => sipPlanCard(l, { ...evilSip(), status: 'closed', closedAt: '2026-11-22T10:00:00Z' }, evilSipView()),
  },
  {
    kind: 'action-plan',
    build: (l) =>
      actionPlanCard(
        l,
        org,
        [
          {
            document: { ...org.documents[0]!, id: 'handlingsplan', title: evil('planTitle') },
            canEdit: true,
            activities: [
              as({
                documentId: 'handlingsplan',
                id: 'a',
                what: evil('activity'),
                owner: 'styrgrupp',
                status: 'planned',
                due: '2026-01-01',
                decisionRef: evil('planDecision'),
                source: 'teams',
              }),
            ],
          },
        ],
        '2026-11-22',
        evil('planNotice'),
      ),
  },
  {
    kind: 'indicators',
    build: (l) =>
      indicatorsCard(
        l,
        org,
        [
          {
            indicator: {
              id: 'i',
              name: evil('indicatorName'),
              unit: evil('unit'),
              target: 1,
              better: 'higher',
              period: 'year',
              reportingGroup: 'styrgrupp',
            },
            points: [
              { period: '2025', value: 2, met: true },
              { period: '2026', value: 0, met: false },
            ],
            latest: { period: '2026', value: 0, met: false },
            direction: 'down',
            improving: false,
            canRecord: true,
          },
        ],
        '2026-11-22',
        evil('indicatorNotice'),
      ),
  },
  {
    kind: 'raised-items',
    build: (l) =>
      raisedCard(
        l,
        { organisation: { ...org, groups: org.groups.map((g) => ({ ...g, name: evil(`raiseGroup-${g.id}`) })) } },
        'referensgrupp',
        [
          {
            item: as({
              id: 'r-1',
              fromGroupId: 'referensgrupp',
              toGroupId: 'styrgrupp',
              text: evil('raisedText'),
              fromDate: '2026-11-20',
              toDate: '2026-12-10',
              toMeetingId: 'm',
            }),
            status: 'onAgenda',
          },
        ],
        { text: evil('raiseNotice'), ok: true },
      ),
  },
  {
    kind: 'broadcast',
    build: (l) => {
      const b = as<Parameters<typeof postedCard>[2]>({
        id: 'b-1',
        title: evil('broadcastTitle'),
        text: evil('broadcastText'),
        url: BROADCAST_LINK,
        groupIds: ['styrgrupp'],
        sentAt: '2026-11-20T08:00:00.000Z',
        sentBy: 'u',
      });
      const renamed = { ...org, groups: org.groups.map((g) => ({ ...g, name: evil(`broadcastGroup-${g.id}`) })) };
      const day = (iso: string) => iso.slice(0, 10);
      // The sender's compose card with a sent broadcast and its rates, and the posted card as its sender sees it after "Läst".
      return {
        type: 'AdaptiveCard',
        body: [
          ...(
            composeCard(l, renamed, [{ broadcast: b, rates: [{ groupId: 'styrgrupp', recipients: 5, read: 2 }] }], day, {
              text: evil('broadcastNotice'),
              ok: true,
            }) as { body: unknown[] }
          ).body,
          postedCard(l, renamed, b, day, {
            notice: evil('readNotice'),
            read: true,
            rates: [{ groupId: 'styrgrupp', recipients: 5, read: 2 }],
          }),
        ],
      };
    },
    // The link a convener sends is the point of a broadcast: an https URL (validUrl), opened by its own button, never shown as text.
    opens: BROADCAST_LINK,
  },
  {
    kind: 'survey',
    build: (l) =>
      surveyCard(
        l,
        { statements: [evil('statement1'), evil('statement2'), evil('statement3')] },
        {
          surveyId: '2026',
          token: 'tok',
          form: true,
          notice: { text: evil('surveyNotice'), ok: false },
        },
      ),
  },
  {
    kind: 'report',
    build: (l) =>
      reportCard(
        l,
        buildReport({
          organisation: { name: evil('organisationName'), timeZone: 'Europe/Stockholm', groups: [], documents: [] },
          period: reportPeriod(2026, false),
          now: new Date('2026-11-22T10:00:00Z'),
          meetings: new Map(),
          minutes: new Map(),
          tasks: new Map(),
          reviews: new Map(),
          audit: [],
          consentExpiries: [],
        }),
        `${BOT_URL}report/x.html`,
      ),
  },
];

/** A SIP whose plan holds hostile text in every field, for the SIP cards. */
function evilSip() {
  return as<Sip>({
    id: 'operativ.abcdefghij',
    tenantId: 't',
    groupId: 'operativ',
    caseRef: 'SAM-7K2M9QXC',
    status: 'planned',
    agencies: ['bup'],
    family: ['guardian1', 'child'],
    followUps: ['2026-10-01'],
    createdBy: 'u',
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    plan: {
      needs: evil('sipNeeds'),
      municipalityProvides: evil('sipMunicipality'),
      regionProvides: evil('sipRegion'),
      othersProvide: evil('sipOthers'),
      overallResponsibility: evil('sipResponsibility'),
      coordinator: evil('sipCoordinator'),
      participation: evil('sipParticipation'),
      followUpDate: '2027-01-15',
      plannedAt: '2026-11-01T10:00:00Z',
      plannedBy: 'u',
    },
  });
}
function evilSipView() {
  return {
    groupName: evil('sipGroup'),
    agencyNames: [evil('sipAgencyName')],
    meetingWhen: '2026-11-30 13:00',
    printUrl: `${BOT_URL}sip/abc.html`,
    systemUrl: `${BOT_URL}sip-system`,
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Every string a reader sees on a card: texts, titles, labels, placeholders, error messages, facts; not Input values or data. */
function displayed(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) displayed(n, out);
    return out;
  }
  if (!isObject(node)) return out;
  for (const key of ['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText'])
    if (typeof node[key] === 'string') out.push(node[key] as string);
  if (node.type === 'FactSet' && Array.isArray(node.facts))
    for (const f of node.facts) if (isObject(f) && typeof f.value === 'string') out.push(f.value);
  for (const [key, value] of Object.entries(node)) if (key !== 'data') displayed(value, out);
  return out;
}

/** Every URL a card opens. */
function opened(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => opened(n, out));
  else if (isObject(node)) {
    if (node.type === 'Action.OpenUrl') out.push(String(node.url));
    if (typeof node.selectAction === 'object') opened(node.selectAction, out);
    for (const value of Object.values(node)) opened(value, out);
  }
  return out;
}

function problemsOf(text: string): string[] {
  const bare = text.split(BOT_URL).join('');
  const out: string[] = [];
  if (bare.includes('](')) out.push('a Markdown link');
  if (bare.includes('![')) out.push('a Markdown image');
  if (/[a-z][a-z0-9+.-]*:\/\//i.test(bare)) out.push('a URL with a scheme');
  if (/<\s*[a-z][a-z0-9+.-]*:/i.test(bare)) out.push('an autolink');
  if (/evil[.\uFF0E\u3002\uFF61]example/i.test(bare)) out.push('a user host with its dots');
  if (/www\./i.test(bare)) out.push('a www. host');
  if (/\]:/.test(bare)) out.push('a link reference definition');
  if (bare.includes('**b**') || /(^|\W)_i_(\W|$)/.test(bare)) out.push('user Markdown emphasis');
  return out;
}

describe('user text on cards is text', () => {
  it('covers every card kind, and its check sees the hostile text as it was written', () => {
    expect(new Set(BUILDERS.map((b) => b.kind))).toEqual(new Set(CARD_KINDS));
    expect(problemsOf(evil('x'))).toEqual([
      'a Markdown link',
      'a Markdown image',
      'a URL with a scheme',
      'an autolink',
      'a user host with its dots',
      'a www. host',
      'a link reference definition',
      'user Markdown emphasis',
    ]);
  });

  for (const b of BUILDERS) {
    for (const locale of ['sv', 'en'] as const) {
      it(`${b.kind}.${locale}: no user link, image, URL or Markdown in displayed text`, () => {
        const card = b.build(locale);
        const texts = displayed(card);
        const problems = texts.flatMap((text) => problemsOf(text).map((p) => `${p}: ${JSON.stringify(text.slice(0, 160))}`));
        expect(problems).toEqual([]);
        for (const url of opened(card)) expect(url.startsWith(BOT_URL) || url === TEAMS_JOIN || url === b.opens, url).toBe(true);
        // The user's words are still there, as text (not on cards whose fields are all inputs or codes).
        if (!['consent-form', 'consent-refusal', 'language'].includes(b.kind)) expect(texts.join('\n')).toContain('Logga in här');
      });
    }
  }

  it("keeps the user's words and the builders' own Markdown", () => {
    const card = agendaCard('sv', meeting(), agenda, { groupName: 'Samverkansgrupp', level: 'operative', now });
    const lines = displayed(card).filter((t) => t.startsWith('**1.**'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Logga in här');
  });
});

describe("a meeting's Teams link", () => {
  const joinOf = (location: string, over: Record<string, unknown> = {}) => {
    const card = meetingCard('sv', meeting({ location, ...over }), { groupName: 'G', level: 'tactical', now });
    return { urls: opened(card), texts: displayed(card) };
  };

  it('is a button when it is a valid Teams meeting link, and the place reads as text', () => {
    for (const location of [
      TEAMS_JOIN,
      `Teams: ${TEAMS_JOIN}`,
      `[Anslut](${TEAMS_JOIN})`,
      'https://teams.microsoft.com/meet/2938475610?p=AbCdEf',
    ]) {
      const { urls, texts } = joinOf(location);
      expect(urls, location).toHaveLength(1);
      expect(validTeamsJoinUrl(urls[0]!), location).toBe(urls[0]);
      expect(texts.flatMap(problemsOf), location).toEqual([]);
      expect(texts.join('\n')).not.toContain('teams.microsoft.com');
    }
  });

  it('is no button on a cancelled or past meeting', () => {
    expect(joinOf(TEAMS_JOIN, { status: 'cancelled' }).urls).toEqual([]);
    expect(joinOf(TEAMS_JOIN, { start: '2026-11-01T12:00:00.000Z', end: '2026-11-01T13:00:00.000Z' }).urls).toEqual([]);
  });

  it('is dropped to text when it is anything but https://teams.microsoft.com/ with a join path', () => {
    for (const location of [
      'http://teams.microsoft.com/l/meetup-join/19%3ax/0',
      'https://teams.microsoft.com.evil.example/l/meetup-join/19%3ax/0',
      'https://teams.microsoft.com@evil.example/l/meetup-join/19%3ax/0',
      'https://teams.microsoft.com:8443/l/meetup-join/19%3ax/0',
      'https://evil.example/?next=https://teams.microsoft.com/l/meetup-join/19%3ax/0',
      'https://teams.microsoft.com/l/entity/x/y',
      'https://teams.microsoft.com/l/meetup-join/../../evil',
      'https://teams.microsoft.com/',
      '[Anslut](https://evil.example/teams.microsoft.com/l/meetup-join/x)',
      'https://teams.live.com/meet/123',
    ]) {
      const { urls, texts } = joinOf(location);
      expect(urls, location).toEqual([]);
      expect(texts.flatMap(problemsOf), location).toEqual([]);
    }
  });
});

describe('userText', () => {
  it.each([
    ['[Logga in här](https://evil.example/login)', 'Logga in här'],
    ['![x](https://evil.example/x.png)', 'x'],
    ['se https://evil.example/login', 'se evil . example/login'],
    ['<https://evil.example>', '\u2039evil . example>'],
    ['www.evil.example', 'www . evil . example'],
    ['evil.example', 'evil\u2024example'],
    ['x://https://evil.example', 'https\uA789evil . example'],
    ['ht\u200Btps://evil.example', 'evil . example'],
    ['[a [b](https://x.example)](https://y.example)', 'a b'],
    ['<javascript:alert(1)>', '\u2039javascript\uA789alert(1)>'],
    ['**fet** _kursiv_ file_name', '\u2217\u2217fet\u2217\u2217 \uFF3Fkursiv\uFF3F file_name'],
    ['- punkt\n1. ett', '\u2010 punkt\n1\u2024 ett'],
    ['&#91;a&#93;&#40;u&#41;', '\uFF06#91;a\uFF06#93;\uFF06#40;u\uFF06#41;'],
  ])('%j → %j', (input, expected) => {
    expect(userText(input)).toBe(expected);
  });

  it('leaves ordinary text as it reads', () => {
    for (const s of [
      'Rutin vid hög frånvaro',
      'Ks 2026/123 § 45',
      'kl. 13.00, 1.5 timmar',
      'SAM-7K2M9QXC',
      'Anna-Karin Öberg (Rektor)',
      '2026-12-10 13:00',
      'Kalle 👩‍👩‍👧 test',
      '[tid], <id>',
    ]) {
      expect(userText(s)).toBe(s);
    }
    // A dot that could end a host name looks the same but is no dot.
    expect(userText('t.ex. bl.a.')).toBe('t\u2024ex. bl\u2024a.');
  });

  it('is idempotent', () => {
    for (const b of ['help', 'location', 'x']) {
      const once = userText(evil(b));
      expect(userText(once)).toBe(once);
    }
  });

  it('reads a meeting place', () => {
    expect(meetingPlace(`Sal 3, ${TEAMS_JOIN}`)).toEqual({ text: 'Sal 3', joinUrl: TEAMS_JOIN });
    expect(meetingPlace(TEAMS_JOIN)).toEqual({ text: 'Microsoft Teams', joinUrl: TEAMS_JOIN });
    expect(meetingPlace('Kommunhuset')).toEqual({ text: 'Kommunhuset' });
    expect(meetingPlace(undefined)).toEqual({ text: '' });
  });
});
