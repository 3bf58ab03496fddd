/** What the consent rules take from the detector, in one place. */
export {
  detectIdentifiers,
  normaliseName,
  normalisePersonnummer,
  type DetectOptions,
  type Finding,
  type IdentifierCategory,
} from '../identifiers';
