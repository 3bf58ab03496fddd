import { createHmac } from 'node:crypto';

/**
 * Following up the collaboration itself (§11, `survey.answer`): once a year
 * a short survey (3–5 statements, answered 1–5) goes to every group member.
 * Answers are stored without who answered: a keyed token per person and
 * survey, issued when the survey is sent and used up by the answer, keeps
 * anyone from answering twice; the answer itself only adds to counts (a
 * tally for everyone and one per group of the respondent). A figure is shown only where at least MIN_ANSWERS answered, so no
 * single person's answer can be read out of it. Plain data and rules.
 */

/** The fewest answers before any figure of a survey is shown. */
export const MIN_ANSWERS = 5;

/** The scale of every statement. */
export const SCALE = [1, 2, 3, 4, 5] as const;

/** A survey's id: its year (one survey a year). */
export const surveyIdFor = (year: number) => String(year);

/**
 * A person's token for a survey: keyed, so only the bot can make one, and the
 * same on every send, so one person answers once. It is checked against the
 * person who answers, and only its hash is stored, apart from the answers.
 */
export function surveyToken(key: string, surveyId: string, personId: string): string {
  return createHmac('sha256', key).update(`survey\u0000${surveyId}\u0000${personId}`, 'utf8').digest('base64url').slice(0, 32);
}

/** The answer to one statement: a whole number 1–5, or undefined for anything else. */
export function parseAnswer(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !/^\s*[1-5]\s*$/.test(raw)) return undefined;
  return Number(raw.trim());
}

export interface StatementResult {
  text: string;
  /** How many answered this statement. */
  answers: number;
  /** The mean on the 1–5 scale, one decimal; null where fewer than MIN_ANSWERS answered the survey. */
  mean: number | null;
}

export interface SurveyResults {
  /** How many answered the survey. */
  respondents: number;
  /** False while fewer than MIN_ANSWERS answered: no figure is shown. */
  shown: boolean;
  statements: StatementResult[];
}

/**
 * The results of a survey from its stored answers (one array of 1–5 values
 * per respondent, 0 for a statement left unanswered). Below MIN_ANSWERS
 * respondents no mean is given, and no statement's count either: only the
 * number who answered.
 */
export function surveyResults(statements: readonly string[], answers: ReadonlyArray<readonly number[]>): SurveyResults {
  return tallyResults(statements, tallyOf(statements.length, answers));
}

/**
 * What is kept of a survey's answers: counts only, never an answer of its
 * own. One tally for everyone (`ALL`) and one per group the respondent is a
 * member of, each the number who answered and, per statement, how many
 * answered 1, 2, 3, 4 and 5. A tally of several groups' members holds no row
 * that ties one person's answers together across groups.
 */
export interface SurveyTally {
  respondents: number;
  /** Per statement, the count of each value 1–5 (index 0 is the value 1). */
  counts: number[][];
}

/** The tally of everyone who answered, beside the groups' tallies. */
export const ALL = '*';

export const emptyTally = (statements: number): SurveyTally => ({
  respondents: 0,
  counts: Array.from({ length: statements }, () => [0, 0, 0, 0, 0]),
});

/** A tally with one more respondent's values (1–5; 0 for a statement left unanswered). */
export function addToTally(tally: SurveyTally, values: readonly number[]): SurveyTally {
  const length = Math.max(tally.counts.length, values.length);
  const counts = Array.from({ length }, (_, i) => [...(tally.counts[i] ?? [0, 0, 0, 0, 0])]);
  values.forEach((v, i) => {
    if (v >= 1 && v <= 5) counts[i]![v - 1]! += 1;
  });
  return { respondents: tally.respondents + 1, counts };
}

/** Answers, each an array of values, as one tally. */
export function tallyOf(statements: number, answers: ReadonlyArray<readonly number[]>): SurveyTally {
  return answers.reduce(addToTally, emptyTally(statements));
}

/** The results of a tally, by the same rule as surveyResults: no figure below MIN_ANSWERS respondents. */
export function tallyResults(statements: readonly string[], tally: SurveyTally): SurveyResults {
  const shown = tally.respondents >= MIN_ANSWERS;
  return {
    respondents: tally.respondents,
    shown,
    statements: statements.map((text, i) => {
      const c = tally.counts[i] ?? [];
      const answers = c.reduce((s, n) => s + n, 0);
      const sum = c.reduce((s, n, v) => s + n * (v + 1), 0);
      const mean = shown && answers ? Math.round((10 * sum) / answers) / 10 : null;
      return { text, answers: shown ? answers : 0, mean };
    }),
  };
}

/**
 * Whether a group's results may be shown beside everyone's: at least
 * MIN_ANSWERS of its members answered, and the others who answered are
 * none or at least MIN_ANSWERS too. Otherwise everyone's figures less the
 * group's would be the answers of the few outside it (one person's, at worst).
 */
export function groupShown(group: Pick<SurveyTally, 'respondents'>, all: Pick<SurveyTally, 'respondents'>): boolean {
  const rest = all.respondents - group.respondents;
  return group.respondents >= MIN_ANSWERS && (rest === 0 || rest >= MIN_ANSWERS);
}

/**
 * The survey whose results are the latest to show at `today` (a local date):
 * this year's once its day has come, else last year's.
 */
export function latestSurveyYear(today: string, month: number): number {
  const year = Number(today.slice(0, 4));
  return today >= surveyDay(year, month) ? year : year - 1;
}

/** When the survey of a year goes out: the 1st of its month at 09:00 local (the ISO local date-time). */
export function surveyDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}
