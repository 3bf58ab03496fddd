import { findGroup, findPerson, membersOf, type Group, type GroupLevel, type Organisation, type Person } from '../organisation/model';
import { indexOf, personByAadOrUpn } from '../organisation/lookup';

/**
 * "May this user do this here?" — answered from the organisation file
 * alone (its groups, roles and managers), in one place for every command
 * and card action.
 *
 * | capability | who may |
 * | --- | --- |
 * | help | anyone |
 * | group.view | anyone in the organisation's tenant |
 * | group.link, meeting.schedule, agenda.publish, minutes.write | the group's conveners |
 * | meeting.view, agenda.propose | the group's members (conveners are members) |
 * | review.view, review.complete | the owning group's conveners, and managers who oversee that group |
 * | consent.record, consent.list, consent.withdraw | members of an operative group with mayRecordConsent, in that group |
 * | digest.view | managers (of that group, when one is given) |
 * | report.view | conveners of a strategic group, and managers (the report covers every group) |
 * | plan.view, plan.update | the plan's owning group's conveners, and managers who oversee that group |
 * | indicator.record, item.raise | the group's conveners (the reporting group; the group the item is raised from) |
 * | broadcast.send | conveners (of any group; the broadcast goes to the groups they choose) |
 *
 * Managers may complete reviews as well as view them: the seeds make heads
 * of administration the documents' owners (Essunga's "dokumentansvarig",
 * Oxelösund's "ansvariga för översynen är berörda förvaltningschefer").
 *
 * Without a group in scope, a group-bound capability is allowed when the
 * user has it in at least one group (for help cards and personal chat);
 * `groupsWhere` says which.
 */
export const CAPABILITIES = [
  'help',
  'group.view',
  'group.link',
  'meeting.schedule',
  'meeting.view',
  'agenda.propose',
  'agenda.publish',
  'minutes.write',
  'review.view',
  'review.complete',
  'consent.record',
  'consent.list',
  'consent.withdraw',
  'digest.view',
  'report.view',
  'plan.view',
  'plan.update',
  'indicator.record',
  'item.raise',
  'broadcast.send',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface Actor {
  /** `from.aadObjectId` of the activity. */
  aadObjectId?: string;
  /** The user's UPN, when the edge knows it; matched when the organisation file gives only a UPN. */
  upn?: string;
  /** `conversation.tenantId` / `channelData.tenant.id`. */
  tenantId?: string;
}

export interface Scope {
  groupId?: string;
  /** A governing document; stands for its owning group when groupId is not given. */
  documentId?: string;
}

export type Role =
  | { kind: 'convener'; groupId: string; groupName: string; level: GroupLevel }
  | { kind: 'member'; groupId: string; groupName: string; level: GroupLevel }
  | { kind: 'manager'; oversees: 'all' | string[] }
  | { kind: 'consentRecorder'; groupId: string; groupName: string };

export type RefusalReason =
  | 'otherTenant'
  | 'noGroup'
  | 'unknownGroup'
  | 'unknownDocument'
  | 'notConvener'
  | 'notMember'
  | 'notConvenerOrManager'
  | 'notOperative'
  | 'noConsentRight'
  | 'notManager'
  | 'notStrategicOrManager';

export type Authorization = { allowed: true; roles: Role[] } | { allowed: false; reason: RefusalReason; whoMay: string[] };

const CONVENER_ONLY = new Set<Capability>([
  'group.link',
  'meeting.schedule',
  'agenda.publish',
  'minutes.write',
  'indicator.record',
  'item.raise',
  'broadcast.send',
]);
const MEMBERS = new Set<Capability>(['meeting.view', 'agenda.propose']);
const REVIEW = new Set<Capability>(['review.view', 'review.complete', 'plan.view', 'plan.update']);
const CONSENT = new Set<Capability>(['consent.record', 'consent.list', 'consent.withdraw']);

const GROUP_BOUND = new Set<Capability>([...CONVENER_ONLY, ...MEMBERS, ...REVIEW, ...CONSENT]);

/** The groups a manager oversees. */
function overseen(org: Organisation, personId: string): Group[] {
  const managed = org.managers.filter((m) => m.personId === personId);
  if (managed.some((m) => m.oversees === 'all')) return org.groups;
  const ids = new Set(managed.flatMap((m) => m.oversees as string[]));
  return org.groups.filter((g) => ids.has(g.id));
}

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether the actor belongs to the organisation's tenant (always, when the organisation names none). */
export function inTenant(org: Organisation, actor: Actor): boolean {
  return !org.tenantId || same(org.tenantId, actor.tenantId);
}

/** The person the actor is in this organisation, if any (never for another tenant's user). */
export function personOf(org: Organisation, actor: Actor): Person | undefined {
  if (!inTenant(org, actor)) return undefined;
  return personByAadOrUpn(org, actor.aadObjectId, actor.upn);
}

function oversees(org: Organisation, personId: string, groupId: string): boolean {
  return org.managers.some((m) => m.personId === personId && (m.oversees === 'all' || m.oversees.includes(groupId)));
}

function managersOf(org: Organisation, groupId?: string): string[] {
  return org.managers.filter((m) => groupId === undefined || m.oversees === 'all' || m.oversees.includes(groupId)).map((m) => m.personId);
}

/**
 * Everything the user is here: convener of a group (which implies member, so
 * not listed twice), member of a group, manager, and the right to record
 * consent in an operative group. Empty for unknown users and other tenants.
 */
export function rolesOf(org: Organisation, actor: Actor): Role[] {
  const person = personOf(org, actor);
  if (!person) return [];
  const roles: Role[] = [];
  const mine = groupsOfPerson(org, person.id);
  for (const g of mine) {
    if (g.conveners.includes(person.id)) roles.push({ kind: 'convener', groupId: g.id, groupName: g.name, level: g.level });
    else roles.push({ kind: 'member', groupId: g.id, groupName: g.name, level: g.level });
  }
  const manager = managerRole(org, person.id);
  if (manager) roles.push(manager);
  if (person.mayRecordConsent) {
    for (const g of mine) if (g.level === 'operative') roles.push({ kind: 'consentRecorder', groupId: g.id, groupName: g.name });
  }
  return roles;
}

/** The groups a person convenes or is a member of, in the organisation file's order. */
function groupsOfPerson(org: Organisation, personId: string): Group[] {
  const entry = indexOf(org).groupsOf.get(personId);
  if (!entry) return [];
  const mine = new Set([...entry.convenes, ...entry.memberOf]);
  return org.groups.filter((g) => mine.has(g));
}

function managerRole(org: Organisation, personId: string): Role | undefined {
  const managed = org.managers.filter((m) => m.personId === personId);
  if (managed.length === 0) return undefined;
  const all = managed.some((m) => m.oversees === 'all');
  return { kind: 'manager', oversees: all ? 'all' : [...new Set(managed.flatMap((m) => m.oversees as string[]))] };
}

function names(org: Organisation, personIds: string[]): string[] {
  return [...new Set(personIds)].map((id) => findPerson(org, id)?.displayName ?? id);
}

/** The decision for one group. */
function inGroup(org: Organisation, person: Person | undefined, capability: Capability, g: Group): Authorization {
  const pid = person?.id;
  const convenerRole: Role = { kind: 'convener', groupId: g.id, groupName: g.name, level: g.level };
  const isConvener = !!pid && g.conveners.includes(pid);
  if (CONVENER_ONLY.has(capability)) {
    return isConvener
      ? { allowed: true, roles: [convenerRole] }
      : { allowed: false, reason: 'notConvener', whoMay: names(org, g.conveners) };
  }
  if (MEMBERS.has(capability)) {
    if (isConvener) return { allowed: true, roles: [convenerRole] };
    if (pid && g.members.includes(pid))
      return { allowed: true, roles: [{ kind: 'member', groupId: g.id, groupName: g.name, level: g.level }] };
    return { allowed: false, reason: 'notMember', whoMay: names(org, membersOf(g)) };
  }
  if (REVIEW.has(capability)) {
    const roles: Role[] = [];
    if (isConvener) roles.push(convenerRole);
    if (pid && oversees(org, pid, g.id)) roles.push(managerRole(org, pid)!);
    return roles.length > 0
      ? { allowed: true, roles }
      : { allowed: false, reason: 'notConvenerOrManager', whoMay: names(org, [...g.conveners, ...managersOf(org, g.id)]) };
  }
  if (CONSENT.has(capability)) {
    if (g.level !== 'operative') return { allowed: false, reason: 'notOperative', whoMay: [] };
    const recorders = membersOf(g).filter((id) => findPerson(org, id)?.mayRecordConsent);
    return pid && recorders.includes(pid)
      ? { allowed: true, roles: [{ kind: 'consentRecorder', groupId: g.id, groupName: g.name }] }
      : { allowed: false, reason: 'noConsentRight', whoMay: names(org, recorders) };
  }
  if (capability === 'digest.view') {
    return pid && oversees(org, pid, g.id)
      ? { allowed: true, roles: [managerRole(org, pid)!] }
      : { allowed: false, reason: 'notManager', whoMay: names(org, managersOf(org, g.id)) };
  }
  return { allowed: true, roles: [] };
}

/** May this user do this here? A refusal says why and who may (display names). */
export function authorize(org: Organisation, actor: Actor, capability: Capability, scope: Scope = {}): Authorization {
  if (capability === 'help') return { allowed: true, roles: rolesOf(org, actor) };
  if (!inTenant(org, actor)) return { allowed: false, reason: 'otherTenant', whoMay: [] };
  const person = personOf(org, actor);
  if (capability === 'group.view') return { allowed: true, roles: rolesOf(org, actor) };
  if (capability === 'report.view') return reportDecision(org, actor);

  let groupId = scope.groupId;
  if (groupId === undefined && scope.documentId !== undefined) {
    const doc = org.documents.find((d) => d.id === scope.documentId);
    if (!doc) return { allowed: false, reason: 'unknownDocument', whoMay: [] };
    groupId = doc.ownerGroup;
  }
  if (groupId !== undefined) {
    const g = findGroup(org, groupId);
    if (!g) return { allowed: false, reason: 'unknownGroup', whoMay: [] };
    return inGroup(org, person, capability, g);
  }

  if (capability === 'digest.view') {
    const roles = rolesOf(org, actor).filter((r) => r.kind === 'manager');
    return roles.length > 0 ? { allowed: true, roles } : { allowed: false, reason: 'notManager', whoMay: names(org, managersOf(org)) };
  }
  // No group in scope: allowed somewhere is allowed; a refusal gathers who may anywhere.
  const candidates = CONSENT.has(capability) ? org.groups.filter((g) => g.level === 'operative') : org.groups;
  if (candidates.length === 0)
    return { allowed: false, reason: CONSENT.has(capability) && org.groups.length > 0 ? 'notOperative' : 'noGroup', whoMay: [] };
  // A group-bound capability can only be allowed in the user's own groups (or, for reviews, the groups they
  // oversee): those are asked first, so an allowed user costs what their groups do, not what the organisation does.
  if (person && GROUP_BOUND.has(capability)) {
    const own = new Set([...groupsOfPerson(org, person.id), ...(REVIEW.has(capability) ? overseen(org, person.id) : [])]);
    const allowed = candidates
      .filter((g) => own.has(g))
      .flatMap((g) => {
        const d = inGroup(org, person, capability, g);
        return d.allowed ? d.roles : [];
      });
    if (allowed.length > 0) return { allowed: true, roles: dedupeRoles(allowed) };
  }
  const decisions = candidates.map((g) => inGroup(org, person, capability, g));
  const allowedRoles = decisions.flatMap((d) => (d.allowed ? d.roles : []));
  if (decisions.some((d) => d.allowed)) return { allowed: true, roles: dedupeRoles(allowedRoles) };
  const refusal = decisions.find((d): d is Extract<Authorization, { allowed: false }> => !d.allowed)!;
  return { allowed: false, reason: refusal.reason, whoMay: [...new Set(decisions.flatMap((d) => (d.allowed ? [] : d.whoMay)))] };
}

/** The report to the boards: the strategic groups' conveners and every manager (SPEC §11). */
function reportDecision(org: Organisation, actor: Actor): Authorization {
  const roles = rolesOf(org, actor).filter((r) => r.kind === 'manager' || (r.kind === 'convener' && r.level === 'strategic'));
  if (roles.length > 0) return { allowed: true, roles };
  const strategic = org.groups.filter((g) => g.level === 'strategic').flatMap((g) => g.conveners);
  return { allowed: false, reason: 'notStrategicOrManager', whoMay: names(org, [...strategic, ...managersOf(org)]) };
}

function dedupeRoles(roles: Role[]): Role[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The groups in which the user may do this (e.g. the operative groups where they may record consent). */
export function groupsWhere(org: Organisation, actor: Actor, capability: Capability): Group[] {
  return org.groups.filter((g) => authorize(org, actor, capability, { groupId: g.id }).allowed);
}

/** Every capability the user has here (in this group, or anywhere without one): what the help card offers. */
export function capabilitiesOf(org: Organisation, actor: Actor, scope: Scope = {}): Capability[] {
  return CAPABILITIES.filter((c) => isAllowed(org, actor, c, scope));
}

/**
 * `authorize(…).allowed` without the refusal's reasons: a group-bound
 * capability without a group in scope is decided on the user's own groups
 * alone (where it could only be allowed), not on every group's "who may".
 */
function isAllowed(org: Organisation, actor: Actor, capability: Capability, scope: Scope): boolean {
  if (scope.groupId !== undefined || scope.documentId !== undefined || !GROUP_BOUND.has(capability)) {
    return authorize(org, actor, capability, scope).allowed;
  }
  if (!inTenant(org, actor)) return false;
  const person = personOf(org, actor);
  if (!person) return false;
  const own = new Set([...groupsOfPerson(org, person.id), ...(REVIEW.has(capability) ? overseen(org, person.id) : [])]);
  return [...own].some((g) => (!CONSENT.has(capability) || g.level === 'operative') && inGroup(org, person, capability, g).allowed);
}
