import { DateTime } from 'luxon';
import { OFFICE_HOURS } from '../organisation/model';
import { isSwedishPublicHoliday } from '../organisation/school-calendar';

/**
 * Whether the social services answer their office phone now: a weekday that
 * is neither a Swedish public holiday nor an eve the offices close
 * (julafton, nyårsafton, midsommarafton), between the office hours' start
 * and end, local time. Outside them a report goes to the on-call
 * (socialjouren). Undefined when the organisation gives no office hours.
 */
export function withinOfficeHours(now: Date, officeHours: string | undefined, timeZone: string): boolean | undefined {
  if (!officeHours || !OFFICE_HOURS.test(officeHours)) return undefined;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (local.weekday > 5) return false;
  if (isSwedishPublicHoliday(local.toISODate() ?? '')) return false;
  const hhmm = local.toFormat('HH:mm');
  return hhmm >= officeHours.slice(0, 5) && hhmm < officeHours.slice(6);
}
