import { createHmac } from 'node:crypto';

/**
 * Following up the collaboration itself (§11, `survey.answer`): once a year
 * a short survey (3–5 statements, answered 1–5) goes to every group member.
 * Answers are stored without who answered: a keyed one-time token per person
 * and survey keeps anyone from answering twice, and is kept apart from the
 * answers. A figure is shown only where at least MIN_ANSWERS answered, so no
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
  const respondents = answers.length;
  const shown = respondents >= MIN_ANSWERS;
  return {
    respondents,
    shown,
    statements: statements.map((text, i) => {
      const values = answers.map((a) => a[i] ?? 0).filter((v) => v >= 1 && v <= 5);
      const mean = shown && values.length ? Math.round((10 * values.reduce((s, v) => s + v, 0)) / values.length) / 10 : null;
      return { text, answers: shown ? values.length : 0, mean };
    }),
  };
}

/** When the survey of a year goes out: the 1st of its month at 09:00 local (the ISO local date-time). */
export function surveyDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}
