import { describe, expect, it } from 'vitest';
import { authorize, capabilitiesOf, groupsWhere, rolesOf, type Actor, type Capability } from '../../../src/domain/access';
import { loadOrganisation } from '../../../src/domain/organisation/load';
import type { Organisation } from '../../../src/domain/organisation/model';

function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}
const org = demo();
const TENANT = 'tenant-a';
const tenanted: Organisation = { ...org, tenantId: TENANT };

const ALEX: Actor = { aadObjectId: '00000000-0000-0000-0000-0000000000020', tenantId: TENANT };
const MEGAN: Actor = { aadObjectId: '00000000-0000-0000-0000-0000000000021', tenantId: TENANT };
const ADELE: Actor = { aadObjectId: '00000000-0000-0000-0000-0000000000022', tenantId: TENANT };
const ISAIAH: Actor = { aadObjectId: '00000000-0000-0000-0000-0000000000023', tenantId: TENANT };
const STRANGER: Actor = { aadObjectId: 'ffffffff-0000-0000-0000-000000000000', tenantId: TENANT };
/** Chef social sektor: styrgrupp convener and manager; matched by UPN, any case. */
const KARIN: Actor = { upn: 'Karin.Holm@essunga.example', tenantId: TENANT };
/** Socialsekreterare: operative convener with consent rights. */
const SOFIA: Actor = { upn: 'sofia.hed@essunga.example', tenantId: TENANT };
/** Skolkurator: operative convener with consent rights. */
const EMMA: Actor = { upn: 'emma.varg@essunga.example', tenantId: TENANT };

const Y = true;
const N = false;
type Row = [string, Actor, Capability, string | undefined, boolean];

const TABLE: Row[] = [
  ['anyone: help', STRANGER, 'help', undefined, Y],
  ['anyone in the tenant: group.view', ISAIAH, 'group.view', 'operativ', Y],
  ['convener: group.link', ALEX, 'group.link', 'samverkansgrupp', Y],
  ['member, not convener: group.link', ADELE, 'group.link', 'samverkansgrupp', N],
  ['convener of another group: group.link', SOFIA, 'group.link', 'styrgrupp', N],
  ['convener: meeting.schedule', SOFIA, 'meeting.schedule', 'operativ', Y],
  ['member: meeting.schedule', MEGAN, 'meeting.schedule', 'operativ', N],
  ['convener: agenda.publish', ALEX, 'agenda.publish', 'operativ', Y],
  ['member: agenda.publish', MEGAN, 'agenda.publish', 'operativ', N],
  ['convener: minutes.write', ALEX, 'minutes.write', 'styrgrupp', Y],
  ['member: minutes.write', ADELE, 'minutes.write', 'samverkansgrupp', N],
  ['member: meeting.view', ADELE, 'meeting.view', 'samverkansgrupp', Y],
  ['convener counts as member: meeting.view', ALEX, 'meeting.view', 'samverkansgrupp', Y],
  ['member of another group: meeting.view', ADELE, 'meeting.view', 'operativ', N],
  ['member: agenda.propose', MEGAN, 'agenda.propose', 'operativ', Y],
  ['in no group: agenda.propose', ISAIAH, 'agenda.propose', 'operativ', N],
  ['owner group convener: review.complete', KARIN, 'review.complete', 'styrgrupp', Y],
  ['manager overseeing: review.view', ALEX, 'review.view', 'operativ', Y],
  ['manager overseeing: review.complete', ALEX, 'review.complete', 'operativ', Y],
  ['member, not convener: review.view', ADELE, 'review.view', 'samverkansgrupp', N],
  ['convener of another group: review.complete', SOFIA, 'review.complete', 'styrgrupp', N],
  ['operative member with consent right: consent.record', MEGAN, 'consent.record', 'operativ', Y],
  ['operative member with consent right: consent.list', MEGAN, 'consent.list', 'operativ', Y],
  ['operative member with consent right: consent.withdraw', MEGAN, 'consent.withdraw', 'operativ', Y],
  ['operative convener with consent right: consent.record', SOFIA, 'consent.record', 'operativ', Y],
  ['consent only in operative groups, even for Alex', ALEX, 'consent.record', 'samverkansgrupp', N],
  ['tactical member: consent.record', ADELE, 'consent.record', 'operativ', N],
  ['consent right but another group', EMMA, 'consent.record', 'styrgrupp', N],
  ['in no group: consent.list', ISAIAH, 'consent.list', 'operativ', N],
  ['manager: digest.view', ALEX, 'digest.view', undefined, Y],
  ['manager: digest.view of a group', KARIN, 'digest.view', 'operativ', Y],
  ['not a manager: digest.view', MEGAN, 'digest.view', undefined, N],
];

describe('who may do what (SPEC section 5)', () => {
  it.each(TABLE)('%s', (_what, actor, capability, groupId, allowed) => {
    expect(authorize(tenanted, actor, capability, { groupId }).allowed).toBe(allowed);
  });
});

describe('refusals say why and who may', () => {
  it('a member who may not schedule hears the conveners named', () => {
    expect(authorize(org, MEGAN, 'meeting.schedule', { groupId: 'operativ' })).toEqual({
      allowed: false,
      reason: 'notConvener',
      whoMay: ['Sofia Hed', 'Emma Varg', 'Alex Wilber'],
    });
  });

  it('consent in a tactical group: not an operative group', () => {
    expect(authorize(org, ALEX, 'consent.record', { groupId: 'samverkansgrupp' })).toEqual({
      allowed: false,
      reason: 'notOperative',
      whoMay: [],
    });
  });

  it('consent without the right: those in the group who have it', () => {
    expect(authorize(org, ADELE, 'consent.record', { groupId: 'operativ' })).toEqual({
      allowed: false,
      reason: 'noConsentRight',
      whoMay: ['Sofia Hed', 'Emma Varg', 'Alex Wilber', 'Megan Bowen'],
    });
  });

  it("reviews: the owning group's conveners and its managers (a document stands for its owner group)", () => {
    expect(authorize(org, ADELE, 'review.complete', { documentId: 'riktlinje-samverkan' })).toEqual({
      allowed: false,
      reason: 'notConvenerOrManager',
      whoMay: ['Karin Holm', 'Per Lund', 'Alex Wilber'],
    });
    expect(authorize(org, KARIN, 'review.complete', { documentId: 'riktlinje-samverkan' }).allowed).toBe(true);
  });

  it('the digest: managers', () => {
    expect(authorize(org, ISAIAH, 'digest.view')).toEqual({
      allowed: false,
      reason: 'notManager',
      whoMay: ['Karin Holm', 'Per Lund', 'Alex Wilber'],
    });
  });

  it('an unknown group or document', () => {
    expect(authorize(org, ALEX, 'group.link', { groupId: 'nope' })).toEqual({ allowed: false, reason: 'unknownGroup', whoMay: [] });
    expect(authorize(org, ALEX, 'review.view', { documentId: 'nope' })).toEqual({ allowed: false, reason: 'unknownDocument', whoMay: [] });
  });

  it('allowed answers carry the roles that allow', () => {
    expect(authorize(org, MEGAN, 'consent.record', { groupId: 'operativ' })).toEqual({
      allowed: true,
      roles: [{ kind: 'consentRecorder', groupId: 'operativ', groupName: 'Operativ grupp' }],
    });
  });
});

describe('tenants', () => {
  const otherTenantAlex: Actor = { ...ALEX, tenantId: 'tenant-b' };
  it('a user of another tenant has no roles and may do nothing but ask for help', () => {
    expect(rolesOf(tenanted, otherTenantAlex)).toEqual([]);
    expect(authorize(tenanted, otherTenantAlex, 'help')).toEqual({ allowed: true, roles: [] });
    expect(authorize(tenanted, otherTenantAlex, 'group.view', { groupId: 'operativ' })).toEqual({
      allowed: false,
      reason: 'otherTenant',
      whoMay: [],
    });
    expect(authorize(tenanted, otherTenantAlex, 'consent.record', { groupId: 'operativ' }).allowed).toBe(false);
    expect(capabilitiesOf(tenanted, otherTenantAlex)).toEqual(['help']);
    expect(authorize(tenanted, { aadObjectId: ALEX.aadObjectId }, 'group.link', { groupId: 'operativ' }).allowed).toBe(false);
  });

  it('without a tenant id in the file, users are matched by id alone', () => {
    expect(authorize(org, otherTenantAlex, 'group.link', { groupId: 'operativ' }).allowed).toBe(true);
  });

  it('tenant ids compare without regard to case', () => {
    expect(authorize(tenanted, { ...ALEX, tenantId: 'TENANT-A' }, 'group.link', { groupId: 'operativ' }).allowed).toBe(true);
  });
});

describe('roles, for the help card', () => {
  it('Alex: convener of every group, manager of all, may record consent in the operative group', () => {
    expect(rolesOf(org, ALEX)).toEqual([
      { kind: 'convener', groupId: 'styrgrupp', groupName: 'Styrgrupp', level: 'strategic' },
      { kind: 'convener', groupId: 'samverkansgrupp', groupName: 'Samverkansgrupp', level: 'tactical' },
      { kind: 'convener', groupId: 'operativ', groupName: 'Operativ grupp', level: 'operative' },
      { kind: 'manager', oversees: 'all' },
      { kind: 'consentRecorder', groupId: 'operativ', groupName: 'Operativ grupp' },
    ]);
  });

  it('Megan, Adele, Isaiah', () => {
    expect(rolesOf(org, MEGAN)).toEqual([
      { kind: 'member', groupId: 'operativ', groupName: 'Operativ grupp', level: 'operative' },
      { kind: 'consentRecorder', groupId: 'operativ', groupName: 'Operativ grupp' },
    ]);
    expect(rolesOf(org, ADELE)).toEqual([{ kind: 'member', groupId: 'samverkansgrupp', groupName: 'Samverkansgrupp', level: 'tactical' }]);
    expect(rolesOf(org, ISAIAH)).toEqual([]);
  });

  it('without a group in scope, a capability held in any group counts (personal chat)', () => {
    expect(capabilitiesOf(org, ALEX)).toEqual([
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
    ]);
    expect(capabilitiesOf(org, MEGAN)).toEqual([
      'help',
      'group.view',
      'meeting.view',
      'agenda.propose',
      'consent.record',
      'consent.list',
      'consent.withdraw',
    ]);
    expect(capabilitiesOf(org, ADELE)).toEqual(['help', 'group.view', 'meeting.view', 'agenda.propose']);
    expect(capabilitiesOf(org, ISAIAH)).toEqual(['help', 'group.view']);
    expect(capabilitiesOf(org, ADELE, { groupId: 'operativ' })).toEqual(['help', 'group.view']);
  });

  it('groupsWhere lists where a user may act', () => {
    expect(groupsWhere(org, MEGAN, 'consent.record').map((g) => g.id)).toEqual(['operativ']);
    expect(groupsWhere(org, ADELE, 'consent.record')).toEqual([]);
    expect(groupsWhere(org, ALEX, 'group.link').map((g) => g.id)).toEqual(['styrgrupp', 'samverkansgrupp', 'operativ']);
  });
});
