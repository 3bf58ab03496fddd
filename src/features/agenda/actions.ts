import { z } from 'zod';
import { errorCard } from '../../cards/common';
import { findMeeting } from '../meetings/meetings';
import { readRefusal } from '../meetings/read-access';
import { defineAction } from '../shared/feature';
import { proposeItem, publishAgenda } from './agenda';
import { ensureAgendaFor } from './group-meeting';
import { saveMinutes, type MinutesData } from './minutes';
import { agendaCardFor } from './posted-cards';

/**
 * The agenda and minutes cards' buttons. Each answers, first, the
 * not-allowed card to someone who may not read the meeting's group: a
 * refused proposal or save is answered with the agenda or the minutes
 * (their items, case references), which only those who may see it get.
 */

const meetingId = z.string().trim().min(3).max(90);

/** `agenda.propose` from the agenda card: the answer is the card with the new item (and, for everyone, the posted card is updated). */
export const agendaPropose = defineAction({
  verb: 'agenda.propose',
  schema: z.object({ meetingId, text: z.string().max(2000) }),
  async handle({ services, turn, data }) {
    return (
      readRefusal(services, turn.info, data.meetingId) ?? proposeItem(services, turn, data.meetingId, data.text, turn.info.activityId ?? '')
    );
  },
});

export const agendaPublish = defineAction({
  verb: 'agenda.publish',
  schema: z.object({ meetingId, text: z.string().optional() }),
  async handle({ services, turn, data }) {
    return readRefusal(services, turn.info, data.meetingId) ?? publishAgenda(services, turn, data.meetingId);
  },
});

export const agendaRefresh = defineAction({
  verb: 'agenda.refresh',
  schema: z.object({ meetingId }),
  async handle({ services, turn, data }) {
    const unreadable = readRefusal(services, turn.info, data.meetingId);
    if (unreadable) return unreadable;
    const m = await findMeeting(services, turn.info.tenantId, data.meetingId);
    const agenda = m ? await ensureAgendaFor(services, m) : undefined;
    if (!m || !agenda) return errorCard(turn.locale, 'agenda.notices.noMeeting');
    return agendaCardFor(services, m, agenda, turn.locale);
  },
});

// Minutes: every other field is optional text, read by name (note_<item>, sip_<case>_<field>).
const minutesSchema = z.object({ meetingId }).catchall(z.string().max(4000));

export const minutesSave = defineAction({
  verb: 'minutes.save',
  schema: minutesSchema,
  async handle({ services, turn, data }) {
    return readRefusal(services, turn.info, data.meetingId) ?? saveMinutes(services, turn, data as MinutesData, 'draft');
  },
});

export const minutesFinalize = defineAction({
  verb: 'minutes.finalize',
  schema: minutesSchema,
  async handle({ services, turn, data }) {
    return readRefusal(services, turn.info, data.meetingId) ?? saveMinutes(services, turn, data as MinutesData, 'final');
  },
});
