import { DateTime } from 'luxon';
import type { Config } from '../../config';
import { FanOut, type Delivery, type FanOutSummary } from '../../delivery/fanout';
import type { OutboxRow } from '../../delivery/outbox';
import type { Manager, Organisation } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import { messageKey } from '../shared/channel';
import type { BotServices } from '../shared/services';
import { DigestFacts, overseenGroups, type DigestFactsDeps } from './facts';

/**
 * The weekly digest: a job at the configured weekday and time that puts a
 * row per manager in the outbox and fans the cards out until every row has
 * an outcome, each manager reached once however often the job is retried or
 * however many processes share the run.
 */

export const DIGEST_KIND = 'digest.weekly';

/** The weekly job's payload: the date of the run, which names the run in the outbox. */
export interface WeeklyPayload {
  weekOf: string;
}

/** What the weekly run needs besides the digest's facts: the outbox, the fan-out's limiter and lease, the managers' chats and the scheduler. */
export type DigestDeps = DigestFactsDeps &
  Pick<BotServices, 'scheduler' | 'outbox' | 'limiter' | 'logger' | 'conversationReferences' | 'channel' | 'now'> & {
    config: Pick<Config, 'DIGEST_WEEKDAY' | 'DIGEST_TIME' | 'FANOUT_LEASE_MS'>;
    /** Sends a manager's card once per key, and opens a personal chat where Teams allows it. */
    proactive: Pick<BotServices['proactive'], 'sendCardOnce' | 'createPersonal'>;
  };

/** The next weekly run at or after `now`: the configured weekday and local time. */
export function nextDigestAt(now: Date, tz: string, weekday: number, time: string): DateTime {
  const [h, m] = time.split(':').map(Number) as [number, number];
  let d = DateTime.fromJSDate(now, { zone: tz }).set({ hour: h, minute: m, second: 0, millisecond: 0 });
  d = d.plus({ days: (weekday - d.weekday + 7) % 7 });
  if (d.toMillis() < now.getTime()) d = d.plus({ weeks: 1 });
  return d;
}

export async function scheduleNextDigest(services: DigestDeps, after: Date = services.now()): Promise<void> {
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
function managerIndex(org: Organisation): Map<string, Manager> {
  let m = managerIndexes.get(org);
  if (!m) managerIndexes.set(org, (m = new Map(org.managers.map((x) => [x.personId, x]))));
  return m;
}

/** The tenant's personal chats by the user's Entra object id, read once per run (one partition read, not one query per manager). */
class PersonalChats {
  private readonly byTenant = new Map<string, Promise<Map<string, Record<string, unknown>>>>();
  constructor(private readonly services: DigestDeps) {}
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
async function deliveryFor(services: DigestDeps, facts: DigestFacts, chats: PersonalChats, row: OutboxRow): Promise<Delivery | undefined> {
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
async function anyTenantOf(services: DigestDeps, aadObjectId: string, cache: Map<string, string>): Promise<string | undefined> {
  if (cache.size === 0) {
    for (const r of await services.conversationReferences.listPersonalEverywhere())
      if (r.userAadObjectId) cache.set(r.userAadObjectId, r.tenantId);
    cache.set('~loaded', '');
  }
  return cache.get(aadObjectId);
}

/** One week's digest: an outbox row per manager (idempotent), then the fan-out until every row has an outcome. */
export async function runDigest(services: DigestDeps, weekOf: string, now: Date, signal?: AbortSignal): Promise<FanOutSummary> {
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

/** The weekly job: plans next week's run first, fans this week's out, and names the managers it could not reach. */
export async function weeklyDigestJob(services: DigestDeps, ctx: JobContext<WeeklyPayload>): Promise<void> {
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
export async function reportNotInstalled(services: DigestDeps, runId: string): Promise<number> {
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
    for (const g of overseenGroups(org, m)) for (const c of g.conveners) byConvener.set(c, (byConvener.get(c) ?? new Set()).add(name));
  }
  let told = 0;
  for (const [personId, names] of byConvener) {
    const list = [...names].slice(0, 20).join(', ') + (names.size > 20 ? ` (+${names.size - 20})` : '');
    const reached = await services.channel.tellPerson(
      org.tenantId ?? '',
      { personId },
      (locale) => t(locale, 'digest.notInstalled', { names: list }),
      messageKey('digest-not-installed', runId),
    );
    if (reached) told += 1;
  }
  services.logger.info(
    { event: 'digestNotInstalledReported', managers: missing.length, conveners: told },
    'managers without the app reported',
  );
  return told;
}
