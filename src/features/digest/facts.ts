import { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../../cards/render';
import { status as consentStatus } from '../../domain/consent';
import type { Digest, DigestGroup, DigestReview } from '../../domain/digest/digest';
import { isHeld } from '../../domain/meetings/meeting';
import { MINUTES_WORKING_DAYS, workingDaysAfter } from '../../domain/meetings/reminders';
import { overdueTasks } from '../../domain/minutes/minutes';
import { addDays, cadenceStatus, localDate, type Group, type Manager, type Organisation } from '../../domain/organisation';
import { byUrgency, reviewRow } from '../../domain/reviews/reviews';
import { t, type Locale } from '../../i18n';
import { meetingWhen } from '../meetings/cards';
import { latestDecision } from '../reviews/cards';
import type { BotServices } from '../shared/services';
import { digestCard } from './card';

/**
 * What a manager's digest says, built from the groups they oversee: facts
 * gathered once per group and run, so ten thousand managers cost a handful
 * of storage reads.
 */

/** What the digest reads: each group's meetings, minutes, consents and gate counts, and the documents' reviews. */
export type DigestFactsDeps = Pick<BotServices, 'organisation' | 'meetings' | 'minutes' | 'consents' | 'audit' | 'reviews'>;

/** The groups a manager oversees. */
export function overseenGroups(org: Organisation, manager: Manager): Group[] {
  return manager.oversees === 'all' ? org.groups : org.groups.filter((g) => (manager.oversees as string[]).includes(g.id));
}

const HORIZON_DAYS = 14;

interface GroupFacts {
  group: DigestGroup;
  next?: { start: string; end: string; timeZone: string; durationMinutes: number };
}

/** Facts per group, computed at most once per tenant and run. */
export class DigestFacts {
  private readonly cache = new Map<string, Promise<GroupFacts>>();
  private reviews?: Promise<DigestReview[]>;

  constructor(
    private readonly services: DigestFactsDeps,
    private readonly now: Date,
  ) {}

  group(tenantId: string, g: Group): Promise<GroupFacts> {
    const key = `${tenantId}|${g.id}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.compute(tenantId, g);
      this.cache.set(key, p);
    }
    return p;
  }

  private async compute(tenantId: string, g: Group): Promise<GroupFacts> {
    const { services, now } = this;
    const tz = services.organisation.timeZone;
    const local = DateTime.fromJSDate(now, { zone: tz });
    const meetings = await services.meetings.listGroup(tenantId, g.id, {
      from: local.startOf('year').toJSDate(),
      to: local.plus({ days: HORIZON_DAYS }).toJSDate(),
    });
    const held = meetings.filter((m) => isHeld(m, now));
    const coming = meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.start) > now.getTime());
    // Held meetings whose minutes are still not final three working days after.
    let minutesMissing = 0;
    for (const m of held) {
      const due = workingDaysAfter(DateTime.fromISO(m.start, { zone: tz }), MINUTES_WORKING_DAYS);
      if (due.toMillis() > now.getTime()) continue;
      const minutes = await services.minutes.get(tenantId, g.id, m.id);
      if (minutes?.status !== 'final') minutesMissing += 1;
    }
    const today = localDate(now, tz);
    const actions = overdueTasks(await services.minutes.actionsOf(tenantId, g.id), today);
    let consentsExpiring = 0;
    if (g.level === 'operative') {
      const soon = addDays(today, 30);
      consentsExpiring = (await services.consents.listForGroups(tenantId, [g.id])).filter(
        (c) => consentStatus(c, today) === 'inForce' && c.validUntil <= soon,
      ).length;
    }
    const counts = await services.audit.countsFor(tenantId, g.id, new Date(now.getTime() - 7 * 86_400_000), now);
    return {
      group: {
        groupId: g.id,
        name: g.name,
        level: g.level,
        cadence: cadenceStatus(
          g.cadence,
          held.map((m) => m.start),
          now,
          tz,
        ),
        coming: coming.map((m) => m.start),
        minutesMissing,
        overdueActions: actions.length,
        consentsExpiring,
        refusalsLastWeek: counts.refusal ?? 0,
      },
      next: coming[0],
    };
  }

  allReviews(): Promise<DigestReview[]> {
    this.reviews ??= (async () => {
      const { services, now } = this;
      const org = services.organisation;
      const stored = await services.reviews.all(org.tenantId ?? '');
      return org.documents
        .map((d) => reviewRow(d, stored.get(d.id), now, org.timeZone))
        .filter((r) => r.next.status === 'dueSoon' || r.next.status === 'overdue' || r.next.status === 'expired')
        .sort(byUrgency)
        .map((r) => ({
          documentId: r.document.id,
          title: r.document.title,
          ownerGroupName: org.groups.find((g) => g.id === r.document.ownerGroup)?.name ?? r.document.ownerGroup,
          dueDate: r.next.dueDate ?? '',
          status: r.next.status as DigestReview['status'],
          latestDecision: latestDecision(r.document),
        }));
    })();
    return this.reviews;
  }

  async forManager(tenantId: string, manager: Manager, locale: Locale): Promise<AdaptiveCardJson> {
    const org = this.services.organisation;
    const groups = overseenGroups(org, manager);
    const facts = await Promise.all(groups.map((g) => this.group(tenantId, g)));
    const groupIds = new Set(groups.map((g) => g.id));
    const reviews = (await this.allReviews()).filter((r) =>
      groupIds.has(org.documents.find((d) => d.id === r.documentId)?.ownerGroup ?? ''),
    );
    const digest: Digest = {
      managerId: manager.personId,
      weekOf: localDate(this.now, org.timeZone),
      groups: facts.map((f) => f.group),
      reviews,
    };
    const next = new Map(facts.map((f) => [f.group.groupId, f.next]));
    return digestCard(locale, digest, {
      week: DateTime.fromJSDate(this.now, { zone: org.timeZone }).weekNumber,
      nextOf: (id) => {
        const n = next.get(id);
        return n ? meetingWhen(n, locale).short : t(locale, 'digest.noNext');
      },
    });
  }
}
