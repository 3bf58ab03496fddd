import { z } from 'zod';
import { errorCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { quickScheduleSchema } from '../../domain/commands/parse';
import { normaliseTime } from '../../domain/meetings/arguments';
import { RSVP_ANSWERS } from '../../domain/meetings/meeting';
import { gateText } from '../consent/gate';
import { defineAction } from '../shared/feature';
import { linkKeyOf, type Turn } from '../shared/turn';
import { book, scheduleForm } from './booking';
import { askToCancel, cancelMeeting, moveMeeting, refreshView, rsvp } from './changes';
import { recordCard } from './channel-card';
import { findMeeting } from './meetings';
import { readRefusal } from './read-access';
import { meetingsView, rotateFeed } from './views';

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
  async handle({ services, turn, data }) {
    // Besides the place (gated in book()), the form's text is named or shown back on the answer (a group
    // that does not exist, a series' dates, a rule): it passes the gate first.
    const refused = await firstRefused(services, turn, [data.groupId, data.recurrence, data.rrule, data.dates]);
    if (refused) return refused;
    const outcome = await book(services, turn, { ...data, confirm: data.confirm === 'yes' });
    // In the group's own channel the form becomes the invitation: remember where it is.
    const channel = linkKeyOf(turn.info);
    if (outcome.channelCardOf && channel && turn.info.replyToId)
      await recordCard(services, outcome.channelCardOf, channel, turn.info.replyToId);
    return outcome.card;
  },
  async invalid({ services, turn, data }, problems) {
    const fields = [...new Set(problems.map((p) => p.split(':')[0]!))];
    const values = {
      groupId: typeof data.groupId === 'string' ? data.groupId : undefined,
      date: typeof data.date === 'string' ? data.date : undefined,
      time: typeof data.time === 'string' ? data.time : undefined,
      location: typeof data.location === 'string' ? data.location.slice(0, 200) : undefined,
    };
    // What is shown again on the form passes the gate first.
    const refused = await firstRefused(services, turn, Object.values(values));
    if (refused) return refused;
    return scheduleForm(
      services,
      turn,
      values,
      fields.map((f) => turn.t('meetings.form.problems.badField', { field: turn.t(`meetings.form.labels.${fieldLabel(f)}`) })),
    );
  },
});

/** The consent-refusal card for the first of the texts the gate refuses, if any. */
async function firstRefused(
  services: Parameters<typeof gateText>[0],
  turn: Turn,
  texts: Array<string | undefined>,
): Promise<AdaptiveCardJson | undefined> {
  for (const text of texts) {
    if (!text?.trim()) continue;
    const gate = await gateText(services, turn, text);
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
      return 'recurrence';
  }
}

export const meetingRsvp = defineAction({
  verb: 'meeting.rsvp',
  schema: z.object({ meetingId, answer: z.enum(RSVP_ANSWERS) }),
  async handle({ services, turn, data }) {
    // Every answer but "not allowed" shows the meeting: asked before it is looked up (see read-access.ts).
    return readRefusal(services, turn.info, data.meetingId) ?? rsvp(services, turn, data.meetingId, data.answer);
  },
});

export const meetingRefresh = defineAction({
  verb: 'meeting.refresh',
  schema: z.object({ meetingId }),
  async handle({ services, turn, data }) {
    return readRefusal(services, turn.info, data.meetingId) ?? refreshView(services, turn, data.meetingId);
  },
});

export const meetingMove = defineAction({
  verb: 'meeting.move',
  schema: z.object({ meetingId, date: quickScheduleSchema.shape.date, time: time.optional() }),
  async handle({ services, turn, data }) {
    const unreadable = readRefusal(services, turn.info, data.meetingId);
    if (unreadable) return unreadable;
    const m = await findMeeting(services, turn.info.tenantId, data.meetingId);
    if (!m) return errorCard(turn.locale, 'meetings.quick.notFound', { date: data.date });
    return moveMeeting(services, turn, m, { date: data.date, time: data.time });
  },
});

export const meetingCancel = defineAction({
  verb: 'meeting.cancel',
  schema: z.object({
    meetingId,
    scope: z.enum(['one', 'series']).default('one'),
    /** Set by the confirmation's own button: only then is the meeting cancelled. */
    confirm: z.enum(['yes', '']).optional(),
  }),
  async handle({ services, turn, data }) {
    const unreadable = readRefusal(services, turn.info, data.meetingId);
    if (unreadable) return unreadable;
    const m = await findMeeting(services, turn.info.tenantId, data.meetingId);
    if (!m) return errorCard(turn.locale, 'meetings.quick.notFound', { date: '–' });
    // The meeting card's button (and any card posted before there was a question) asks first.
    if (data.confirm !== 'yes') return askToCancel(services, turn, m, data.scope);
    return cancelMeeting(services, turn, m, data.scope);
  },
});

export const meetingNewLink = defineAction({
  verb: 'meeting.newLink',
  schema: z.object({ groupId: z.string().trim().min(1).max(64) }),
  async handle({ services, turn, data }) {
    return rotateFeed(services, turn, data.groupId);
  },
});

/** `meetings.page`: the next page of the personal meeting list, from the group where the last one stopped. */
export const meetingsPage = defineAction({
  verb: 'meetings.page',
  schema: z.object({ from: z.coerce.number().int().min(0).max(100_000) }),
  async handle({ services, turn, data }) {
    return meetingsView(services, turn, data.from);
  },
});
