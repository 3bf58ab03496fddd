import { findGroup, inTenantOf, loadOrganisation, type Group, type Organisation } from '../../domain/organisation';

export { findGroup, inTenantOf, type Group, type Organisation };

/** Loads ORG_CONFIG (a path or a preset name); a bad file stops start-up with every problem on its own line. */
export function loadOrganisationOrThrow(orgConfig: string | undefined): Organisation {
  // No fallback to the demo organisation: only npm start chooses it (src/local.ts).
  if (!orgConfig?.trim()) throw new Error('ORG_CONFIG: required: the organisation file (a path) or a preset name');
  const result = loadOrganisation(orgConfig);
  if (!result.ok) {
    throw new Error(`ORG_CONFIG: the organisation file has ${result.errors.length} problem(s):\n  ${result.errors.join('\n  ')}`);
  }
  return result.organisation;
}
