/** A set of the words in a text (split at white space): how the detector's word lists are written. */
export const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));
