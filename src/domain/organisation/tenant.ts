import type { Organisation } from './model';

/** Whether a tenant's users belong to this organisation (always, when the file names no tenant). */
export function inTenantOf(org: Organisation, tenantId: string | undefined): boolean {
  return !org.tenantId || (!!tenantId && org.tenantId.toLowerCase() === tenantId.toLowerCase());
}
