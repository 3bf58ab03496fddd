export {
  CAPABILITIES,
  authorize,
  capabilitiesOf,
  groupsWhere,
  inTenant,
  personOf,
  rolesOf,
  type Actor,
  type Authorization,
  type Capability,
  type RefusalReason,
  type Role,
  type Scope,
} from './authorize';
export { mayReadGroup, type ReadDecision } from './read';
