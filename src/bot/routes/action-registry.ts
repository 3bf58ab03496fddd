import type { ActionDefinition } from '../../features/shared/action';
import { agendaPropose, agendaPublish, agendaRefresh, minutesFinalize, minutesSave } from '../../features/agenda/actions';
import { consentRecord } from '../../features/consent/record-action';
import { digestOpen, reviewComplete } from '../../features/reviews/actions';
import { consentWithdraw } from '../../features/consent/withdraw-action';
import { groupLink } from '../../features/groups/link-action';
import { meetingCancel, meetingMove, meetingNewLink, meetingRefresh, meetingRsvp, meetingSchedule } from '../../features/meetings/actions';

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
