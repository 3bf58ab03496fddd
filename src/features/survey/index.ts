import { z } from 'zod';
import type { Feature } from '../shared/feature';
import { defineAction } from '../shared/feature';
import { answerSurvey, scheduleSurvey, sendSurvey, SURVEY_KIND, type SurveyPayload } from './survey';

/** `survey.answer` (`surveyId`, `token`, one field per statement: `s1` … `s5`). */
export const surveyAnswer = defineAction({
  verb: 'survey.answer',
  schema: z
    .object({
      surveyId: z.string().trim().min(1).max(10),
      token: z.string().trim().min(1).max(64),
    })
    .catchall(z.string().max(20)),
  async handle({ services, turn, data }) {
    return answerSurvey(services, turn, { surveyId: data.surveyId, token: data.token, answers: data });
  },
});

/** The yearly survey on the collaboration (§11): the job that sends it and the verb that answers it. */
export const surveyFeature: Feature = {
  name: 'survey',
  register(routes, services) {
    routes.action(surveyAnswer);
    routes.job<SurveyPayload>(SURVEY_KIND, (ctx) => sendSurvey(services, ctx));
  },
  start: (services) => scheduleSurvey(services),
};
