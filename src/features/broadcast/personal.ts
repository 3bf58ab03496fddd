import type { AdaptiveCardJson } from '../../cards/render';
import { DELIVERY_FAMILY } from '../../delivery/durable';
import { FanOut, type Delivery, type FanOutSummary } from '../../delivery/fanout';
import type { OutboxRow, OutboxStatus } from '../../delivery/outbox';
import { personalRecipients, type Broadcast } from '../../domain/broadcast/broadcast';
import { findPerson } from '../../domain/organisation';
import type { Locale } from '../../i18n';
import type { BotServices } from '../shared/services';

/**
 * A broadcast to people (§11): each chosen person, and each member of the
 * groups chosen "to their members", gets the broadcast card in their own
 * chat with the bot. The same path as the weekly digest to the managers
 * (src/features/digest/weekly.ts): one outbox row per person in the run
 * `broadcast-<id>`, sent by the FanOut within Teams' limits, each row once
 * however often the send is resent or retried; the row's idempotency key
 * keeps a crash between send and record from sending twice.
 */

export type PersonalDeps = Pick<
  BotServices,
  'organisation' | 'outbox' | 'limiter' | 'logger' | 'conversationReferences' | 'proactive' | 'config'
>;

/** The job kind of a broadcast's fan-out to people's personal chats (a durable delivery: tried in the turn, finished by the job). */
export const BROADCAST_PEOPLE_KIND = `${DELIVERY_FAMILY}.broadcast-people`;
export interface BroadcastPeoplePayload {
  tenantId: string;
  broadcastId: string;
}

/** The outbox run of a broadcast's personal deliveries. */
export const broadcastRun = (id: string) => `broadcast-${id}`;

/** What the personal deliveries came to: reached, not reachable (no Teams identity, app not installed, blocked, failed), still to go. */
export interface PersonalOutcome {
  people: number;
  sent: number;
  unreached: number;
  open: number;
}

/** The tenant's personal chats by Entra object id, read once per run (one partition read). */
class PersonalChats {
  private chats?: Promise<{ byAad: Map<string, Record<string, unknown>>; serviceUrl?: string }>;
  constructor(
    private readonly deps: PersonalDeps,
    private readonly tenantId: string,
  ) {}
  private read() {
    this.chats ??= this.deps.conversationReferences.listByTenant(this.tenantId).then((all) => ({
      byAad: new Map(
        all.filter((r) => r.conversationType === 'personal' && r.userAadObjectId).map((r) => [r.userAadObjectId!, r.reference]),
      ),
      serviceUrl: (all[0]?.reference as { serviceUrl?: string } | undefined)?.serviceUrl,
    }));
    return this.chats;
  }
  /** The person's chat with the bot, or a new one where Teams allows it (the app installed for them). */
  async of(aadObjectId: string): Promise<Record<string, unknown> | undefined> {
    const { byAad, serviceUrl } = await this.read();
    const ref = byAad.get(aadObjectId);
    if (ref || !serviceUrl) return ref;
    return this.deps.proactive.createPersonal(this.tenantId, aadObjectId, serviceUrl);
  }
}

/** Puts a row per personal recipient with a Teams identity in the broadcast's outbox run (rows already there are left). */
export async function enqueuePeople(deps: PersonalDeps, tenantId: string, b: Broadcast): Promise<{ people: number; queued: number }> {
  const org = deps.organisation;
  const people = personalRecipients(org, b);
  const rows = people.flatMap((id) => {
    const aadObjectId = findPerson(org, id)?.aadObjectId;
    return aadObjectId ? [{ recipient: id, tenantId, aadObjectId }] : [];
  });
  if (rows.length) await deps.outbox.enqueue(broadcastRun(b.id), rows);
  return { people: people.length, queued: rows.length };
}

/**
 * Sends the broadcast to its personal recipients: the outbox rows (made
 * once), then the fan-out until each has an outcome or `deadline` passes.
 * Throws when rows are left to send, so the delivery's job carries on.
 */
export async function fanOutBroadcast(
  deps: PersonalDeps,
  tenantId: string,
  b: Broadcast,
  card: (locale: Locale) => AdaptiveCardJson,
  options: { deadline?: number; signal?: AbortSignal } = {},
): Promise<FanOutSummary> {
  await enqueuePeople(deps, tenantId, b);
  const chats = new PersonalChats(deps, tenantId);
  const cards = new Map<Locale, AdaptiveCardJson>();
  const resolve = async (row: OutboxRow): Promise<Delivery | undefined> => {
    const ref = await chats.of(row.aadObjectId);
    if (!ref) return undefined;
    const locale: Locale = /^en\b/i.test(String((ref as { locale?: unknown }).locale ?? '')) ? 'en' : 'sv';
    let c = cards.get(locale);
    if (!c) cards.set(locale, (c = card(locale)));
    const conversationId = String((ref as { conversation?: { id?: string } }).conversation?.id ?? row.recipient);
    return { conversationId, send: (key) => deps.proactive.sendCardOnce(ref, structuredClone(c), key) };
  };
  const fanout = new FanOut({
    outbox: deps.outbox,
    limiter: deps.limiter,
    logger: deps.logger,
    leaseMs: deps.config.FANOUT_LEASE_MS,
    concurrency: 8,
  });
  const summary = await fanout.run(broadcastRun(b.id), resolve, options);
  const counts = await deps.outbox.counts(broadcastRun(b.id));
  if (counts.pending + counts.sending > 0)
    throw Object.assign(new Error('broadcast to people not finished'), { code: 'BroadcastUnfinished' });
  return summary;
}

/** Where the broadcast's personal deliveries stand (one read of its run). */
export async function personalOutcome(deps: PersonalDeps, b: Broadcast): Promise<PersonalOutcome> {
  const people = personalRecipients(deps.organisation, b).length;
  if (!people) return { people: 0, sent: 0, unreached: 0, open: 0 };
  const counts: Record<OutboxStatus, number> = await deps.outbox.counts(broadcastRun(b.id));
  const rows = Object.values(counts).reduce((a, n) => a + n, 0);
  return {
    people,
    sent: counts.sent,
    // People without a Teams identity have no row: they count as not reached.
    unreached: people - rows + counts.notInstalled + counts.blocked + counts.failed,
    open: counts.pending + counts.sending,
  };
}
