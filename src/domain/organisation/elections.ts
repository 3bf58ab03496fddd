import { DateTime } from 'luxon';
import { addDays, day, iso, type IsoDate } from './dates';

/**
 * Swedish general elections (riksdag, regions and municipalities together)
 * are held every fourth year, 2022, 2026, 2030…, on the second Sunday of
 * September; the new councils' term of office (mandatperiod) starts on
 * 15 October of the election year. (The four-year rhythm goes back to 1994;
 * earlier terms are not modelled.)
 */
export const FIRST_MODELLED_ELECTION = 1994;
const TERM_START = { month: 10, day: 15 } as const;

export function isElectionYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_MODELLED_ELECTION && (year - 2022) % 4 === 0;
}

/** The election day of an election year (the second Sunday of September); throws for other years. */
export function electionDate(year: number): IsoDate {
  if (!isElectionYear(year))
    throw new RangeError(
      `${year} is not a Swedish general election year (every fourth year from ${FIRST_MODELLED_ELECTION}: 2022, 2026, 2030…)`,
    );
  const first = DateTime.fromObject({ year, month: 9, day: 1 }, { zone: 'UTC' });
  const firstSunday = first.plus({ days: (7 - first.weekday) % 7 });
  return iso(firstSunday.plus({ days: 7 }));
}

function termStartOfElectionYear(year: number): IsoDate {
  return iso(DateTime.fromObject({ year, ...TERM_START }, { zone: 'UTC' }));
}

export interface TermOfOffice {
  /** 15 October of the election year. */
  start: IsoDate;
  /** The day before the next term starts. */
  end: IsoDate;
  /** The election that began this term. */
  electionDate: IsoDate;
  /** e.g. "2026–2030". */
  label: string;
}

/** The start of the term of office in force on `date`. */
export function termStart(date: IsoDate): IsoDate {
  return currentTerm(date).start;
}

/** The term of office in force on `date`. */
export function currentTerm(date: IsoDate): TermOfOffice {
  const d = day(date);
  let year = d.year - ((((d.year - 2022) % 4) + 4) % 4);
  if (date < termStartOfElectionYear(year)) year -= 4;
  if (year < FIRST_MODELLED_ELECTION) throw new RangeError(`terms of office before ${FIRST_MODELLED_ELECTION} are not modelled`);
  return termOfElectionYear(year);
}

/** The term that follows the one in force on `date`. */
export function nextTerm(date: IsoDate): TermOfOffice {
  return termOfElectionYear(day(currentTerm(date).start).year + 4);
}

function termOfElectionYear(year: number): TermOfOffice {
  const start = termStartOfElectionYear(year);
  return { start, end: addDays(termStartOfElectionYear(year + 4), -1), electionDate: electionDate(year), label: `${year}–${year + 4}` };
}
