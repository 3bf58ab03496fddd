import type { Routes } from '../shared/feature';
import { DateTime } from 'luxon';
import { notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { digestCard } from '../reviews/cards';
import { authorize, personOf } from '../../domain/access';
import { status as consentStatus } from '../../domain/consent';
import type { Digest, DigestGroup, DigestReview } from '../../domain/digest/digest';
import { isHeld } from '../../domain/meetings/meeting';
import { workingDaysAfter, MINUTES_WORKING_DAYS } from '../../domain/meetings/reminders';
import { overdueActions } from '../../domain/minutes/minutes';
import { addDays, cadenceStatus, localDate, type Group, type Manager } from '../../domain/organisation';
import { byUrgency, reviewRow } from '../../domain/reviews/reviews';
import { FanOut, type Delivery, type FanOutSummary } from '../../delivery/fanout';
import type { OutboxRow } from '../../delivery/outbox';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import { actorOf } from '../shared/access';
import { messageKey } from '../shared/channel';
import type { BotServices } from '../shared/services';
import type { TurnInfo } from '../../bot/turn';
import { meetingWhen } from '../meetings/cards';

/**
 * The managers' digest (SPEC section 8): built from the groups each manager
 * oversees — facts gathered once per group and run, so ten thousand
 * managers cost a handful of storage reads — sent weekly through the outbox
 * fan-out, and on demand with `sammanfattning`.
 */

export const DIGEST_KIND = 'digest.weekly';
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
    private readonly services: BotServices,
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
    const actions = overdueActions(await services.minutes.actionsOf(tenantId, g.id), today);
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
        }));
    })();
    return this.reviews;
  }

  async forManager(tenantId: string, manager: Manager, locale: Locale): Promise<AdaptiveCardJson> {
    const org = this.services.organisation;
    const groups = manager.oversees === 'all' ? org.groups : org.groups.filter((g) => (manager.oversees as string[]).includes(g.id));
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

/** `sammanfattning` / `digest`: the digest now, for the manager asking. */
export async function digestView(services: BotServices, info: TurnInfo): Promise<AdaptiveCardJson> {
  const org = services.organisation;
  const decision = authorize(org, actorOf(info), 'digest.view', {});
  if (!decision.allowed) return notAllowedCard(info.locale, decision.reason, decision.whoMay);
  const person = personOf(org, actorOf(info));
  const manager = org.managers.find((m) => m.personId === person?.id)!;
  return new DigestFacts(services, services.now()).forManager(info.tenantId, manager, info.locale);
}

// ------------------------------------------------------------ weekly run

/** The next weekly run at or after `now`: the configured weekday and local time. */
export function nextDigestAt(now: Date, tz: string, weekday: number, time: string): DateTime {
  const [h, m] = time.split(':').map(Number) as [number, number];
  let d = DateTime.fromJSDate(now, { zone: tz }).set({ hour: h, minute: m, second: 0, millisecond: 0 });
  d = d.plus({ days: (weekday - d.weekday + 7) % 7 });
  if (d.toMillis() < now.getTime()) d = d.plus({ weeks: 1 });
  return d;
}

export async function scheduleNextDigest(services: BotServices, after: Date = services.now()): Promise<void> {
  const { DIGEST_WEEKDAY, DIGEST_TIME } = services.config;
  const at = nextDigestAt(after, services.organisation.timeZone, DIGEST_WEEKDAY, DIGEST_TIME);
  await services.scheduler.schedule({
    id: `${DIGEST_KIND}:${at.toISODate()}`,
    kind: DIGEST_KIND,
    dueAt: at.toJSDate(),
    payload: { weekOf: at.toISODate() },
    maxAttempts: 10,
  });
}

const managerIndexes = new WeakMap<object, Map<string, Manager>>();
function managerIndex(org: BotServices['organisation']): Map<string, Manager> {
  let m = managerIndexes.get(org);
  if (!m) managerIndexes.set(org, (m = new Map(org.managers.map((x) => [x.personId, x]))));
  return m;
}

/** The tenant's personal chats by the user's Entra object id, read once per run (one partition read, not one query per manager). */
class PersonalChats {
  private readonly byTenant = new Map<string, Promise<Map<string, Record<string, unknown>>>>();
  constructor(private readonly services: BotServices) {}
  of(tenantId: string, aadObjectId: string): Promise<Record<string, unknown> | undefined> {
    let p = this.byTenant.get(tenantId);
    if (!p) {
      p = this.services.conversationReferences
        .listByTenant(tenantId)
        .then(
          (all) =>
            new Map(
              all.filter((r) => r.conversationType === 'personal' && r.userAadObjectId).map((r) => [r.userAadObjectId!, r.reference]),
            ),
        );
      this.byTenant.set(tenantId, p);
    }
    return p.then((m) => m.get(aadObjectId));
  }
}

/** Where a manager's digest goes: their chat with the bot, or a new one where Teams allows it. */
async function deliveryFor(services: BotServices, facts: DigestFacts, chats: PersonalChats, row: OutboxRow): Promise<Delivery | undefined> {
  const org = services.organisation;
  const manager = managerIndex(org).get(row.recipient);
  if (!manager) return undefined;
  let ref = await chats.of(row.tenantId, row.aadObjectId);
  if (!ref) {
    const any = (await services.conversationReferences.listByTenant(row.tenantId))[0];
    const serviceUrl = (any?.reference as { serviceUrl?: string } | undefined)?.serviceUrl;
    if (serviceUrl) ref = await services.proactive.createPersonal(row.tenantId, row.aadObjectId, serviceUrl);
  }
  if (!ref) return undefined;
  const locale: Locale = /^en\b/i.test(String((ref as { locale?: unknown }).locale ?? '')) ? 'en' : 'sv';
  const card = await facts.forManager(row.tenantId, manager, locale);
  const conversationId = String((ref as { conversation?: { id?: string } }).conversation?.id ?? row.recipient);
  return { conversationId, send: (key) => services.proactive.sendCardOnce(ref!, card, key) };
}

/** Which tenant a user's chat with the bot is in (for an organisation file that names no tenant): all personal chats read once. */
async function anyTenantOf(services: BotServices, aadObjectId: string, cache: Map<string, string>): Promise<string | undefined> {
  if (cache.size === 0) {
    for (const r of await services.conversationReferences.listPersonalEverywhere())
      if (r.userAadObjectId) cache.set(r.userAadObjectId, r.tenantId);
    cache.set('~loaded', '');
  }
  return cache.get(aadObjectId);
}

/** One week's digest: an outbox row per manager (idempotent), then the fan-out until every row has an outcome. */
export async function runDigest(services: BotServices, weekOf: string, now: Date, signal?: AbortSignal): Promise<FanOutSummary> {
  const org = services.organisation;
  const runId = `digest-${weekOf}`;
  const found: Array<{ recipient: string; tenantId?: string; aadObjectId: string }> = [];
  const anywhere = new Map<string, string>();
  const people = new Map(org.people.map((p) => [p.id, p]));
  const chats = new PersonalChats(services);
  for (const m of org.managers) {
    const person = people.get(m.personId);
    if (!person?.aadObjectId) continue;
    const tenantId = org.tenantId ?? (org.tenantId === undefined ? await anyTenantOf(services, person.aadObjectId, anywhere) : undefined);
    found.push({ recipient: m.personId, tenantId, aadObjectId: person.aadObjectId });
  }
  // A manager without a chat yet belongs to the tenant the others are in (an organisation is one tenant).
  const tally = new Map<string, number>();
  for (const f of found) if (f.tenantId) tally.set(f.tenantId, (tally.get(f.tenantId) ?? 0) + 1);
  const usual = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const recipients = found.map((f) => ({ ...f, tenantId: f.tenantId ?? usual }));
  await services.outbox.enqueue(runId, recipients);
  const facts = new DigestFacts(services, now);
  const fanout = new FanOut({
    outbox: services.outbox,
    limiter: services.limiter,
    logger: services.logger,
    leaseMs: services.config.FANOUT_LEASE_MS,
    concurrency: 32,
  });
  return fanout.run(runId, (row) => deliveryFor(services, facts, chats, row), { signal });
}

async function weeklyJob(services: BotServices, ctx: JobContext<{ weekOf: string }>): Promise<void> {
  // The next week first: a crash mid-run must not stop the weekly rhythm.
  await scheduleNextDigest(services, new Date(ctx.now.getTime() + 60_000));
  const summary = await runDigest(services, ctx.payload.weekOf, ctx.now, ctx.signal);
  const runId = `digest-${ctx.payload.weekOf}`;
  const counts = await services.outbox.counts(runId);
  if (counts.pending + counts.sending > 0) throw Object.assign(new Error('digest run not finished'), { code: 'DigestUnfinished', summary });
  if (counts.notInstalled > 0) await reportNotInstalled(services, runId);
}

/**
 * Managers the digest could not reach because the app is not installed for
 * them are named to the conveners of the groups they oversee, once per run
 * (the job runs once; names are officials', never children's).
 */
export async function reportNotInstalled(services: BotServices, runId: string): Promise<number> {
  const org = services.organisation;
  const missing: Manager[] = [];
  for await (const row of services.outbox.withStatus(runId, 'notInstalled')) {
    const m = managerIndex(org).get(row.recipient);
    if (m) missing.push(m);
  }
  if (!missing.length) return 0;
  const byConvener = new Map<string, Set<string>>();
  for (const m of missing) {
    const name = org.people.find((p) => p.id === m.personId)?.displayName ?? m.personId;
    const groups = m.oversees === 'all' ? org.groups : org.groups.filter((g) => (m.oversees as string[]).includes(g.id));
    for (const g of groups) for (const c of g.conveners) byConvener.set(c, (byConvener.get(c) ?? new Set()).add(name));
  }
  let told = 0;
  for (const [personId, names] of byConvener) {
    const aad = org.people.find((p) => p.id === personId)?.aadObjectId;
    const chat = aad ? await services.proactive.personal(org.tenantId ?? '', aad) : undefined;
    if (!chat) continue;
    const list = [...names].slice(0, 20).join(', ') + (names.size > 20 ? ` (+${names.size - 20})` : '');
    await services.proactive.sendText(chat.reference, t(chat.locale, 'digest.notInstalled', { names: list }), {
      idempotencyKey: messageKey('digest-not-installed', runId, personId),
    });
    told += 1;
  }
  services.logger.info(
    { event: 'digestNotInstalledReported', managers: missing.length, conveners: told },
    'managers without the app reported',
  );
  return told;
}

export function registerDigestJobs(routes: Routes, services: BotServices): void {
  routes.job<{ weekOf: string }>(DIGEST_KIND, (ctx) => weeklyJob(services, ctx));
}
