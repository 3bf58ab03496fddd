export * from './consent';
export * from './case-ref';
export * from './subject-hash';
export * from './gate';
export * from './record';
export * from './identifiers';
export {
  screen,
  approved,
  approvedIfNone,
  derived,
  fromStore,
  configuredText,
  splitChecked,
  trimChecked,
  EMPTY_TEXT,
  type CheckedText,
  type Screening,
} from './checked-text';
