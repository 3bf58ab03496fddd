/** The organisation domain: pure, except load.ts which reads files. */
export * from './model';
export * from './cadence';
export * from './review-cycles';
export {
  parseOrganisation,
  validateOrganisation,
  serialiseOrganisation,
  applyOverlay,
  formatPath,
  OverlaySchema,
  type Overlay,
  type ParseResult,
  type ParseOptions,
} from './parse';
export { isIsoDate, localDate, daysBetween, addDays, addMonths, easterSunday, type IsoDate } from './dates';
export { loadOrganisation, PRESET_NAMES, DEFAULT_PRESET, isPresetName, presetPath, presetDirectory, type PresetName } from './load';
export { inTenantOf } from './tenant';
