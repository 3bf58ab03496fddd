import { z } from 'zod';
import { errorCard } from '../../cards/common';
import { agendaCardFor, ensureAgendaFor, proposeItem, publishAgenda, saveMinutes, type MinutesData } from './agenda';
import { findMeeting } from '../meetings/meetings';
import { readRefusal } from '../meetings/read-access';
import { defineAction } from '../shared/feature';

const meetingId = z.string().trim().min(3).max(90);

/** `agenda.propose` from the agenda card: the answer is the card with the new item (and, for everyone, the posted card is updated). */
export const agendaPropose = defineAction({
  verb: 'agenda.propose',
  schema: z.object({ meetingId, text: z.string().max(2000) }),
  async handle({ services, info, data }) {
    // A refused proposal is answered with the agenda (its items, case references): only to those who may see it.
    return readRefusal(services, info, data.meetingId) ?? proposeItem(services, info, data.meetingId, data.text, info.activityId ?? '');
  },
});

export const agendaPublish = defineAction({
  verb: 'agenda.publish',
  schema: z.object({ meetingId, text: z.string().optional() }),
  async handle({ services, info, data }) {
    return readRefusal(services, info, data.meetingId) ?? publishAgenda(services, info, data.meetingId);
  },
});

export const agendaRefresh = defineAction({
  verb: 'agenda.refresh',
  schema: z.object({ meetingId }),
  async handle({ services, info, data }) {
    const unreadable = readRefusal(services, info, data.meetingId);
    if (unreadable) return unreadable;
    const m = await findMeeting(services, info.tenantId, data.meetingId);
    const agenda = m ? await ensureAgendaFor(services, m) : undefined;
    if (!m || !agenda) return errorCard(info.locale, 'agenda.notices.noMeeting');
    return agendaCardFor(services, m, agenda, info.locale);
  },
});

// Minutes: every other field is optional text, read by name (note_<item>, sip_<case>_<field>).
const minutesSchema = z.object({ meetingId }).catchall(z.string().max(4000));

export const minutesSave = defineAction({
  verb: 'minutes.save',
  schema: minutesSchema,
  async handle({ services, info, data }) {
    return readRefusal(services, info, data.meetingId) ?? saveMinutes(services, info, data as MinutesData, false);
  },
});

export const minutesFinalize = defineAction({
  verb: 'minutes.finalize',
  schema: minutesSchema,
  async handle({ services, info, data }) {
    return readRefusal(services, info, data.meetingId) ?? saveMinutes(services, info, data as MinutesData, true);
  },
});
