import { describe, expect, it } from 'vitest';
import {
  convenes,
  detectOptionsOf,
  groupNamer,
  permittedGroups,
  refusalFor,
  userName,
} from '../../../../src/features/consent/organisation';
import { ADELE, ALEX, MEGAN, TENANT, world } from './setup';

describe('the consent feature’s view of the organisation', async () => {
  const { organisation: org } = (await world()).deps;

  it('computes the detector options once per organisation, so the detector’s cache keeps them', () => {
    const options = detectOptionsOf(org);
    expect(detectOptionsOf(org)).toBe(options);
    expect(options.officialNames).toContain('Megan Bowen');
    expect(detectOptionsOf({ ...org })).not.toBe(options);
  });

  it('finds the operative groups where a user may act, and why not elsewhere', () => {
    expect(permittedGroups(org, { aadObjectId: MEGAN, tenantId: TENANT }, 'consent.record').map((g) => g.id)).toEqual(['operativ']);
    expect(permittedGroups(org, { aadObjectId: ADELE, tenantId: TENANT }, 'consent.record')).toEqual([]);
    expect(permittedGroups(org, { aadObjectId: MEGAN, tenantId: 'tenant-b' }, 'consent.record')).toEqual([]);
    expect(refusalFor(org, { aadObjectId: ADELE, tenantId: TENANT }, 'consent.list')).toMatchObject({ reason: 'noConsentRight' });
    expect(refusalFor(org, { aadObjectId: MEGAN, tenantId: 'tenant-b' }, 'consent.list')).toEqual({ reason: 'noConsentRight', whoMay: [] });
  });

  it('names groups for this tenant only, and knows who convenes', () => {
    expect(groupNamer(org, TENANT)('operativ')).toBe('Operativ grupp');
    expect(groupNamer(org, 'tenant-b')('operativ')).toBe('operativ');
    const operativ = org.groups.find((g) => g.id === 'operativ')!;
    expect(convenes(org, operativ, ALEX)).toBe(true);
    expect(convenes(org, operativ, MEGAN)).toBe(false);
    expect(convenes(org, operativ, undefined)).toBe(false);
  });

  it("names a user by their Entra object id, in the organisation's own tenant (which the organisation file names)", () => {
    expect(org.tenantId).toBeTruthy();
    expect(userName(org, MEGAN, TENANT)).toBe('Megan Bowen');
    expect(userName(org, MEGAN, 'tenant-b')).toBeUndefined();
    expect(userName(org, 'nobody', TENANT)).toBeUndefined();
    expect(userName({ ...org, tenantId: undefined }, MEGAN, 'any-tenant')).toBe('Megan Bowen');
  });
});
