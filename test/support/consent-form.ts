/**
 * The consent.record card's fields as a convener fills them in: the subject,
 * the operative group, a consent until the end of the next school year, one
 * guardian, written; override what a case needs.
 */
export function consentRecordForm(
  subject: { personnummer: string; name?: string },
  over: Record<string, string> = {},
): Record<string, string> {
  return {
    subjectPersonnummer: subject.personnummer,
    subjectName: subject.name ?? '',
    groupIds: 'operativ',
    validFrom: '',
    validUntil: '2027-06-30',
    parties: 'guardian1',
    purpose: 'Samordning kring skolgång',
    informationCategories: 'Skolgång',
    exclusions: '',
    form: 'written',
    documentRef: '',
    ...over,
  };
}
