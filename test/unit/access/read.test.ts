import { describe, expect, it } from 'vitest';
import { mayReadGroup, type Actor } from '../../../src/domain/access';
import { loadOrganisation } from '../../../src/domain/organisation/load';
import type { Organisation } from '../../../src/domain/organisation/model';

/** Who may see a group's meetings and agendas: its conveners, its members, the managers who oversee it. */

function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}
const TENANT = 'tenant-a';
const base = demo();
const org: Organisation = {
  ...base,
  tenantId: TENANT,
  people: [
    ...base.people,
    { id: 'mona', displayName: 'Mona Manager', aadObjectId: 'aad-mona', role: 'Förvaltningschef' },
    { id: 'olle', displayName: 'Olle Områdeschef', aadObjectId: 'aad-olle', role: 'Områdeschef' },
  ],
  managers: [...base.managers, { personId: 'mona', oversees: ['operativ'] }, { personId: 'olle', oversees: ['styrgrupp'] }],
};

const actor = (aadObjectId: string, tenantId = TENANT): Actor => ({ aadObjectId, tenantId });
const ALEX = actor('00000000-0000-0000-0000-0000000000020');
const MEGAN = actor('00000000-0000-0000-0000-0000000000021');
const ADELE = actor('00000000-0000-0000-0000-0000000000022');
const ISAIAH = actor('00000000-0000-0000-0000-0000000000023');

describe('mayReadGroup', () => {
  it.each([
    ['a convener', ALEX, 'operativ', true],
    ['a member', MEGAN, 'operativ', true],
    ['the manager who oversees the group', actor('aad-mona'), 'operativ', true],
    ['a manager of another area', actor('aad-olle'), 'operativ', false],
    ['that manager, in the group they oversee', actor('aad-olle'), 'styrgrupp', true],
    ['a member of another group', ADELE, 'operativ', false],
    ['someone in no group', ISAIAH, 'operativ', false],
    ['someone the organisation does not know', actor('aad-nobody'), 'operativ', false],
    ["a convener, as another tenant's user", actor(ALEX.aadObjectId!, 'tenant-b'), 'operativ', false],
  ] as const)('%s: %s', (_who, a, groupId, allowed) => {
    expect(mayReadGroup(org, a, groupId).allowed).toBe(allowed);
  });

  it("says why: another tenant, an unknown group, or not one of the group's readers", () => {
    expect(mayReadGroup(org, actor(ALEX.aadObjectId!, 'tenant-b'), 'operativ')).toEqual({ allowed: false, reason: 'otherTenant' });
    expect(mayReadGroup(org, ALEX, 'nosuchgroup')).toEqual({ allowed: false, reason: 'unknownGroup' });
    expect(mayReadGroup(org, ADELE, 'operativ')).toEqual({ allowed: false, reason: 'notReader' });
  });
});
