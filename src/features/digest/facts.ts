import { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Digest, DigestGroup, DigestReview } from '../../domain/digest/digest';
import { digestGroupOf, type FigureSnapshot, type NextMeeting } from '../../domain/digest/figures';
import { localDate, type Group, type Manager, type Organisation } from '../../domain/organisation';
import { byUrgency, reviewRow } from '../../domain/reviews/reviews';
import { t, type Locale } from '../../i18n';
import { meetingWhen } from '../meetings/cards';
import { latestDecision } from '../reviews/cards';
import type { BotServices } from '../shared/services';
import { digestCard } from './card';

/**
 * What a manager's digest says, built from the figures kept as things
 * happen (src/domain/digest/figures.ts): one read of the tenant's figures
 * per run (a handful of partitions, whatever the number of meetings or
 * consents), each group's line computed once from it, and every manager's
 * digest assembled from those lines. The weekly run shares one DigestFacts
 * between all managers; `sammanfattning` reads the same figures, which
 * carry today's changes, and never the raw tables.
 */

/** What the digest reads: the figures only (the documents' reviews too are kept there, under their owner groups). */
export type DigestFactsDeps = Pick<BotServices, 'organisation' | 'figures'>;

/** The groups a manager oversees. */
export function overseenGroups(org: Organisation, manager: Manager): Group[] {
  return manager.oversees === 'all' ? org.groups : org.groups.filter((g) => (manager.oversees as string[]).includes(g.id));
}

interface GroupFacts {
  group: DigestGroup;
  next?: NextMeeting;
}

/** Facts per group, computed at most once per tenant and run, from one snapshot of the figures. */
export class DigestFacts {
  private readonly cache = new Map<string, Promise<GroupFacts>>();
  private readonly snapshots = new Map<string, Promise<FigureSnapshot>>();
  private reviews?: Promise<DigestReview[]>;

  constructor(
    private readonly services: DigestFactsDeps,
    private readonly now: Date,
  ) {}

  /** The tenant's figures, read once per run. */
  snapshot(tenantId: string): Promise<FigureSnapshot> {
    let p = this.snapshots.get(tenantId);
    if (!p) {
      p = this.services.figures.snapshot(tenantId, this.now);
      this.snapshots.set(tenantId, p);
      p.catch(() => this.snapshots.delete(tenantId));
    }
    return p;
  }

  group(tenantId: string, g: Group): Promise<GroupFacts> {
    const key = `${tenantId}|${g.id}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.snapshot(tenantId).then((s) => digestGroupOf(g, s, this.now, this.services.organisation.timeZone));
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  allReviews(): Promise<DigestReview[]> {
    this.reviews ??= (async () => {
      const { services, now } = this;
      const org = services.organisation;
      // The reviews recorded in Teams, as the figures keep them (one partition of the snapshot read for the groups anyway).
      const stored = (await this.snapshot(org.tenantId ?? '')).reviews;
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

  /** A manager's digest card; with `from`, a page of the full overview of their groups. */
  async forManager(tenantId: string, manager: Manager, locale: Locale, from?: number): Promise<AdaptiveCardJson> {
    const org = this.services.organisation;
    const groups = overseenGroups(org, manager);
    const facts = await Promise.all(groups.map((g) => this.group(tenantId, g)));
    const groupIds = new Set(groups.map((g) => g.id));
    const owners = new Map(org.documents.map((d) => [d.id, d.ownerGroup]));
    const reviews = (await this.allReviews()).filter((r) => groupIds.has(owners.get(r.documentId) ?? ''));
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
      from,
    });
  }
}
