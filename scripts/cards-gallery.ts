import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { requireBrowser } from '../test/support/browser';
import { agendaCard, minutesCard, minutesSummaryCard } from '../src/features/agenda/cards';
import { errorCard, notAllowedCard } from '../src/cards/common';
import { groupCard } from '../src/features/groups/card';
import { helpCard } from '../src/features/help/card';
import { languageCard } from '../src/features/language/card';
import { meetingCard, meetingListCard, scheduleFormCard } from '../src/features/meetings/cards';
import { consentFormCard, consentListCard, consentRecordedCard, consentRefusalCard } from '../src/features/consent/cards';
import { digestCard } from '../src/features/digest/card';
import { buildReport, reportPeriod } from '../src/domain/report/report';
import { reportCard } from '../src/features/report/card';
import { reviewListCard, reviewReminderCard } from '../src/features/reviews/cards';
import { actionPlanCard } from '../src/features/plans/cards';
import { plansOf } from '../src/domain/plans/plans';
import { indicatorsCard } from '../src/features/indicators/cards';
import { trendsOf } from '../src/domain/indicators/indicators';
import { raisedCard } from '../src/features/raise/raise';
import { PERSONAL_ROW } from '../src/domain/broadcast/broadcast';
import { composeCard, postedCard } from '../src/features/broadcast/cards';
import { surveyCard } from '../src/features/survey/survey';
import { concernCard } from '../src/features/concern/card';
import { consentExpiryCard } from '../src/features/consent/expiry';
import { riskPeriodCard } from '../src/features/risk-periods';
import { contactsCard } from '../src/features/contacts/card';
import { findContacts } from '../src/domain/contacts/contacts';
import { newAgenda, propose } from '../src/domain/agenda/agenda';
import type { Meeting } from '../src/domain/meetings/meeting';
import { loadOrganisation } from '../src/domain/organisation';
import { reviewRow } from '../src/domain/reviews/reviews';
import type { Locale } from '../src/i18n';
import { sipFormCard, sipListCard, sipPlanCard } from '../src/features/sip/cards';
import type { Sip } from '../src/domain/sip/sip';
import { configuredText as checked, type Consent } from '../src/domain/consent';

/**
 * `npm run cards:gallery`: every card the bot sends, filled with sample data
 * in both languages by the same builders the bot uses, rendered with the
 * `adaptivecards` renderer in Chromium (CHROMIUM_PATH, else the usual install
 * paths: test/support/browser.ts) under a Teams-like host config, and
 * written as PNGs to build/cards-gallery/ with an index.html.
 */

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'cards-gallery');
const DOCS = path.join(ROOT, 'adaptive-cards', 'gallery');
const now = new Date('2026-11-22T10:00:00Z');

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'samverkansgrupp.abcdefghij12',
  tenantId: 't',
  groupId: 'samverkansgrupp',
  start: '2026-12-10T12:00:00.000Z',
  end: '2026-12-10T13:30:00.000Z',
  timeZone: 'Europe/Stockholm',
  durationMinutes: 90,
  location: checked('Kommunhuset, sal 3'),
  status: 'scheduled',
  sequence: 0,
  agendaStatus: 'draft',
  rsvp: { a: 'yes', b: 'yes', c: 'yes', d: 'maybe', e: 'no' },
  rsvpUserIds: ['29:a'],
  createdBy: 'x',
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  reminded: {},
  ...over,
});

function sampleAgenda() {
  let a = newAgenda({ tenantId: 't', groupId: 'samverkansgrupp', meetingId: meeting().id, level: 'tactical', now });
  for (const [i, text, who, minutes] of [
    [1, 'Rutin vid hög frånvaro', 'Adele Vance', 15],
    [2, 'Kompetensdag i mars', 'Megan Bowen', 10],
  ] as const) {
    const r = propose(a, { id: `p${i}`, kind: 'proposed', text: checked(text), proposer: who, minutes }, now);
    if (r.ok) a = r.agenda;
  }
  return a;
}

const org = (() => {
  const r = loadOrganisation('overenskommelse-2020');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
})();
const reviewRows = org.documents.map((d) => ({
  ...reviewRow(d, undefined, now, org.timeZone),
  ownerName: org.groups.find((g) => g.id === d.ownerGroup)?.name ?? d.ownerGroup,
  canComplete: true,
}));
const carried = [
  { id: 'a-1', what: checked('Uppdatera rutinen för orosanmälan'), who: checked('Alex Wilber'), due: '2026-11-15', meetingId: 'm0' },
  { id: 'a-2', what: checked('Bjuda in BUP till nästa möte'), who: checked('Adele Vance'), due: '2026-12-15', meetingId: 'm0' },
];

/** A made-up consent: a case reference, scope and dates only; the subject is two placeholder hashes, never a child. */
const consent = (over: Partial<Consent> = {}): Consent => ({
  caseRef: 'SAM-7K3M9Q2X',
  tenantId: 't',
  subject: { personnummer: 'hash-of-personnummer', name: 'hash-of-name' },
  parties: ['guardian1', 'guardian2'],
  form: 'written',
  documentRef: checked('Dnr SN 2026/14'),
  scope: { groupIds: ['operativ'], agencies: [], informationCategories: checked('Skolgång, hälsa'), exclusions: checked('') },
  purpose: checked('Samordning kring skolgång och stöd'),
  validFrom: '2026-11-02',
  validUntil: '2027-06-30',
  recordedBy: 'x',
  recordedAt: '2026-11-02T09:12:00.000Z',
  ...over,
});
const groupName = (id: string) => (id === 'operativ' ? 'Operativ grupp' : id);

const consentSamples: Array<{ name: string; build: (locale: Locale) => object }> = [
  {
    name: 'consent-form',
    build: (l) =>
      consentFormCard(l, {
        groups: [{ id: 'operativ', name: 'Operativ grupp' }],
        today: '2026-11-22',
        agencies: [
          { id: 'social-sektor', name: 'Social sektor' },
          { id: 'utbildningssektor', name: 'Utbildningssektor' },
        ],
        consentFormUrl: 'https://www.essunga.example.se/samtyckesblankett.pdf',
      }),
  },
  {
    name: 'consent-form-problems',
    build: (l) =>
      consentFormCard(l, {
        groups: [{ id: 'operativ', name: 'Operativ grupp' }],
        today: '2026-11-22',
        values: { subjectPersonnummer: 'x', groupIds: 'operativ', validUntil: '2026-01-31', parties: 'guardian1', purpose: '' },
        problems: { validUntil: ['validUntilPast'], purpose: ['purposeMissing'] },
      }),
  },
  {
    name: 'consent-form-one-guardian',
    build: (l) =>
      consentFormCard(l, {
        groups: [{ id: 'operativ', name: 'Operativ grupp' }],
        today: '2026-11-22',
        values: {
          groupIds: 'operativ',
          validUntil: '2027-06-30',
          parties: 'guardian1',
          purpose: 'Samordning kring skolgång',
          childAge: '14',
        },
        problems: { childView: ['childViewMissing'] },
      }),
  },
  {
    name: 'consent-list',
    build: (l) =>
      consentListCard(l, {
        rows: [
          { consent: consent(), status: 'inForce', recordedByName: 'Megan Bowen', canWithdraw: true },
          {
            consent: consent({
              caseRef: 'SAM-4D8F2N6W',
              validFrom: '2026-01-12',
              validUntil: '2026-06-30',
              recordedAt: '2026-01-12T10:00:00.000Z',
            }),
            status: 'expired',
            recordedByName: 'Alex Wilber',
            canWithdraw: true,
          },
        ],
        groupName,
        groupNames: ['Operativ grupp'],
        stats: [
          {
            groupName: 'Operativ grupp',
            counts: { refusal: 3, allowedUnderConsent: 5, consentRecorded: 2, consentListed: 4, consentWithdrawn: 0 },
          },
        ],
      }),
  },
  { name: 'consent-recorded', build: (l) => consentRecordedCard(l, consent(), groupName) },
  {
    name: 'consent-recorded-one-guardian',
    build: (l) => consentRecordedCard(l, consent({ parties: ['guardian1', 'child'], childAge: 13, childView: 'agrees' }), groupName),
  },
  { name: 'consent-refusal', build: (l) => consentRefusalCard(l, { categories: ['name-with-class'], reason: 'noConsent' }) },
  {
    name: 'consent-refusal-notice',
    build: (l) =>
      consentRefusalCard(l, {
        categories: ['personnummer'],
        reason: 'noConsent',
        notice: { place: 'Operativ grupp › Allmänt', author: 'Megan Bowen' },
      }),
  },
];

/** A SIP with its plan, for the SIP cards (the child by case reference, the family by role). */
const sip: Sip = {
  id: 'operativ.abcdefghij',
  tenantId: 't',
  groupId: 'operativ',
  caseRef: 'SAM-7K2M9QXC',
  status: 'planned',
  agencies: ['social-sektor', 'utbildningssektor'],
  family: ['guardian1', 'guardian2', 'child'],
  meetingId: 'operativ.m000000001',
  followUps: [],
  createdBy: 'u',
  createdAt: '2026-11-10T10:00:00.000Z',
  updatedAt: '2026-11-17T14:00:00.000Z',
  plan: {
    needs: checked('Stöd i skolan med anpassad studiegång; stöd i hemmet kring rutiner'),
    municipalityProvides: checked('Familjebehandling varannan vecka (socialtjänsten); elevhälsans kurator veckovis (skolan)'),
    regionProvides: checked('Utredning på BUP under våren'),
    othersProvide: checked('Fritidsgården erbjuder en kontaktperson'),
    overallResponsibility: checked('Socialtjänsten'),
    coordinator: checked('Sofia Hed, socialsekreterare'),
    participation: checked('Vårdnadshavare 1 och barnet deltog; vårdnadshavare 2 per telefon'),
    followUpDate: '2027-02-15',
    plannedAt: '2026-11-17T14:00:00.000Z',
    plannedBy: 'u',
  },
};
const sipView = {
  groupName: 'Operativ grupp',
  agencyNames: ['Social sektor', 'Utbildningssektor'],
  meetingWhen: '2026-11-17 13:00',
  printUrl: 'https://samverkan.example.se/sip/abc.html',
  systemUrl: 'https://prator.example.se/',
};

/** A broadcast to staff (§11), as the samples show it. */
const broadcastSample = {
  id: 'b-0123456789abcdef',
  title: checked('Reviderad rutin vid hög skolfrånvaro'),
  text: checked('Rutinen antogs av styrgruppen i november. Läs den före nästa möte och ta upp frågor på arbetsplatsträffen.'),
  url: 'https://example.se/rutin-franvaro.pdf',
  groupIds: org.groups.slice(0, 2).map((g) => g.id),
  // And to two people by name in their chat with the bot (a read-rate row of their own).
  personIds: org.people.slice(-2).map((p) => p.id),
  sentAt: '2026-11-20T08:00:00.000Z',
  sentBy: 'u',
};

export const SAMPLES: Array<{ name: string; build: (locale: Locale) => object }> = [
  {
    name: 'sip-list',
    build: (l) => sipListCard(l, [{ sip, view: sipView }], { groupNames: ['Operativ grupp'], systemUrl: sipView.systemUrl }),
  },
  {
    name: 'sip-form',
    build: (l) =>
      sipFormCard(l, {
        caseRef: 'SAM-7K2M9QXC',
        groupId: 'operativ',
        groupName: 'Operativ grupp',
        consentUntil: '2027-06-30',
        coveredAgencyNames: ['Social sektor', 'Utbildningssektor'],
        agencies: [
          { id: 'social-sektor', name: 'Social sektor' },
          { id: 'utbildningssektor', name: 'Utbildningssektor' },
          { id: 'bup', name: 'BUP Sörmland' },
        ],
        values: { participants: 'social-sektor,utbildningssektor,bup,guardian1', date: '2026-11-17', time: '13:00' },
        problems: [
          l === 'sv'
            ? 'Samtycket omfattar inte BUP Sörmland. Samtycket måste gälla varje verksamhet som bjuds in.'
            : 'The consent does not cover BUP Sörmland. It must cover every agency invited.',
        ],
      }),
  },
  { name: 'sip-plan', build: (l) => sipPlanCard(l, sip, sipView) },
  {
    name: 'help',
    build: (l) =>
      helpCard(l, {
        entries: ['help', 'group', 'groupLink', 'schedule', 'meetings', 'agenda', 'minutes', 'review', 'consent', 'digest'],
        roles: ['Sammankallande i Samverkansgrupp', 'Chef, får sammanfattningen'],
        quickActions: true,
      }),
  },
  {
    name: 'group',
    build: (l) =>
      groupCard(l, {
        title: 'Samverkansgrupp',
        subtitle: 'Taktisk nivå',
        facts: [
          { title: l === 'sv' ? 'Sammankallande' : 'Conveners', value: 'Sara Ek, Maria Sjöberg' },
          { title: l === 'sv' ? 'Mötesfrekvens' : 'Cadence', value: l === 'sv' ? 'minst 8 gånger per år' : 'at least 8 times a year' },
        ],
        status: {
          text: l === 'sv' ? '✅ Gruppen håller sin mötesplan i år.' : '✅ The group keeps its meeting plan this year.',
          good: true,
        },
      }),
  },
  {
    name: 'schedule-form',
    build: (l) =>
      scheduleFormCard(l, {
        groupChoices: [
          { title: 'Samverkansgrupp', value: 'samverkansgrupp' },
          { title: 'Styrgrupp', value: 'styrgrupp' },
        ],
        cadenceText: l === 'sv' ? 'minst 8 gånger per år' : 'at least 8 times a year',
        timeZone: 'Europe/Stockholm',
        values: { groupId: 'samverkansgrupp', date: '2026-12-10' },
      }),
  },
  { name: 'meeting-open', build: (l) => meetingCard(l, meeting(), { groupName: 'Samverkansgrupp', level: 'tactical', now, warnings: [] }) },
  {
    name: 'meeting-holiday',
    build: (l) =>
      meetingCard(l, meeting({ start: '2026-12-22T12:00:00.000Z', end: '2026-12-22T13:00:00.000Z', durationMinutes: 60 }), {
        groupName: 'Styrgrupp',
        level: 'strategic',
        now,
        warnings: [{ kind: 'schoolBreak', name: l === 'sv' ? 'jullovet' : 'Christmas' }],
      }),
  },
  {
    name: 'meeting-cancelled',
    build: (l) => meetingCard(l, meeting({ status: 'cancelled' }), { groupName: 'Samverkansgrupp', level: 'tactical', now }),
  },
  {
    name: 'meeting-list',
    build: (l) =>
      meetingListCard(l, [
        {
          groupId: 'samverkansgrupp',
          name: 'Samverkansgrupp',
          cadence: l === 'sv' ? 'minst 8 gånger per år' : 'at least 8 times a year',
          meetings: [meeting(), meeting({ start: '2027-01-14T12:00:00.000Z', end: '2027-01-14T13:30:00.000Z', agendaStatus: 'none' })],
          feedUrl: 'https://samverkan.example.se/calendar/Xb3…q9.ics',
        },
      ]),
  },
  {
    name: 'agenda',
    build: (l) =>
      agendaCard(l, meeting(), sampleAgenda(), {
        groupName: 'Samverkansgrupp',
        level: 'tactical',
        now,
        carried,
        raiseTargets: [
          { id: 'styrgrupp', name: 'Styrgrupp' },
          { id: 'operativ', name: 'Operativ grupp' },
        ],
        // The latest yearly survey, as a tactical group's agenda shows it (features/survey).
        survey: {
          year: 2026,
          all: {
            respondents: 23,
            shown: true,
            statements: [
              { text: 'Samverkan mellan social sektor och utbildningssektor har en tydlig struktur', answers: 23, mean: 3.4 },
              { text: 'Jag vet vem jag ska kontakta i den andra sektorn', answers: 22, mean: 4.1 },
              { text: 'Samverkan leder till bättre stöd för barn och unga', answers: 23, mean: 3.8 },
            ],
          },
          group: {
            respondents: 7,
            shown: true,
            statements: [
              { text: 'Samverkan mellan social sektor och utbildningssektor har en tydlig struktur', answers: 7, mean: 3.9 },
              { text: 'Jag vet vem jag ska kontakta i den andra sektorn', answers: 7, mean: 4.6 },
              { text: 'Samverkan leder till bättre stöd för barn och unga', answers: 7, mean: 4 },
            ],
          },
        },
      }),
  },
  {
    name: 'minutes',
    build: (l) =>
      minutesCard(l, meeting({ start: '2026-11-12T12:00:00.000Z', end: '2026-11-12T13:30:00.000Z' }), undefined, {
        groupName: 'Samverkansgrupp',
        level: 'tactical',
        members: [
          { title: 'Sara Ek (Utvecklingsledare)', value: 'a' },
          { title: 'Maria Sjöberg (Verksamhetsutvecklare)', value: 'b' },
          { title: 'Adele Vance (Elevhälsochef)', value: 'c' },
        ],
        items: [
          { id: 'std-0', text: l === 'sv' ? 'Rutiner och deras översyn' : 'Routines and their review' },
          { id: 'p1', text: 'Rutin vid hög frånvaro' },
        ],
        carried: carried.slice(0, 1),
        caseRefs: [],
      }),
  },
  {
    name: 'minutes-summary',
    build: (l) =>
      minutesSummaryCard(
        l,
        meeting({ start: '2026-11-12T12:00:00.000Z', end: '2026-11-12T13:30:00.000Z' }),
        {
          tenantId: 't',
          groupId: 'g',
          meetingId: 'm',
          status: 'final',
          attendees: [],
          guests: checked('Eva Ek, rektor'),
          notes: {},
          decisions: [checked('Rutinen vid hög frånvaro antas.'), checked('Kompetensdagen hålls 12 mars.')],
          actions: carried,
          sip: [],
          closedActions: ['x'],
          updatedAt: now.toISOString(),
        },
        { groupName: 'Samverkansgrupp', attendeeNames: ['Sara Ek', 'Maria Sjöberg', 'Adele Vance'] },
      ),
  },
  { name: 'review-list', build: (l) => reviewListCard(l, reviewRows, '2026-11-22') },
  { name: 'review-reminder', build: (l) => reviewReminderCard(l, reviewRows[0]!, '2026-11-22') },
  {
    name: 'action-plan',
    build: (l) =>
      actionPlanCard(
        l,
        org,
        plansOf(org, []).map((p) => ({ ...p, canEdit: true })),
        '2025-09-01',
      ),
  },
  {
    name: 'indicators',
    build: (l) =>
      indicatorsCard(
        l,
        org,
        trendsOf(
          [
            {
              id: 'trygghet',
              name: 'Trygghet bland barn och ungdomar, jämfört med genomsnittet för alla kommuner',
              unit: 'procentenheter',
              target: 0,
              better: 'higher',
              period: 'year',
              reportingGroup: 'styrgrupp',
            },
            {
              id: 'fortbildning',
              name: 'Gemensamma fortbildningsdagar',
              unit: 'dagar',
              target: 2,
              better: 'higher',
              period: 'term',
              reportingGroup: 'styrgrupp',
            },
          ],
          [
            { indicatorId: 'trygghet', period: '2024', value: -1.5, recordedAt: '', recordedBy: '' },
            { indicatorId: 'trygghet', period: '2025', value: 0.5, recordedAt: '', recordedBy: '' },
          ],
        ).map((tr) => ({ ...tr, canRecord: true })),
        '2026-11-22',
      ),
  },
  {
    name: 'raised-items',
    build: (l) =>
      raisedCard(l, { organisation: org }, 'referensgrupp', [
        {
          item: {
            id: 'r-1',
            fromGroupId: 'referensgrupp',
            fromMeetingId: 'referensgrupp.x',
            fromDate: '2026-11-12',
            toGroupId: 'styrgrupp',
            text: checked('Behov av gemensam rutin vid hög skolfrånvaro'),
            toMeetingId: 'styrgrupp.y',
            toDate: '2026-12-10',
            raisedAt: '',
            raisedBy: '',
          },
          status: 'onAgenda',
        },
      ]),
  },
  {
    name: 'broadcast-compose',
    build: (l) =>
      composeCard(
        l,
        org,
        [
          {
            broadcast: broadcastSample,
            rates: [
              ...broadcastSample.groupIds.map((groupId, i) => ({ groupId, recipients: 9, read: 6 - 3 * i })),
              { groupId: PERSONAL_ROW, recipients: 2, read: 1 },
            ],
          },
        ],
        (iso) => iso.slice(0, 10),
      ),
  },
  { name: 'broadcast', build: (l) => postedCard(l, org, broadcastSample, (iso) => iso.slice(0, 10)) },
  {
    name: 'survey',
    build: (l) =>
      surveyCard(
        l,
        {
          statements: [
            'Vi vet vem vi ska kontakta i den andra förvaltningen',
            'Samverkansmötena leder till beslut som genomförs',
            'Handlingsplanen är känd på min arbetsplats',
          ],
        },
        { surveyId: '2026', token: 'token-of-this-person', form: true },
      ),
  },
  {
    name: 'report',
    build: (l) =>
      reportCard(
        l,
        buildReport({
          organisation: { name: 'Essunga kommun', timeZone: 'Europe/Stockholm', groups: [], documents: [] },
          period: reportPeriod(2026, true),
          now: new Date('2026-11-22T10:00:00Z'),
          meetings: new Map(),
          minutes: new Map(),
          tasks: new Map(),
          reviews: new Map(),
          audit: [{ month: '2026-03', groupId: 'operativ', event: 'refusal' }],
          consentExpiries: [],
        }),
        'https://samverkan.example.se/report/x.html',
      ),
  },
  {
    name: 'digest',
    build: (l) =>
      digestCard(
        l,
        {
          managerId: 'm',
          weekOf: '2026-11-23',
          reviews: [
            {
              documentId: 'd',
              title: 'Överenskommelse BUF–SOC 2020–2024',
              ownerGroupName: 'Styrgrupp',
              dueDate: '2024-07-04',
              status: 'expired',
              latestDecision: { ref: 'BUN 2020/31 § 48', date: '2020-06-15' },
            },
          ],
          groups: [
            {
              groupId: 'styrgrupp',
              name: 'Styrgrupp',
              level: 'strategic',
              cadence: { held: 3, expectedSoFar: 3, expectedYear: 3, onTrack: true },
              coming: ['x'],
              minutesMissing: 0,
              overdueActions: 0,
              consentsExpiring: 0,
              refusalsLastWeek: 0,
            },
            {
              groupId: 'samverkansgrupp',
              name: 'Samverkansgrupp',
              level: 'tactical',
              cadence: { held: 5, expectedSoFar: 7, expectedYear: 8, onTrack: false },
              coming: [],
              minutesMissing: 1,
              overdueActions: 2,
              consentsExpiring: 0,
              refusalsLastWeek: 1,
            },
          ],
        },
        {
          week: 48,
          nextOf: (id) =>
            id === 'styrgrupp'
              ? l === 'sv'
                ? 'tors 26 nov 09:00–10:00'
                : 'Thu 26 Nov 09:00–10:00'
              : l === 'sv'
                ? 'inget bokat'
                : 'none booked',
        },
      ),
  },
  ...consentSamples,
  { name: 'language', build: (l) => languageCard(l, 'teams') },
  { name: 'error', build: (l) => errorCard(l, 'error.storage') },
  { name: 'not-allowed', build: (l) => notAllowedCard(l, 'notConvener', ['Sara Ek', 'Maria Sjöberg']) },
  {
    name: 'risk-period',
    build: (l) =>
      riskPeriodCard(
        l,
        {
          id: 'valborg',
          name: 'Valborg',
          rule: 'valborg',
          daysBefore: 14,
          groups: ['faltgrupp'],
          checklist: [
            'Fältgruppen planerar närvaro på kvällen',
            'Fritidsgården håller öppet längre',
            'Information till vårdnadshavare via skolan',
          ],
        },
        {
          date: '2027-04-30',
          today: '2027-04-16',
          groupName: 'Fältgrupp',
          agenda: {
            meeting: {
              start: '2027-04-22T11:00:00.000Z',
              end: '2027-04-22T12:00:00.000Z',
              timeZone: 'Europe/Stockholm',
              durationMinutes: 60,
            },
          },
        },
      ),
  },
  {
    name: 'consent-expiry',
    build: (l) =>
      consentExpiryCard(l, consent({ validUntil: '2026-12-22' }), {
        today: '2026-11-22',
        groupName: () => 'Operativ grupp',
        recordedByName: 'Sofia Hed',
      }),
  },
  {
    name: 'concern',
    build: (l) =>
      concernCard(
        l,
        {
          eServiceUrl: 'https://example.se/e-tjanst/orosanmalan',
          phone: '08-000 00 00',
          officeHours: '08:00-16:30',
          onCallPhone: '08-000 00 01',
          onCallName: 'Socialjouren',
        },
        false,
      ),
  },
  {
    name: 'contacts',
    build: (l) => {
      const r = loadOrganisation('local-demo');
      if (!r.ok) throw new Error(r.errors.join('\n'));
      const org = r.organisation;
      return contactsCard(l, {
        contacts: findContacts(org, undefined).slice(0, 4),
        offset: 0,
        reporting: { phone: '08-000 00 00', officeHours: '08:00-16:30', onCallPhone: '08-000 00 01', onCallName: 'Socialjouren' },
        inOffice: false,
      });
    },
  },
];

/** A Teams-like host config (light theme, Segoe UI, Fluent spacing). */
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#237B4B', subtle: '#237B4B' },
        warning: { default: '#835C00', subtle: '#835C00' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: { default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#5B5FC7' } },
    },
    good: { backgroundColor: '#E7F2DA', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    warning: { backgroundColor: '#FBF6D9', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    attention: { backgroundColor: '#FCF4F6', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  actions: {
    maxActions: 6,
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 12 },
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
  },
  inputs: { label: { requiredInputs: { weight: 'Bolder', suffixColor: 'Attention' }, optionalInputs: { weight: 'Bolder' } } },
};

const CSS = `
body { margin: 0; padding: 24px; background: #F5F5F5; font-family: ${HOST_CONFIG.fontFamily}; }
.frame { width: 440px; background: #fff; border-radius: 8px; box-shadow: 0 1.6px 3.6px rgba(0,0,0,.13), 0 .3px .9px rgba(0,0,0,.11); overflow: hidden; }
.ac-pushButton { height: 32px; padding: 0 12px; border: 1px solid #D1D1D1; border-radius: 4px; background: #fff; color: #242424; font: 600 14px ${HOST_CONFIG.fontFamily}; cursor: pointer; }
.ac-pushButton.style-positive, .ac-pushButton.primary { background: #5B5FC7; border-color: #5B5FC7; color: #fff; }
.ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
.ac-input, .ac-textInput, .ac-dateInput, .ac-timeInput, .ac-numberInput, select.ac-choiceSetInput-compact { min-height: 32px; border: 1px solid #D1D1D1; border-radius: 4px; padding: 0 8px; font: 14px ${HOST_CONFIG.fontFamily}; box-sizing: border-box; }
textarea.ac-textInput { padding: 6px 8px; min-height: 64px; }
.ac-input-container label, .ac-inputLabel { font-size: 12px; font-weight: 600; }
`;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: requireBrowser(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 2 });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="frame" id="frame"></div></body></html>`,
  );
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js') });
  const shots: string[] = [];
  let failures = 0;
  // `npm run cards:gallery -- sip concern`: only the cards whose names start with one of the words.
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const samples = only.length ? SAMPLES.filter((s) => only.some((w) => s.name.startsWith(w))) : SAMPLES;
  if (samples.length === 0) throw new Error(`no card is named ${only.join(', ')}; there are ${SAMPLES.map((s) => s.name).join(', ')}`);
  for (const sample of samples) {
    for (const locale of ['sv', 'en'] as const) {
      const card = sample.build(locale);
      const result = await page.evaluate(
        ({ card, hostConfig }) => {
          const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
          // Teams renders the markdown subset TextBlocks allow: bold, italics, lists, line breaks.
          AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml?: string; didProcess: boolean }) => {
            const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
            result.outputHtml = esc
              .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
              .replace(/_(.+?)_/g, '<em>$1</em>')
              .replace(/^- (.*)$/gm, '• $1')
              .replace(/\n/g, '<br>');
            result.didProcess = true;
          };
          const ac = new AC.AdaptiveCard();
          ac.hostConfig = new AC.HostConfig(hostConfig);
          const errors: string[] = [];
          ac.parse(card, new AC.SerializationContext());
          const el = ac.render();
          const frame = document.getElementById('frame')!;
          frame.innerHTML = '';
          if (el) frame.appendChild(el);
          return { ok: !!el && (el.textContent ?? '').trim().length > 0, errors };
        },
        { card, hostConfig: HOST_CONFIG },
      );
      const file = path.join(OUT, `${sample.name}.${locale}.png`);
      if (!result.ok) {
        failures += 1;
        console.error(`FAILED ${sample.name}.${locale}`);
        continue;
      }
      await page.locator('#frame').screenshot({ path: file });
      shots.push(`${sample.name}.${locale}.png`);
      console.log(path.relative(ROOT, file));
    }
  }
  await browser.close();
  writeFileSync(
    path.join(OUT, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Samverkan cards</title><style>body{font-family:system-ui;background:#f5f5f5;margin:24px}figure{display:inline-block;vertical-align:top;margin:0 16px 24px 0}figcaption{font-size:12px;color:#616161}</style>` +
      shots.map((s) => `<figure><img src="${s}" width="440"><figcaption>${s}</figcaption></figure>`).join('\n'),
  );
  mkdirSync(DOCS, { recursive: true });
  // A filtered run is for the cards it names: their Swedish images go to the committed gallery too.
  if (only.length) for (const shot of shots.filter((s) => s.endsWith('.sv.png'))) copyFileSync(path.join(OUT, shot), path.join(DOCS, shot));
  for (const main of [
    'meeting-open.sv.png',
    'agenda.sv.png',
    'digest.sv.png',
    'minutes-summary.sv.png',
    'consent-refusal.sv.png',
    'consent-recorded.sv.png',
  ])
    if (shots.includes(main)) copyFileSync(path.join(OUT, main), path.join(DOCS, main));
  console.log(`${shots.length} cards rendered in ${((Date.now() - started) / 1000).toFixed(1)} s${failures ? `, ${failures} failed` : ''}`);
  if (failures) process.exit(1);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
