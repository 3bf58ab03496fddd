import { z } from 'zod';
import { defineAction } from '../shared/feature';
import { inputKey } from './cards';
import { updatePlan } from './plans';

const field = z.string().max(400).optional();

/**
 * `plan.update` (`documentId`, `activityId`, `status`, `due`, `owner`, `text`;
 * an empty `activityId` adds). From the card the inputs carry the activity's
 * key (`text_<documentId>--<activityId>`), because input ids are unique per
 * card; the plain names are read first.
 */
export const planUpdate = defineAction({
  verb: 'plan.update',
  schema: z
    .object({
      documentId: z.string().trim().min(1).max(64),
      activityId: z.string().trim().max(64).default(''),
      status: field,
      due: field,
      owner: field,
      text: field,
    })
    .catchall(z.string().max(400)),
  async handle({ services, turn, data }) {
    const key = inputKey(data.documentId, data.activityId);
    const pick = (name: 'status' | 'due' | 'owner' | 'text'): string => String(data[name] ?? data[`${name}_${key}`] ?? '');
    return updatePlan(services, turn, {
      documentId: data.documentId,
      activityId: data.activityId,
      status: pick('status'),
      due: pick('due'),
      owner: pick('owner'),
      text: pick('text'),
    });
  },
});
