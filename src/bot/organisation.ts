import { DEFAULT_PRESET, findGroup, loadOrganisation, type Group, type Organisation } from '../domain/organisation';

export { findGroup, type Group, type Organisation };

/** Loads ORG_CONFIG (a path or a preset name); a bad file stops start-up with every problem on its own line. */
export function loadOrganisationOrThrow(orgConfig: string | undefined): Organisation {
  const result = loadOrganisation(orgConfig ?? DEFAULT_PRESET);
  if (!result.ok) {
    throw new Error(`ORG_CONFIG: the organisation file has ${result.errors.length} problem(s):\n  ${result.errors.join('\n  ')}`);
  }
  return result.organisation;
}

/** Whether a tenant's users belong to this organisation (always, when the file names no tenant). */
export function inTenantOf(org: Organisation, tenantId: string | undefined): boolean {
  return !org.tenantId || (!!tenantId && org.tenantId.toLowerCase() === tenantId.toLowerCase());
}
