import { z } from 'zod';
import { errorCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { quickScheduleSchema } from '../../domain/commands/parse';
import { normaliseTime } from '../../domain/meetings/arguments';
import { RSVP_ANSWERS } from '../../domain/meetings/meeting';
import { t } from '../../i18n';
import { linkKeyOf } from '../shared/access';
import { book, cancelMeeting, findMeeting, moveMeeting, recordCard, refreshView, rotateFeed, rsvp, scheduleForm } from './meetings';
import { readRefusal } from './read-access';
import { gateText } from '../consent/gate';
import type { BotServices } from '../shared/services';
import type { TurnInfo } from '../../bot/turn';
import { defineAction } from '../shared/feature';

const meetingId = z.string().trim().min(3).max(90);
const time = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const time = normaliseTime(v);
    if (time !== undefined) return time;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'time' });
    return z.NEVER;
  });

/** `meeting.schedule` from the form: books one meeting, proposes a series, or books a confirmed one. */
export const meetingSchedule = defineAction({
  verb: 'meeting.schedule',
  schema: z.object({
    groupId: z.string().trim().min(1).max(64),
    date: quickScheduleSchema.shape.date,
    time,
    durationMinutes: quickScheduleSchema.shape.durationMinutes,
    location: z.string().max(200).optional(),
    recurrence: z.string().max(300).optional(),
    rrule: z.string().max(300).optional(),
    confirm: z.enum(['yes', '']).optional(),
    dates: z.string().max(4000).optional(),
  }),
  async handle({ services, info, data }) {
    // Besides the place (gated in book()), the form's text is named or shown back on the answer (a group
    // that does not exist, a series' dates, a rule): it passes the gate first.
    const refused = await firstRefused(services, info, [data.groupId, data.recurrence, data.rrule, data.dates]);
    if (refused) return refused;
    const outcome = await book(services, info, { ...data, confirm: data.confirm === 'yes' });
    // In the group's own channel the form becomes the invitation: remember where it is.
    const channel = linkKeyOf(info);
    if (outcome.channelCardOf && channel) {
      if (info.replyToId) await recordCard(services, outcome.channelCardOf, channel, info.replyToId);
    }
    return outcome.card;
  },
  async invalid({ services, info, data }, problems) {
    const fields = [...new Set(problems.map((p) => p.split(':')[0]!))];
    const values = {
      groupId: typeof data.groupId === 'string' ? data.groupId : undefined,
      date: typeof data.date === 'string' ? data.date : undefined,
      time: typeof data.time === 'string' ? data.time : undefined,
      location: typeof data.location === 'string' ? data.location.slice(0, 200) : undefined,
    };
    // What is shown again on the form passes the gate first.
    const refused = await firstRefused(services, info, Object.values(values));
    if (refused) return refused;
    return scheduleForm(
      services,
      info,
      values,
      fields.map((f) =>
        t(info.locale, 'meetings.form.problems.badField', { field: t(info.locale, `meetings.form.labels.${fieldLabel(f)}`) }),
      ),
    );
  },
});

/** The consent-refusal card for the first of the texts the gate refuses, if any. */
async function firstRefused(
  services: BotServices,
  info: TurnInfo,
  texts: Array<string | undefined>,
): Promise<AdaptiveCardJson | undefined> {
  for (const text of texts) {
    if (!text?.trim()) continue;
    const gate = await gateText(services, info, text);
    if (!gate.allowed) return gate.card;
  }
  return undefined;
}

function fieldLabel(field: string): string {
  switch (field) {
    case 'groupId':
      return 'group';
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'durationMinutes':
      return 'duration';
    case 'location':
      return 'location';
    case 'dates':
      return 'dates';
    default:
      return 'rrule';
  }
}

export const meetingRsvp = defineAction({
  verb: 'meeting.rsvp',
  schema: z.object({ meetingId, answer: z.enum(RSVP_ANSWERS) }),
  async handle({ services, info, data }) {
    // Every answer but "not allowed" shows the meeting: asked before it is looked up (see read-access.ts).
    return readRefusal(services, info, data.meetingId) ?? rsvp(services, info, data.meetingId, data.answer);
  },
});

export const meetingRefresh = defineAction({
  verb: 'meeting.refresh',
  schema: z.object({ meetingId }),
  async handle({ services, info, data }) {
    return readRefusal(services, info, data.meetingId) ?? refreshView(services, info, data.meetingId);
  },
});

export const meetingMove = defineAction({
  verb: 'meeting.move',
  schema: z.object({ meetingId, date: quickScheduleSchema.shape.date, time: time.optional() }),
  async handle({ services, info, data }) {
    const unreadable = readRefusal(services, info, data.meetingId);
    if (unreadable) return unreadable;
    const m = await findMeeting(services, info.tenantId, data.meetingId);
    if (!m) return errorCard(info.locale, 'meetings.quick.notFound', { date: data.date });
    return moveMeeting(services, info, m, data.date, data.time);
  },
});

export const meetingCancel = defineAction({
  verb: 'meeting.cancel',
  schema: z.object({ meetingId, scope: z.enum(['one', 'series']).default('one') }),
  async handle({ services, info, data }) {
    const unreadable = readRefusal(services, info, data.meetingId);
    if (unreadable) return unreadable;
    const m = await findMeeting(services, info.tenantId, data.meetingId);
    if (!m) return errorCard(info.locale, 'meetings.quick.notFound', { date: '–' });
    return cancelMeeting(services, info, m, data.scope === 'series');
  },
});

export const meetingNewLink = defineAction({
  verb: 'meeting.newLink',
  schema: z.object({ groupId: z.string().trim().min(1).max(64) }),
  async handle({ services, info, data }) {
    return rotateFeed(services, info, data.groupId);
  },
});
