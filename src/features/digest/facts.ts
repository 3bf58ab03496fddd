import { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Digest, DigestGroup, DigestReview } from '../../domain/digest/digest';
import { createHash } from 'node:crypto';
import {
  type CachedLine,
  digestGroupOf,
  emptySnapshot,
  type Figures,
  type FigureSnapshot,
  type GroupLine,
  type LinesCacheStore,
  type NextMeeting,
} from '../../domain/digest/figures';
import { localDate, type Group, type Manager, type Organisation } from '../../domain/organisation';
import { byUrgency, reviewRow } from '../../domain/reviews/reviews';
import { t, type Locale } from '../../i18n';
import { meetingWhen } from '../meetings/cards';
import { latestDecision } from '../reviews/cards';
import type { BotServices } from '../shared/services';
import { overduePlanActivities } from '../../storage/plans';
import { BroadcastReadFacts } from '../broadcast/digest';
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
export type DigestFactsDeps = Pick<BotServices, 'organisation' | 'figures'> & Partial<Pick<BotServices, 'plans' | 'broadcasts'>>;

/** The groups a manager oversees. */
export function overseenGroups(org: Organisation, manager: Manager): Group[] {
  return manager.oversees === 'all' ? org.groups : org.groups.filter((g) => (manager.oversees as string[]).includes(g.id));
}

interface GroupFacts {
  group: DigestGroup;
  next?: NextMeeting;
}

/**
 * A next meeting's short text ("fre 27 nov 13:00–14:30"), worked out once per
 * meeting time and language: a group's next meeting stays the same for days,
 * and formatting it (luxon, three formats) is most of a big digest's rows' cost.
 */
const nextTexts = new Map<string, string>();
export function nextMeetingText(n: NextMeeting, locale: Locale): string {
  const key = `${n.start}|${n.end}|${n.timeZone}|${locale}`;
  let text = nextTexts.get(key);
  if (text === undefined) {
    text = meetingWhen(n, locale).short;
    if (nextTexts.size >= 20_000) nextTexts.clear();
    nextTexts.set(key, text);
  }
  return text;
}

/** Above this many groups to recompute, the lines are computed afresh from one full read of the figures. */
export const RECOMPUTE_AT_MOST = 64;

const fingerprints = new WeakMap<object, string>();
/** What the lines depend on in the organisation file: the groups (id, level, cadence) and the zone. */
function fingerprintOf(org: Organisation): string {
  let f = fingerprints.get(org);
  if (!f) {
    const what = JSON.stringify([org.timeZone, org.groups.map((g) => [g.id, g.level, g.cadence])]);
    f = createHash('sha256').update(what).digest('base64url').slice(0, 22);
    fingerprints.set(org, f);
  }
  return f;
}

const namedByLines = new WeakMap<object, { org: Organisation; lines: Map<string, GroupLine> }>();
/**
 * The cached lines with each group's name and level from the organisation
 * file (the cache keeps figures only), made once per lines record: while no
 * group changes, the store hands out the same record and every digest reuses these.
 */
function namedLines(org: Organisation, lines: Record<string, CachedLine>): Map<string, GroupLine> {
  const kept = namedByLines.get(lines);
  if (kept?.org === org) return kept.lines;
  const out = new Map<string, GroupLine>();
  for (const g of org.groups) {
    const line = lines[g.id];
    if (line) out.set(g.id, { ...line, group: { ...line.group, name: g.name, level: g.level } });
  }
  namedByLines.set(lines, { org, lines: out });
  return out;
}

/** Facts per group, computed at most once per tenant and run, from one snapshot of the figures. */
export class DigestFacts {
  private readonly cache = new Map<string, Promise<GroupFacts>>();
  private readonly snapshots = new Map<string, Promise<FigureSnapshot>>();
  private reviews?: Promise<DigestReview[]>;
  private overduePlans?: Promise<Map<string, number>>;
  private readonly allLines = new Map<string, Promise<Map<string, GroupLine>>>();
  private readonly cards = new Map<string, Promise<AdaptiveCardJson>>();
  private broadcastReads?: BroadcastReadFacts;

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
      const figures = this.services.figures;
      p = figures.readLines
        ? this.lines(tenantId).then((all) => all.get(g.id) ?? this.emptyLine(g))
        : this.snapshot(tenantId).then((s) => digestGroupOf(g, s, this.now, this.services.organisation.timeZone));
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  /** Some groups' lines in one wait: from the lines cache when the store keeps one (no promise per group), else each from the snapshot. */
  async groups(tenantId: string, groups: readonly Group[]): Promise<GroupFacts[]> {
    if (!this.services.figures.readLines) return Promise.all(groups.map((g) => this.group(tenantId, g)));
    const all = await this.lines(tenantId);
    return groups.map((g) => all.get(g.id) ?? this.emptyLine(g));
  }

  private emptyLine(g: Group): GroupLine {
    return digestGroupOf(g, emptySnapshot(), this.now, this.services.organisation.timeZone);
  }

  /**
   * Every group's line, from the lines cache kept in the figures: the groups
   * changed since it was computed (their change marks) and those whose line
   * time has moved past are recomputed from their own rows and written back;
   * with no cache, another organisation, or more than RECOMPUTE_AT_MOST
   * groups to redo, all lines are computed from one full read and kept.
   */
  private lines(tenantId: string): Promise<Map<string, GroupLine>> {
    let p = this.allLines.get(tenantId);
    if (!p) {
      p = this.readOrCompute(tenantId);
      this.allLines.set(tenantId, p);
      p.catch(() => this.allLines.delete(tenantId));
    }
    return p;
  }

  private async readOrCompute(tenantId: string): Promise<Map<string, GroupLine>> {
    const org = this.services.organisation;
    const tz = org.timeZone;
    const figures = this.services.figures as Figures & LinesCacheStore;
    const nowMs = this.now.getTime();
    const fingerprint = fingerprintOf(org);
    const { cache, marks } = await figures.readLines(tenantId);
    const usable = cache && cache.fingerprint === fingerprint && cache.computedFor <= nowMs;
    const stale = usable
      ? org.groups.filter((g) => {
          const line = cache.lines[g.id];
          return !line || line.validUntil <= nowMs || (marks.has(g.id) && marks.get(g.id) !== line.seen);
        })
      : org.groups;
    if (usable && stale.length <= RECOMPUTE_AT_MOST) {
      // The store's record is read-only (it may keep it for the next reader): the lines changed go into a copy.
      let lines = cache.lines;
      if (stale.length) {
        const s = await figures.groupsSnapshot(
          tenantId,
          stale.map((g) => g.id),
          this.now,
        );
        lines = { ...lines };
        for (const g of stale) lines[g.id] = { ...digestGroupOf(g, s, this.now, tz), seen: marks.get(g.id) };
        // Written back for the next reader; the answer does not wait for it (a lost write recomputes the same groups again).
        figures.saveLines(tenantId, { ...cache, computedFor: nowMs, lines }).catch(() => undefined);
      }
      return namedLines(org, lines);
    }
    // The marks read above come before the figures read now: an event after them leaves a new mark, and its group is redone.
    const basis = new Date().toISOString();
    const s = await this.snapshot(tenantId);
    const lines: Record<string, CachedLine> = {};
    for (const g of org.groups) lines[g.id] = { ...digestGroupOf(g, s, this.now, tz), seen: marks.get(g.id) };
    figures.saveLines(tenantId, { basis, computedFor: nowMs, fingerprint, lines }).catch(() => undefined);
    return namedLines(org, lines);
  }

  /** Overdue plan activities per owning group, read once per run (one partition); empty without the plan store. */
  overduePlanActivitiesByGroup(): Promise<Map<string, number>> {
    const plans = this.services.plans;
    if (!plans) return Promise.resolve(new Map());
    this.overduePlans ??= overduePlanActivities({ plans, organisation: this.services.organisation, now: () => this.now }).then(
      (o) => o.byGroup,
    );
    return this.overduePlans;
  }

  allReviews(): Promise<DigestReview[]> {
    this.reviews ??= (async () => {
      const { services, now } = this;
      const org = services.organisation;
      // The reviews recorded in Teams, as the figures keep them (one partition of the snapshot read for the groups anyway).
      const figures = services.figures;
      const stored = figures.reviewsOf ? await figures.reviewsOf(org.tenantId ?? '') : (await this.snapshot(org.tenantId ?? '')).reviews;
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

  /**
   * A manager's digest card; with `from`, a page of the full overview of
   * their groups. The card depends on the groups overseen, the language and
   * the page, not on who the manager is: the weekly run, sharing one
   * DigestFacts between all managers, renders each such card once (every
   * manager of all gets the same) and hands each manager a copy.
   */
  async forManager(tenantId: string, manager: Manager, locale: Locale, from?: number): Promise<AdaptiveCardJson> {
    const scope = manager.oversees === 'all' ? 'all' : [...manager.oversees].sort();
    const key = JSON.stringify([tenantId, scope, locale, from ?? null]);
    let card = this.cards.get(key);
    if (!card) {
      card = this.cardFor(tenantId, manager, locale, from);
      this.cards.set(key, card);
      card.catch(() => this.cards.delete(key));
    }
    return structuredClone(await card);
  }

  private async cardFor(tenantId: string, manager: Manager, locale: Locale, from?: number): Promise<AdaptiveCardJson> {
    const org = this.services.organisation;
    const groups = overseenGroups(org, manager);
    // The documents' reviews are read while the groups' lines are.
    const reviewsRead = this.allReviews();
    const plansRead = this.overduePlanActivitiesByGroup();
    const groupIds = new Set(groups.map((g) => g.id));
    // Broadcasts' read rates among these groups (one read of the tenant's broadcasts per run); none without the store.
    const broadcasts = this.services.broadcasts;
    if (broadcasts) this.broadcastReads ??= new BroadcastReadFacts({ organisation: org, broadcasts }, this.now);
    const broadcastsRead = this.broadcastReads?.forGroups(tenantId, groupIds);
    // Awaited below; handled now so that a failure while the lines are awaited first is not an unhandled rejection.
    broadcastsRead?.catch(() => undefined);
    const facts = await this.groups(tenantId, groups);
    const owners = new Map(org.documents.map((d) => [d.id, d.ownerGroup]));
    const reviews = (await reviewsRead).filter((r) => groupIds.has(owners.get(r.documentId) ?? ''));
    const overduePlans = await plansRead;
    const digest: Digest = {
      managerId: manager.personId,
      weekOf: localDate(this.now, org.timeZone),
      // A group whose action plans have overdue activities needs attention (the kept lines do not hold them: read per run).
      groups: facts.map((f) => {
        const overdue = overduePlans.get(f.group.groupId) ?? 0;
        return overdue ? { ...f.group, overduePlanActivities: overdue } : f.group;
      }),
      reviews,
    };
    const next = new Map(facts.map((f) => [f.group.groupId, f.next]));
    return digestCard(locale, digest, {
      week: DateTime.fromJSDate(this.now, { zone: org.timeZone }).weekNumber,
      nextOf: (id) => {
        const n = next.get(id);
        return n ? nextMeetingText(n, locale) : t(locale, 'digest.noNext');
      },
      from,
      overduePlanActivities: [...groupIds].reduce((s, id) => s + (overduePlans.get(id) ?? 0), 0),
      broadcasts: await broadcastsRead,
    });
  }
}
