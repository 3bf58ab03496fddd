export {
  detectIdentifiers,
  isIdentifiable,
  categoriesOf,
  normaliseName,
  nationalPhone,
  MIN_CONFIDENCE,
  type DetectOptions,
  type Finding,
  type IdentifierCategory,
} from './detect';
export {
  findPersonnummer,
  normalisePersonnummer,
  isValidPersonnummer,
  isSamordningsnummer,
  luhnCheckDigit,
  type PersonnummerMatch,
  type PersonnummerKind,
} from './personnummer';
