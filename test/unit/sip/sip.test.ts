import { describe, expect, it } from 'vitest';
import type { Consent } from '../../../src/domain/consent';
import type { CheckedText } from '../../../src/domain/consent/checked-text';
import {
  agenciesCovered,
  booked,
  closed,
  consentProblem,
  followUpReminderDay,
  groupIdOfSip,
  missingAgencies,
  newSip,
  parseParticipants,
  planned,
  sipIdFor,
  sipInvitees,
  type Sip,
  type SipPlan,
} from '../../../src/domain/sip/sip';
import type { Agency } from '../../../src/domain/organisation';

const ct = (s: string) => s as CheckedText;
const AT = new Date('2026-03-10T09:00:00Z');

const AGENCIES: Agency[] = [
  { id: 'social-sektor', name: 'Social sektor', kind: 'social-services' },
  { id: 'utbildningssektor', name: 'Utbildningssektor', kind: 'school' },
  { id: 'bup', name: 'BUP Sörmland', kind: 'child-psychiatry' },
];
const GROUPS = [
  { id: 'operativ', agencies: ['social-sektor', 'utbildningssektor'] },
  { id: 'vits', agencies: ['bup'] },
];

function consent(over: Partial<Consent> = {}, scope: Partial<Consent['scope']> = {}): Consent {
  return {
    caseRef: 'SAM-7K2M9QXC',
    tenantId: 't',
    subject: { personnummer: 'h' },
    parties: ['guardian1', 'guardian2'],
    form: 'written',
    documentRef: ct(''),
    scope: { groupIds: ['operativ'], agencies: [], informationCategories: ct(''), exclusions: ct(''), ...scope },
    purpose: ct('Samordning'),
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    recordedBy: 'x',
    recordedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

function plan(followUpDate: string, key: string, needs = 'Stöd i skolan'): SipPlan {
  return {
    needs: ct(needs),
    municipalityProvides: ct('Familjebehandling'),
    regionProvides: ct('Utredning på BUP'),
    othersProvide: ct(''),
    overallResponsibility: ct('Socialtjänsten'),
    coordinator: ct('Sofia Hed'),
    participation: ct('Vårdnadshavare 1 och barnet deltog'),
    followUpDate,
    plannedAt: AT.toISOString(),
    plannedBy: 'u',
    key,
  };
}

const draft = (): Sip =>
  newSip({
    id: 'operativ.abcdefghij',
    tenantId: 't',
    groupId: 'operativ',
    caseRef: 'SAM-7K2M9QXC',
    agencies: ['bup'],
    family: ['child'],
    by: 'u',
    at: AT,
  });

describe('SIP ids', () => {
  it('are made of the activity (the same activity, the same id) and name their group', () => {
    const a = sipIdFor('operativ', 'activity-1');
    expect(sipIdFor('operativ', 'activity-1')).toBe(a);
    expect(sipIdFor('operativ', 'activity-2')).not.toBe(a);
    expect(groupIdOfSip(a)).toBe('operativ');
    expect(groupIdOfSip('no-dot')).toBeUndefined();
    expect(groupIdOfSip('operativ.ABC')).toBeUndefined();
  });
});

describe('participants', () => {
  it('reads agencies by id, name or kind and the family by role only; the rest is unknown', () => {
    const p = parseParticipants('bup, Utbildningssektor, social-services, guardian1, child, guardian1, relative, Mormor Anna', AGENCIES);
    expect(p.agencies).toEqual(['bup', 'utbildningssektor', 'social-sektor']);
    expect(p.family).toEqual(['guardian1', 'child', 'relative']);
    expect(p.unknown).toEqual(['Mormor Anna']);
  });

  it('an empty list invites nobody', () => {
    expect(parseParticipants(' , ', AGENCIES)).toEqual({ agencies: [], family: [], unknown: [] });
  });
});

describe('consent scope by agency', () => {
  it('a consent that names no agency covers the agencies of its groups', () => {
    expect(agenciesCovered(consent(), GROUPS)).toEqual(['social-sektor', 'utbildningssektor']);
    expect(missingAgencies(consent(), ['social-sektor', 'bup'], GROUPS)).toEqual(['bup']);
  });

  it('a consent that names agencies covers exactly those', () => {
    const c = consent({}, { agencies: ['social-sektor', 'bup'] });
    expect(agenciesCovered(c, GROUPS)).toEqual(['social-sektor', 'bup']);
    expect(missingAgencies(c, ['utbildningssektor', 'bup', 'social-sektor'], GROUPS)).toEqual(['utbildningssektor']);
  });

  it('the consent must be in force and cover the group', () => {
    expect(consentProblem(undefined, 'operativ', '2026-03-10')).toBe('noConsent');
    expect(consentProblem(consent(), 'operativ', '2026-03-10')).toBeUndefined();
    expect(consentProblem(consent(), 'vits', '2026-03-10')).toBe('notThisGroup');
    expect(consentProblem(consent(), 'operativ', '2027-01-01')).toBe('expired');
    expect(consentProblem(consent(), 'operativ', '2025-12-31')).toBe('notYetValid');
    expect(consentProblem(consent({ withdrawnAt: '2026-02-01T00:00:00Z' }), 'operativ', '2026-03-10')).toBe('withdrawn');
  });
});

describe('a SIP booked privately: who is invited', () => {
  const group = { conveners: ['ann'], members: ['bo', 'cia', 'dan', 'eva'] };
  const people = [
    { id: 'ann', agency: 'social-sektor', aadObjectId: 'a-1' },
    { id: 'bo', agency: 'utbildningssektor', aadObjectId: 'a-2' },
    { id: 'cia', agency: 'utbildningssektor' },
    { id: 'dan', agency: 'bup', aadObjectId: 'a-4' },
    { id: 'eva', aadObjectId: 'a-5' },
    { id: 'olle', agency: 'utbildningssektor', aadObjectId: 'a-6' },
  ];
  it('the group members of the invited agencies who are Teams users, the initiator first', () => {
    expect(sipInvitees(group, people, ['utbildningssektor', 'social-sektor'], 'bo')).toEqual(['bo', 'ann']);
    // Not in Teams (no object id), of an agency not invited, of no agency, or outside the group: not invited.
    expect(sipInvitees(group, people, ['utbildningssektor'], undefined)).toEqual(['bo']);
  });
  it('the initiator is invited whatever their agency, but only as a member of the group; nobody when nobody fits', () => {
    expect(sipInvitees(group, people, ['bup'], 'eva')).toEqual(['eva', 'dan']);
    expect(sipInvitees(group, people, ['bup'], 'olle')).toEqual(['dan']);
    expect(sipInvitees(group, people, [], undefined)).toEqual([]);
  });
});

describe('the SIP life cycle: draft → booked → planned → followed up → closed', () => {
  it('goes through every state in order', () => {
    const s0 = draft();
    expect(s0.status).toBe('draft');
    const b = booked(s0, 'operativ.meeting0001', AT);
    expect(b.ok && b.sip.status).toBe('booked');
    const s1 = (b as { sip: Sip }).sip;
    expect(s1.meetingId).toBe('operativ.meeting0001');

    const p = planned(s1, plan('2026-06-01', 'a1'), '2026-03-10');
    expect(p.ok && p.sip.status).toBe('planned');
    const s2 = (p as { sip: Sip }).sip;

    // Revised before the follow-up date: still planned, no follow-up recorded.
    const revised = planned(s2, plan('2026-06-15', 'a2', 'Stöd i skolan och på fritiden'), '2026-04-01');
    expect(revised.ok && revised.sip.status).toBe('planned');
    expect(revised.ok && revised.sip.followUps).toEqual([]);
    const s3 = (revised as { sip: Sip }).sip;

    // Saved on the follow-up date: followed up, the date kept, the next date set.
    const f = planned(s3, plan('2026-10-01', 'a3'), '2026-06-15');
    expect(f.ok && f.sip.status).toBe('followedUp');
    expect(f.ok && f.sip.followUps).toEqual(['2026-06-15']);
    expect(f.ok && f.sip.plan?.followUpDate).toBe('2026-10-01');
    const s4 = (f as { sip: Sip }).sip;

    const c = closed(s4, 'u', new Date('2026-10-02T10:00:00Z'));
    expect(c.ok && c.sip.status).toBe('closed');
    expect(c.ok && c.sip.closedAt).toBe('2026-10-02T10:00:00.000Z');
  });

  it('refuses what the state does not allow', () => {
    expect(planned(draft(), plan('2026-06-01', 'a'), '2026-03-10')).toEqual({ ok: false, problem: 'notBooked' });
    const b = (booked(draft(), 'm', AT) as { sip: Sip }).sip;
    expect(planned(b, plan('2026-03-10', 'a'), '2026-03-10')).toEqual({ ok: false, problem: 'followUpInvalid' });
    expect(planned(b, plan('2026-02-30', 'a'), '2026-03-10')).toEqual({ ok: false, problem: 'followUpInvalid' });
    const c = (closed(b, 'u', AT) as { sip: Sip }).sip;
    expect(planned(c, plan('2026-06-01', 'a'), '2026-03-10')).toEqual({ ok: false, problem: 'closed' });
    expect(booked(c, 'm2', AT)).toEqual({ ok: false, problem: 'closed' });
    // Closing twice changes nothing; booking twice keeps the first meeting.
    expect(closed(c, 'v', new Date('2027-01-01T00:00:00Z'))).toEqual({ ok: true, sip: c });
    expect((booked(b, 'other', AT) as { sip: Sip }).sip.meetingId).toBe('m');
  });

  it('the same plan resent (same key) is not a second follow-up', () => {
    const b = (booked(draft(), 'm', AT) as { sip: Sip }).sip;
    const p = (planned(b, plan('2026-06-01', 'a1'), '2026-03-10') as { sip: Sip }).sip;
    const f = (planned(p, plan('2026-10-01', 'a2'), '2026-06-02') as { sip: Sip }).sip;
    expect(f.followUps).toEqual(['2026-06-01']);
    const again = planned(f, plan('2026-10-01', 'a2'), '2026-06-02');
    expect(again.ok && again.sip.followUps).toEqual(['2026-06-01']);
  });
});

describe('the coordinator reminder', () => {
  it('is a week before the follow-up, the day before when that has passed, never after', () => {
    expect(followUpReminderDay('2026-06-15', '2026-03-10')).toBe('2026-06-08');
    expect(followUpReminderDay('2026-06-15', '2026-06-10')).toBe('2026-06-14');
    expect(followUpReminderDay('2026-06-15', '2026-06-15')).toBe('2026-06-15');
    expect(followUpReminderDay('2026-06-15', '2026-06-16')).toBeUndefined();
  });
});
