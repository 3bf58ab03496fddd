import { DateTime } from 'luxon';
import { addDays, type IsoDate } from '../organisation/dates';

/**
 * When the recorder and the operative conveners are told that a consent
 * ends: 30 and 7 days before its last valid day, at 09:00 local time. A
 * renewal moves the last day, so the reminders name it in their ids: the
 * old ones find the consent changed and send nothing.
 */
export const CONSENT_EXPIRY_OFFSETS = [30, 7] as const;
export const CONSENT_EXPIRY_HOUR = 9;

export interface PlannedExpiryReminder {
  step: string;
  dueAt: Date;
  jobId: string;
}

export function consentExpiryJobId(tenantKey: string, caseRef: string, validUntil: IsoDate, step: string): string {
  return `reminders.consent-expiry:${tenantKey}:${caseRef}:${validUntil}:${step}`;
}

/**
 * The reminders still ahead of `now`. One whose day has passed is not sent
 * late: a consent recorded or renewed for a short time has just been looked
 * at by the one who recorded it.
 */
export function plannedConsentExpiry(
  tenantKey: string,
  caseRef: string,
  validUntil: IsoDate,
  now: Date,
  timeZone: string,
): PlannedExpiryReminder[] {
  return CONSENT_EXPIRY_OFFSETS.map((days) => ({
    step: String(days),
    dueAt: DateTime.fromISO(addDays(validUntil, -days), { zone: timeZone }).set({ hour: CONSENT_EXPIRY_HOUR }).toJSDate(),
    jobId: consentExpiryJobId(tenantKey, caseRef, validUntil, String(days)),
  })).filter((r) => r.dueAt.getTime() > now.getTime());
}

/** Whole days from `today` to a consent's last valid day (0 on the day itself). */
export function daysLeft(today: IsoDate, validUntil: IsoDate): number {
  return Math.round(DateTime.fromISO(validUntil, { zone: 'UTC' }).diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days);
}
