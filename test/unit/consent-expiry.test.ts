import { describe, expect, it } from 'vitest';
import { consentExpiryJobId, daysLeft, plannedConsentExpiry } from '../../src/domain/consent/expiry';

describe('plannedConsentExpiry', () => {
  it('plans 30 and 7 days before the last day, at 09:00 local time, named by case, day and step', () => {
    const planned = plannedConsentExpiry('t', 'SAM-7K2M9QXC', '2027-06-30', new Date('2026-11-22T10:00:00Z'), 'Europe/Stockholm');
    expect(planned.map((p) => [p.step, p.dueAt.toISOString(), p.jobId])).toEqual([
      ['30', '2027-05-31T07:00:00.000Z', consentExpiryJobId('t', 'SAM-7K2M9QXC', '2027-06-30', '30')],
      ['7', '2027-06-23T07:00:00.000Z', consentExpiryJobId('t', 'SAM-7K2M9QXC', '2027-06-30', '7')],
    ]);
  });

  it('leaves out a reminder whose day has passed, and a renewal gets other ids', () => {
    const now = new Date('2027-06-10T10:00:00Z');
    expect(plannedConsentExpiry('t', 'SAM-7K2M9QXC', '2027-06-30', now, 'Europe/Stockholm').map((p) => p.step)).toEqual(['7']);
    expect(plannedConsentExpiry('t', 'SAM-7K2M9QXC', '2027-06-12', now, 'Europe/Stockholm')).toEqual([]);
    const a = plannedConsentExpiry('t', 'SAM-7K2M9QXC', '2027-12-31', now, 'Europe/Stockholm').map((p) => p.jobId);
    const b = plannedConsentExpiry('t', 'SAM-7K2M9QXC', '2028-12-31', now, 'Europe/Stockholm').map((p) => p.jobId);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it('daysLeft counts whole days', () => {
    expect(daysLeft('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysLeft('2026-12-31', '2026-12-31')).toBe(0);
    expect(daysLeft('2027-01-02', '2026-12-31')).toBe(-2);
    expect(daysLeft('2026-03-01', '2026-03-31')).toBe(30); // across the change to summer time
  });
});
