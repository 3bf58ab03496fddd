import { createHash } from 'node:crypto';
import type { CheckedText } from '../consent/checked-text';
import { status as consentStatus, type Consent } from '../consent/consent';
import type { Agency, Group, Person } from '../organisation/model';
import { isIsoDate } from '../organisation/dates';

/**
 * A SIP (samordnad individuell plan, SoL 2 kap. 7 §, HSL 16 kap. 4 §) for one
 * child, held as a process in an operative group: called by any member when
 * the consent in force covers every invited agency, booked as a meeting, its
 * plan recorded at the meeting (the four items of the law, a named
 * coordinator, the family's participation, a follow-up date), followed up and
 * closed. The child is known only by the consent's case reference; the
 * family's participants only by role. Plain data, no framework.
 *
 * Life cycle: draft → booked → planned → followedUp (→ planned again at each
 * new follow-up date) → closed; closed is final and reachable from every
 * other state.
 */

export const SIP_STATUSES = ['draft', 'booked', 'planned', 'followedUp', 'closed'] as const;
export type SipStatus = (typeof SIP_STATUSES)[number];

/** Family members invited by role only: never a name. */
export const FAMILY_ROLES = ['guardian1', 'guardian2', 'child', 'relative'] as const;
export type FamilyRole = (typeof FAMILY_ROLES)[number];

/** The plan's text fields, each passed through the consent gate. */
export const SIP_PLAN_TEXT_FIELDS = [
  'needs',
  'municipalityProvides',
  'regionProvides',
  'othersProvide',
  'overallResponsibility',
  'coordinator',
  'participation',
] as const;
export type SipPlanTextField = (typeof SIP_PLAN_TEXT_FIELDS)[number];

/** Which of the plan's fields must be filled in (the law's items and the coordinator). */
export const SIP_PLAN_REQUIRED: readonly SipPlanTextField[] = ['needs', 'overallResponsibility', 'coordinator'];

export type SipPlan = Record<SipPlanTextField, CheckedText> & {
  /** YYYY-MM-DD, local. */
  followUpDate: string;
  plannedAt: string;
  plannedBy: string;
  /** The activity that saved it: the same activity resent saves nothing again. */
  key?: string;
};

export interface Sip {
  /** `<groupId>.<random>`, like a meeting's: the group is recoverable from the id. */
  id: string;
  tenantId: string;
  groupId: string;
  caseRef: string;
  status: SipStatus;
  /** Agency ids from the organisation file. */
  agencies: string[];
  family: FamilyRole[];
  /** The meeting booked for it in the operative group. */
  meetingId?: string;
  plan?: SipPlan;
  /** Dates (YYYY-MM-DD) the plan was followed up on. */
  followUps: string[];
  /** The printable plan's token, once there is a plan. */
  printToken?: string;
  /** The initiator's Entra object id (or Teams id). */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  closedBy?: string;
  etag?: string;
}

export function isOpen(sip: Pick<Sip, 'status'>): boolean {
  return sip.status !== 'closed';
}

/** A SIP's id made of the activity that created it: a resent activity creates nothing twice. */
export function sipIdFor(groupId: string, activityId: string): string {
  const digest = createHash('sha256').update(`sip\n${activityId}`, 'utf8').digest();
  return `${groupId}.${BigInt(`0x${digest.subarray(0, 8).toString('hex')}`)
    .toString(36)
    .padStart(10, '0')
    .slice(0, 12)}`;
}

/** The group a SIP id belongs to, or undefined when the id is not one of ours. */
export function groupIdOfSip(sipId: string): string | undefined {
  const i = sipId.lastIndexOf('.');
  if (i <= 0) return undefined;
  const group = sipId.slice(0, i);
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(group) || !/^[a-z0-9]{10,16}$/.test(sipId.slice(i + 1))) return undefined;
  return group;
}

// ——— participants ———

export interface Participants {
  agencies: string[];
  family: FamilyRole[];
  /** What was written and is neither an agency of the organisation nor a family role. */
  unknown: string[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase('sv');

/**
 * The invited participants, comma-separated: agencies of the organisation by
 * id, name or kind (`school`, `child-psychiatry`…; a kind stands for every
 * agency of that kind), and family members by role only.
 */
export function parseParticipants(text: string, agencies: readonly Agency[]): Participants {
  const out: Participants = { agencies: [], family: [], unknown: [] };
  for (const raw of text.split(/[,;\n]/)) {
    const word = norm(raw);
    if (!word) continue;
    if ((FAMILY_ROLES as readonly string[]).includes(word)) {
      if (!out.family.includes(word as FamilyRole)) out.family.push(word as FamilyRole);
      continue;
    }
    const byId = agencies.filter((a) => a.id === word || norm(a.name) === word);
    const matched = byId.length ? byId : agencies.filter((a) => a.kind === word);
    if (matched.length === 0) {
      out.unknown.push(raw.trim().slice(0, 40));
      continue;
    }
    for (const a of matched) if (!out.agencies.includes(a.id)) out.agencies.push(a.id);
  }
  return out;
}

// ——— consent scope by agency ———

/**
 * The agencies a consent lets information be shared with: the agencies it
 * names, or, when it names none, the agencies of the groups in its scope
 * (the consent was given for those groups' work, and so for the agencies
 * that sit in them).
 */
export function agenciesCovered(consent: Pick<Consent, 'scope'>, groups: readonly Pick<Group, 'id' | 'agencies'>[]): string[] {
  if (consent.scope.agencies.length > 0) return [...new Set(consent.scope.agencies)];
  const inScope = groups.filter((g) => consent.scope.groupIds.includes(g.id));
  return [...new Set(inScope.flatMap((g) => g.agencies))];
}

/** The invited agencies the consent does not cover, in the order invited. */
export function missingAgencies(
  consent: Pick<Consent, 'scope'>,
  invited: readonly string[],
  groups: readonly Pick<Group, 'id' | 'agencies'>[],
): string[] {
  const covered = new Set(agenciesCovered(consent, groups));
  return invited.filter((a) => !covered.has(a));
}

// ——— where the SIP meeting is booked ———

/**
 * Where a SIP meeting is booked: as one of the operative group's meetings
 * with its card in the group's channel, or privately for the invited members
 * only. Teams lets a bot start a one-to-one chat with a user but not a group
 * chat, so "a private chat of the invited members" is each invited member's
 * own personal chat with the bot.
 */
export const SIP_BOOKING_PLACES = ['channel', 'private'] as const;
export type SipBookingPlace = (typeof SIP_BOOKING_PLACES)[number];

/**
 * The members of the operative group a private SIP meeting goes to: those of
 * an invited agency who have a Teams identity in the organisation file, and
 * the initiator, in the group's order (the initiator first). Never a family
 * member: they are invited by role only and are not Teams users of the file.
 */
export function sipInvitees(
  group: Pick<Group, 'conveners' | 'members'>,
  people: readonly Pick<Person, 'id' | 'agency' | 'aadObjectId'>[],
  invitedAgencies: readonly string[],
  initiator: string | undefined,
): string[] {
  const members = [...new Set([...group.conveners, ...group.members])];
  const byId = new Map(people.map((p) => [p.id, p]));
  const out: string[] = [];
  if (initiator && members.includes(initiator)) out.push(initiator);
  for (const id of members) {
    const p = byId.get(id);
    if (!p?.aadObjectId || !p.agency || !invitedAgencies.includes(p.agency) || out.includes(id)) continue;
    out.push(id);
  }
  return out;
}

export type SipConsentProblem = 'noConsent' | 'withdrawn' | 'expired' | 'notYetValid' | 'notThisGroup';

/** Why a SIP may not be held for this case in this group, if it may not: the consent must be in force and cover the group. */
export function consentProblem(consent: Consent | undefined, groupId: string, today: string): SipConsentProblem | undefined {
  if (!consent) return 'noConsent';
  const s = consentStatus(consent, today);
  if (s !== 'inForce') return s;
  return consent.scope.groupIds.includes(groupId) ? undefined : 'notThisGroup';
}

// ——— transitions ———

export type Transition = { ok: true; sip: Sip } | { ok: false; problem: 'closed' | 'notBooked' | 'notPlanned' | 'followUpInvalid' };

/** A new SIP, not yet booked. */
export function newSip(input: {
  id: string;
  tenantId: string;
  groupId: string;
  caseRef: string;
  agencies: string[];
  family: FamilyRole[];
  by: string;
  at: Date;
}): Sip {
  const at = input.at.toISOString();
  return {
    id: input.id,
    tenantId: input.tenantId,
    groupId: input.groupId,
    caseRef: input.caseRef,
    status: 'draft',
    agencies: [...input.agencies],
    family: [...input.family],
    followUps: [],
    createdBy: input.by,
    createdAt: at,
    updatedAt: at,
  };
}

/** Its meeting is booked. Booking again (a resend) keeps the first meeting. */
export function booked(sip: Sip, meetingId: string, at: Date): Transition {
  if (sip.status === 'closed') return { ok: false, problem: 'closed' };
  if (sip.status !== 'draft') return { ok: true, sip };
  return { ok: true, sip: { ...sip, status: 'booked', meetingId, updatedAt: at.toISOString() } };
}

/**
 * The plan recorded at the meeting, or revised. A plan saved on or after
 * the follow-up date of the plan in force is its follow-up: the SIP is
 * followed up (the date is kept) and the new plan's date is the next one.
 * The follow-up date must be a real date after today.
 */
export function planned(sip: Sip, plan: SipPlan, today: string): Transition {
  if (sip.status === 'closed') return { ok: false, problem: 'closed' };
  if (sip.status === 'draft') return { ok: false, problem: 'notBooked' };
  if (plan.key && sip.plan?.key === plan.key) return { ok: true, sip };
  if (!isIsoDate(plan.followUpDate) || plan.followUpDate <= today) return { ok: false, problem: 'followUpInvalid' };
  const due = sip.plan && today >= sip.plan.followUpDate;
  if (due) {
    return {
      ok: true,
      sip: {
        ...sip,
        status: 'followedUp',
        plan,
        followUps: [...sip.followUps, sip.plan!.followUpDate],
        updatedAt: plan.plannedAt,
      },
    };
  }
  return { ok: true, sip: { ...sip, status: sip.status === 'followedUp' ? 'followedUp' : 'planned', plan, updatedAt: plan.plannedAt } };
}

/** Closed: the process is over. Closing a closed SIP changes nothing. */
export function closed(sip: Sip, by: string, at: Date): Transition {
  if (sip.status === 'closed') return { ok: true, sip };
  return { ok: true, sip: { ...sip, status: 'closed', closedAt: at.toISOString(), closedBy: by, updatedAt: at.toISOString() } };
}

/** The day the coordinator is reminded: seven days before the follow-up, or the day before when that is already past. */
export function followUpReminderDay(followUpDate: string, today: string): string | undefined {
  const minus = (days: number) => new Date(Date.parse(`${followUpDate}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  for (const d of [minus(7), minus(1)]) if (d >= today) return d;
  return followUpDate >= today ? followUpDate : undefined;
}
