/**
 * Invented children for the consent tests: personnummer with valid dates and
 * check digits, built for the tests, belonging to no one. The privacy test
 * searches every stored row and log line for all of these.
 */
export const SUBJECTS = {
  a: { personnummer: '150312-1236', twelve: '201503121236', name: 'Kalle Testsson' },
  b: { personnummer: '160708-4561', twelve: '201607084561', name: 'Lisa Provsdotter' },
  c: { personnummer: '140921-7898', twelve: '201409217898', name: 'Omar Exempelsson' },
} as const;

/** Every written form of a personnummer: 10 or 12 digits; separator -, space or none. */
export function writtenForms(twelve: string): string[] {
  const ten = twelve.slice(2);
  return [
    twelve,
    `${twelve.slice(0, 8)}-${twelve.slice(8)}`,
    `${twelve.slice(0, 8)} ${twelve.slice(8)}`,
    ten,
    `${ten.slice(0, 6)}-${ten.slice(6)}`,
    `${ten.slice(0, 6)} ${ten.slice(6)}`,
    `${ten.slice(0, 6)}+${ten.slice(6)}`,
  ];
}

/** Messages the gate flags in the tests; no stored row or log line may hold them or any part that identifies. */
export const FLAGGED = {
  aAbsence: `${SUBJECTS.a.personnummer} har hög frånvaro igen, mamma har ringt skolan.`,
  abTogether: `Syskonen ${SUBJECTS.a.personnummer} och ${SUBJECTS.b.personnummer} behöver samordnad planering.`,
  cSip: `Inför SIP-mötet: ${SUBJECTS.c.twelve} mår sämre sedan placeringen.`,
  personal: `Kan du kolla ärendet för ${SUBJECTS.b.personnummer}? Pappa vill ha ett möte.`,
} as const;

/** Distinctive fragments of the flagged messages, besides the identifiers. */
export const FLAGGED_FRAGMENTS = [
  'hög frånvaro igen',
  'Syskonen',
  'samordnad planering',
  'mår sämre sedan placeringen',
  'Pappa vill ha ett möte',
];
