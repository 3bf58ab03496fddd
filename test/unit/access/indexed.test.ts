import { describe, expect, it } from 'vitest';
import { authorize, CAPABILITIES, capabilitiesOf, groupsWhere, rolesOf } from '../../../src/domain/access';
import { loadOrganisation, type Organisation } from '../../../src/domain/organisation';

/** The demo organisation grown to `groups` groups of ten, some operative, with managers over some of them. */
function grown(groups: number, seed = 7): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const base = r.organisation;
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const n = groups * 10;
  const people = [
    ...base.people,
    ...Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      displayName: `Person ${i}`,
      role: 'Kurator',
      aadObjectId: `aad-${i}`,
      ...(random() < 0.3 ? { mayRecordConsent: true } : {}),
    })),
  ];
  const pick = () => `p${Math.floor(random() * n)}`;
  const extra = Array.from({ length: groups }, (_, g) => ({
    ...base.groups[0]!,
    id: `g${g}`,
    name: `Grupp ${g}`,
    level: (['strategic', 'tactical', 'operative'] as const)[g % 3]!,
    conveners: [pick(), ...(random() < 0.3 ? [pick()] : [])],
    members: Array.from({ length: 8 }, pick),
  }));
  const managers = [
    ...base.managers,
    { personId: 'p1', oversees: 'all' as const },
    { personId: 'p2', oversees: extra.filter((_, i) => i % 7 === 0).map((g) => g.id) },
  ];
  return { ...base, people, groups: [...base.groups, ...extra], managers } as Organisation;
}

describe('authorisation by index: the same answers as asking every group', () => {
  const org = grown(30);
  const actors = [
    ...org.people.slice(0, 60).map((p) => ({ aadObjectId: p.aadObjectId, tenantId: org.tenantId })),
    { aadObjectId: 'nobody', tenantId: org.tenantId },
    { aadObjectId: org.people[0]!.aadObjectId, tenantId: 'another-tenant' },
  ];

  it("a capability without a group is allowed exactly when some group allows it, and help's list agrees with authorize", () => {
    for (const actor of actors) {
      const caps = capabilitiesOf(org, actor);
      for (const c of CAPABILITIES) {
        const allowed = authorize(org, actor, c).allowed;
        expect(caps.includes(c), `${actor.aadObjectId} ${c}`).toBe(allowed);
        if (c === 'help' || c === 'group.view' || c === 'digest.view') continue;
        expect(allowed, `${actor.aadObjectId} ${c}`).toBe(groupsWhere(org, actor, c).length > 0);
      }
    }
  }, 30_000);

  it("a user's roles are their groups' roles, in the organisation file's order", () => {
    for (const actor of actors.filter((a) => a.aadObjectId).slice(0, 60)) {
      const roles = rolesOf(org, actor);
      const groupRoles = roles.filter((r) => r.kind === 'convener' || r.kind === 'member');
      const expected = org.groups
        .filter((g) =>
          org.people.some((p) => p.aadObjectId === actor.aadObjectId && (g.conveners.includes(p.id) || g.members.includes(p.id))),
        )
        .map((g) => g.id);
      if (actor.tenantId !== org.tenantId) expect(roles).toEqual([]);
      else expect(groupRoles.map((r) => (r as { groupId: string }).groupId)).toEqual(expected);
    }
  });
});
