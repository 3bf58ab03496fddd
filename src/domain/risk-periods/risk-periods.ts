import { DateTime } from 'luxon';
import { addDays, type IsoDate } from '../organisation/dates';
import type { RiskPeriod } from '../organisation/model';
import { schoolYearOf } from '../organisation/school-calendar';

/** The day a rule names in a year: Valborg 30 April, the spring term's last day, midsommarafton, nyårsafton, or MM-DD. */
export function dayOfRule(rule: NonNullable<RiskPeriod['rule']>, year: number): IsoDate {
  switch (rule) {
    case 'valborg':
      return `${year}-04-30`;
    case 'skolavslutning':
      return schoolYearOf(`${year}-01-15`).end;
    case 'midsommar': {
      const jun19 = DateTime.fromObject({ year, month: 6, day: 19 }, { zone: 'UTC' });
      return jun19.plus({ days: (5 - jun19.weekday + 7) % 7 }).toISODate() ?? '';
    }
    case 'nyarsafton':
      return `${year}-12-31`;
    default:
      return `${year}-${rule}`;
  }
}

/** The period's next day on or after `from`: the first listed date, or the rule's day this year or the next. */
export function nextOccurrence(period: Pick<RiskPeriod, 'rule' | 'dates'>, from: IsoDate): IsoDate | undefined {
  const candidates: IsoDate[] = [...(period.dates ?? [])];
  if (period.rule) {
    const year = Number(from.slice(0, 4));
    candidates.push(dayOfRule(period.rule, year), dayOfRule(period.rule, year + 1));
  }
  return candidates.filter((d) => d >= from && DateTime.fromISO(d).isValid).sort()[0];
}

export const RISK_PERIOD_HOUR = 9;

export interface PlannedRiskPeriod {
  date: IsoDate;
  groupId: string;
  dueAt: Date;
  jobId: string;
}

/**
 * One card per group, `daysBefore` days before the period's next day on or
 * after `from`, at 09:00 local; only those still ahead of `now` (a late
 * notice is no planning help). Job ids name the period, its day and the group.
 */
export function plannedRiskPeriod(tenantKey: string, period: RiskPeriod, from: IsoDate, now: Date, timeZone: string): PlannedRiskPeriod[] {
  const date = nextOccurrence(period, from);
  if (!date) return [];
  const dueAt = DateTime.fromISO(addDays(date, -period.daysBefore), { zone: timeZone }).set({ hour: RISK_PERIOD_HOUR }).toJSDate();
  if (dueAt.getTime() <= now.getTime()) return [];
  return period.groups.map((groupId) => ({
    date,
    groupId,
    dueAt,
    jobId: `reminders.risk-period:${tenantKey}:${period.id}:${date}:${groupId}`,
  }));
}

// ——— the checklist on the next agenda ———

/** Stable ids: the period, its day and the line, so a retried job adds nothing twice. */
export function riskItemId(periodId: string, date: IsoDate, index: number): string {
  return `risk-${periodId}-${date}-${index}`;
}

/**
 * The checklist as agenda items ("Valborg: Fältgruppen planerar …"), each
 * within the agenda's item length; the text is the organisation file's, the
 * caller gives it its canonical form.
 */
export function riskChecklistItems(
  period: Pick<RiskPeriod, 'id' | 'name' | 'checklist'>,
  date: IsoDate,
  maxChars: number,
): Array<{ id: string; text: string }> {
  return period.checklist.map((line, i) => {
    const text = `${period.name}: ${line}`;
    return {
      id: riskItemId(period.id, date, i),
      text: [...text].length > maxChars ? `${[...text].slice(0, maxChars - 1).join('')}…` : text,
    };
  });
}

/** Whether a meeting (its local start day) comes in time to plan for the period: on or before the period's day. */
export function meetingInTime(meetingLocalDay: IsoDate, periodDate: IsoDate): boolean {
  return meetingLocalDay <= periodDate;
}
