import { describe, expect, it } from 'vitest';
import {
  addToTally,
  emptyTally,
  groupShown,
  latestSurveyYear,
  MIN_ANSWERS,
  parseAnswer,
  surveyResults,
  surveyToken,
  tallyOf,
  tallyResults,
} from '../../../src/domain/survey/survey';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrganisation } from '../../../src/domain/organisation';
import { PRESET_NAMES } from '../../../src/domain/organisation/load';

function parseOrganisation(text: string, name: string) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'samverkan-survey-org-')), name);
  writeFileSync(file, text);
  return loadOrganisation(file);
}

const S = ['A', 'B', 'C'];

describe('the yearly survey (§11)', () => {
  it('shows no figure while fewer than 5 answered: no mean, no count per statement', () => {
    expect(MIN_ANSWERS).toBe(5);
    const four = surveyResults(S, [
      [5, 5, 5],
      [1, 1, 1],
      [3, 0, 2],
      [4, 4, 4],
    ]);
    expect(four).toEqual({
      respondents: 4,
      shown: false,
      statements: S.map((text) => ({ text, answers: 0, mean: null })),
    });
  });

  it('gives each statement its count and its mean to one decimal from the fifth answer, leaving out what was not answered', () => {
    const five = surveyResults(S, [
      [5, 5, 5],
      [1, 1, 0],
      [3, 0, 2],
      [4, 4, 4],
      [4, 2, 4],
    ]);
    expect(five.shown).toBe(true);
    expect(five.statements).toEqual([
      { text: 'A', answers: 5, mean: 3.4 },
      { text: 'B', answers: 4, mean: 3 },
      { text: 'C', answers: 4, mean: 3.8 },
    ]);
    expect(surveyResults(S, []).statements[0]).toEqual({ text: 'A', answers: 0, mean: null });
  });

  it('takes a whole number 1–5 as an answer, nothing else', () => {
    expect(['1', ' 5 ', '3'].map(parseAnswer)).toEqual([1, 5, 3]);
    for (const bad of ['0', '6', '3.5', '', 'tre', '12', undefined, 4]) expect(parseAnswer(bad)).toBeUndefined();
  });

  it('makes one token per person and survey, which another key, person or year does not make', () => {
    const k = 'key-0123456789';
    const tok = surveyToken(k, '2026', 'alex.wilber');
    expect(tok).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(surveyToken(k, '2026', 'alex.wilber')).toBe(tok);
    expect(surveyToken(k, '2026', 'megan.bowen')).not.toBe(tok);
    expect(surveyToken(k, '2027', 'alex.wilber')).not.toBe(tok);
    expect(surveyToken('other-key-0123', '2026', 'alex.wilber')).not.toBe(tok);
  });

  it('is an optional field of the organisation file: a month and 3–5 statements, also in an overlay', () => {
    const ok = parseOrganisation('extends: local-demo\nsurvey: { month: 11, statements: [A, B, C] }\n', 'org.yaml');
    expect(ok.ok && ok.organisation.survey).toEqual({ month: 11, statements: ['A', 'B', 'C'] });
    expect(parseOrganisation('extends: local-demo\nsurvey: { month: 13, statements: [A, B, C] }\n', 'org.yaml').ok).toBe(false);
    expect(parseOrganisation('extends: local-demo\nsurvey: { month: 11, statements: [A, B] }\n', 'org.yaml').ok).toBe(false);
    const none = parseOrganisation(
      'id: x\nname: X\ntimeZone: Europe/Stockholm\npeople: []\nagencies: []\ngroups: []\nmanagers: []\ndocuments: []\n',
      'org.yaml',
    );
    expect(none.ok).toBe(true);
    expect(none.ok && none.organisation.survey).toBeUndefined();
  });

  it.each(PRESET_NAMES)('preset %s carries a yearly survey drawn from its document: 3–5 statements, a month', (name) => {
    const r = loadOrganisation(name);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const survey = r.organisation.survey!;
    expect(survey).toBeDefined();
    expect(survey.statements.length).toBeGreaterThanOrEqual(3);
    expect(survey.statements.length).toBeLessThanOrEqual(5);
    expect(survey.month).toBeGreaterThanOrEqual(1);
    expect(survey.sourceRef ?? r.organisation.sourceRef).toMatch(/^seeds\/00[0-4]_/);
  });

  it('keeps counts only: a tally of answers gives the same results as the answers, and no figure below 5', () => {
    const answers = [
      [5, 5, 5],
      [1, 1, 0],
      [3, 0, 2],
      [4, 4, 4],
      [4, 2, 4],
    ];
    const tally = tallyOf(3, answers);
    expect(tally.respondents).toBe(5);
    expect(tally.counts[0]).toEqual([1, 0, 1, 2, 1]);
    expect(tallyResults(S, tally)).toEqual(surveyResults(S, answers));
    const four = answers.slice(0, 4).reduce(addToTally, emptyTally(3));
    expect(tallyResults(S, four).shown).toBe(false);
    expect(tallyResults(S, four).statements.every((st) => st.mean === null && st.answers === 0)).toBe(true);
  });

  it("shows a group's results only where 5 of it answered and none or 5 outside it: everyone's less the group's singles out no one", () => {
    expect(groupShown({ respondents: 5 }, { respondents: 5 })).toBe(true);
    expect(groupShown({ respondents: 5 }, { respondents: 10 })).toBe(true);
    expect(groupShown({ respondents: 4 }, { respondents: 4 })).toBe(false);
    for (const all of [6, 7, 8, 9]) expect(groupShown({ respondents: 5 }, { respondents: all })).toBe(false);
  });

  it("shows the latest survey: this year's from its day, else last year's", () => {
    expect(latestSurveyYear('2026-08-31', 9)).toBe(2025);
    expect(latestSurveyYear('2026-09-01', 9)).toBe(2026);
    expect(latestSurveyYear('2027-01-10', 9)).toBe(2026);
  });
});
