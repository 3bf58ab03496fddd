import type { Group, Organisation, Person } from './model';

/**
 * The organisation's lookups by key, built once per organisation (it does not
 * change after it is loaded): a command's cost then does not grow with the
 * number of people and groups.
 */
export interface OrganisationIndex {
  personById: Map<string, Person>;
  /** By Entra object id, lower case. */
  personByAad: Map<string, Person>;
  /** By UPN, lower case. */
  personByUpn: Map<string, Person>;
  groupById: Map<string, Group>;
  /** The groups a person convenes, and those they are a member of without convening. */
  groupsOf: Map<string, { convenes: Group[]; memberOf: Group[] }>;
}

const indexes = new WeakMap<Organisation, OrganisationIndex>();

const key = (s: string | undefined) => s?.trim().toLowerCase() || undefined;

export function indexOf(org: Organisation): OrganisationIndex {
  let index = indexes.get(org);
  if (index) return index;
  index = { personById: new Map(), personByAad: new Map(), personByUpn: new Map(), groupById: new Map(), groupsOf: new Map() };
  for (const p of org.people) {
    if (!index.personById.has(p.id)) index.personById.set(p.id, p);
    const aad = key(p.aadObjectId);
    if (aad && !index.personByAad.has(aad)) index.personByAad.set(aad, p);
    const upn = key(p.upn);
    if (upn && !index.personByUpn.has(upn)) index.personByUpn.set(upn, p);
  }
  const of = (personId: string) => {
    let entry = index!.groupsOf.get(personId);
    if (!entry) index!.groupsOf.set(personId, (entry = { convenes: [], memberOf: [] }));
    return entry;
  };
  for (const g of org.groups) {
    if (!index.groupById.has(g.id)) index.groupById.set(g.id, g);
    for (const id of new Set(g.conveners)) of(id).convenes.push(g);
    for (const id of new Set(g.members)) if (!g.conveners.includes(id)) of(id).memberOf.push(g);
  }
  indexes.set(org, index);
  return index;
}

/** A person by Entra object id or UPN (case-insensitive), as the organisation file names them. */
export function personByAadOrUpn(org: Organisation, aadObjectId: string | undefined, upn: string | undefined): Person | undefined {
  const index = indexOf(org);
  const aad = key(aadObjectId);
  if (aad) {
    const byId = index.personByAad.get(aad);
    if (byId) return byId;
  }
  const u = key(upn);
  return u ? index.personByUpn.get(u) : undefined;
}
