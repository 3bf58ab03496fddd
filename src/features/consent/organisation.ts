import { authorize, personOf, type Actor } from '../../domain/access';
import type { DetectOptions } from '../../domain/consent';
import { findPerson, inTenantOf, type Group, type Organisation } from '../../domain/organisation';

/**
 * What the consent feature reads of the organisation: its operative groups,
 * who may do what there (the domain's authorize), names, and what the
 * detector must not flag.
 */

export type ConsentCapability = 'consent.record' | 'consent.list' | 'consent.withdraw';

/** Why the user may not: the reason's key and who may instead (display names). */
export interface Refusal {
  reason: string;
  whoMay: string[];
}

/** The operative groups of the organisation, for a user of this tenant (none for another tenant's). */
export function operativeGroups(org: Organisation, tenantId: string | undefined): Group[] {
  return inTenantOf(org, tenantId) ? org.groups.filter((g) => g.level === 'operative') : [];
}

/** The operative groups where the actor may do this. */
export function permittedGroups(org: Organisation, actor: Actor, capability: ConsentCapability): Group[] {
  return operativeGroups(org, actor.tenantId).filter((g) => authorize(org, actor, capability, { groupId: g.id }).allowed);
}

/** Why the actor may do this nowhere: the first operative group's answer. */
export function refusalFor(org: Organisation, actor: Actor, capability: ConsentCapability): Refusal {
  for (const g of operativeGroups(org, actor.tenantId)) {
    const a = authorize(org, actor, capability, { groupId: g.id });
    if (!a.allowed) return { reason: a.reason, whoMay: a.whoMay };
  }
  return { reason: 'noConsentRight', whoMay: [] };
}

/** A group's name by its id (the id itself for a group this tenant does not have). */
export function groupNamer(org: Organisation, tenantId: string): (id: string) => string {
  const groups = inTenantOf(org, tenantId) ? org.groups : [];
  return (id) => groups.find((g) => g.id === id)?.name ?? id;
}

/** Whether the user (by Entra object id) convenes the group. */
export function convenes(org: Organisation, group: Group, aadObjectId: string | undefined): boolean {
  return !!aadObjectId && group.conveners.some((id) => findPerson(org, id)?.aadObjectId === aadObjectId);
}

/** A user's display name in the organisation, by Entra object id, for a user of the given tenant. */
export function userName(org: Organisation, aadObjectId: string, tenantId: string): string | undefined {
  return personOf(org, { aadObjectId, tenantId })?.displayName;
}

const detectOptions = new WeakMap<Organisation, Omit<DetectOptions, 'now'>>();

/**
 * Officials' names and the organisation's mail domains, which are not
 * identifiers. One object per organisation: the detector keeps what it
 * derives from it (normalised names) by the object's identity.
 */
export function detectOptionsOf(org: Organisation): Omit<DetectOptions, 'now'> {
  let options = detectOptions.get(org);
  if (!options) {
    const officialNames = org.people.map((p) => p.displayName);
    const organisationDomains = [
      ...new Set([...(org.mailDomains ?? []), ...org.people.flatMap((p) => (p.upn?.includes('@') ? [p.upn.split('@')[1]!] : []))]),
    ];
    options = { officialNames, organisationDomains };
    detectOptions.set(org, options);
  }
  return options;
}

/** An agency's name by its id (the id itself for one the organisation does not have). */
export function agencyNamer(org: Organisation): (id: string) => string {
  return (id) => org.agencies.find((a) => a.id === id)?.name ?? id;
}

/** What the consent form shows from the organisation: its agencies to choose from, and its own consent form's link. */
export function formExtras(org: Organisation): { agencies: Array<{ id: string; name: string }>; consentFormUrl?: string } {
  return { agencies: org.agencies.map((a) => ({ id: a.id, name: a.name })), consentFormUrl: org.consentFormUrl };
}
