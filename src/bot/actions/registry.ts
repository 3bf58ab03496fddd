import type { ActionDefinition } from './action';
import { agendaPropose, agendaPublish, agendaRefresh, minutesFinalize, minutesSave } from './agenda';
import { consentRecord } from './consent-record';
import { digestOpen, reviewComplete } from './reviews';
import { consentWithdraw } from './consent-withdraw';
import { groupLink } from './group-link';
import { meetingCancel, meetingMove, meetingNewLink, meetingRefresh, meetingRsvp, meetingSchedule } from './meeting';

/** Every card action the bot answers, one file per verb. */
export const ACTIONS: ActionDefinition[] = [
  consentRecord,
  consentWithdraw,
  groupLink,
  meetingSchedule,
  meetingRsvp,
  meetingRefresh,
  meetingMove,
  meetingCancel,
  meetingNewLink,
  agendaPropose,
  agendaPublish,
  agendaRefresh,
  minutesSave,
  minutesFinalize,
  reviewComplete,
  digestOpen,
];
