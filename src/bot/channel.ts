import type { AdaptiveCardJson } from '../cards/render';
import { findGroup, type Organisation } from '../domain/organisation';
import { logError } from '../errors';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { Compose, GroupChannel, PostedCard } from '../features/shared/channel';
import type { ChannelLinkStore } from '../storage/channel-links';
import { connectorStatus, retryAfterMs } from '../delivery/connector-errors';
import type { RateLimiter } from '../delivery/rate-limiter';
import { messageKey, type Proactive } from './proactive';

interface Deps {
  organisation: Organisation;
  channelLinks: Pick<ChannelLinkStore, 'channelsOf'>;
  proactive: Pick<Proactive, 'conversation' | 'personal' | 'sendCard' | 'sendText' | 'updateCard'>;
  logger: Logger;
  /** The app's shared pacing (the fan-out's limiter): every send and update waits for its slot and reports how it went. */
  limiter?: Pick<RateLimiter, 'acquire' | 'succeeded' | 'throttled' | 'failed'>;
}

type Conversation = { reference: Record<string, unknown>; locale: Locale };

/** The group channel module over saved conversation references and the Bot Connector (see features/shared/channel.ts). */
export class ProactiveGroupChannel implements GroupChannel {
  constructor(private readonly d: Deps) {}

  async post(tenantId: string, groupId: string, compose: Compose, key: string, options: { thread?: PostedCard } = {}) {
    const target = await this.channelOf(tenantId, groupId, options.thread?.conversationId);
    if (!target) return undefined;
    const threadOf = options.thread?.conversationId === target.conversationId ? options.thread.activityId : undefined;
    const activityId = await this.send(
      target.conv,
      await compose(target.conv.locale),
      messageKey(key, target.conversationId),
      threadOf,
      target.conversationId,
    );
    return { conversationId: target.conversationId, activityId };
  }

  async update(tenantId: string, posted: PostedCard, compose: Compose): Promise<boolean> {
    const conv = await this.d.proactive.conversation(tenantId, posted.conversationId);
    if (!conv) return false;
    const message = await compose(conv.locale);
    if (typeof message === 'string') throw new Error('a posted card is updated with a card');
    try {
      await this.paced(posted.conversationId, () => this.d.proactive.updateCard(conv.reference, posted.activityId, message));
      return true;
    } catch (err) {
      if (!cardGone(err)) throw err;
      logError(this.d.logger, 'warn', err, 'a posted card can no longer be updated');
      return false;
    }
  }

  async reply(tenantId: string, posted: PostedCard, compose: Compose, key: string): Promise<string | undefined> {
    const conv = await this.d.proactive.conversation(tenantId, posted.conversationId);
    if (!conv) return undefined;
    return this.send(conv, await compose(conv.locale), messageKey(key, posted.conversationId), posted.activityId, posted.conversationId);
  }

  async tellConveners(
    tenantId: string,
    groupId: string,
    compose: Compose,
    key: string,
    options: { except?: string } = {},
  ): Promise<number> {
    const group = findGroup(this.d.organisation, groupId);
    let reached = 0;
    let failure: { err: unknown } | undefined;
    for (const personId of group?.conveners ?? []) {
      try {
        const aad = this.aadOf(personId);
        if (aad && aad === options.except) continue;
        if (await this.tellPerson(tenantId, { personId }, compose, key)) reached += 1;
      } catch (err) {
        failure ??= { err };
      }
    }
    if (failure) throw failure.err;
    return reached;
  }

  async tellPerson(tenantId: string, person: { personId?: string; aadObjectId?: string }, compose: Compose, key: string): Promise<boolean> {
    const aad = person.aadObjectId ?? (person.personId ? this.aadOf(person.personId) : undefined);
    const conv = aad ? await this.d.proactive.personal(tenantId, aad) : undefined;
    if (!conv) return false;
    const conversationId = (conv.reference as { conversation?: { id?: string } }).conversation?.id ?? `personal:${aad}`;
    await this.send(conv, await compose(conv.locale), messageKey(key, person.personId ?? aad ?? ''), undefined, conversationId);
    return true;
  }

  private aadOf(personId: string): string | undefined {
    return this.d.organisation.people.find((p) => p.id === personId)?.aadObjectId;
  }

  /** The conversation `preferred` when reachable, else the latest linked channel (normally a group has one) with a saved reference. */
  private async channelOf(
    tenantId: string,
    groupId: string,
    preferred: string | undefined,
  ): Promise<{ conversationId: string; conv: Conversation } | undefined> {
    const links = (await this.d.channelLinks.channelsOf(tenantId, groupId)).sort((a, b) => b.linkedAt.localeCompare(a.linkedAt));
    const ids = [...new Set([...(preferred ? [preferred] : []), ...links.map((l) => l.conversationId)])];
    for (const conversationId of ids) {
      const conv = await this.d.proactive.conversation(tenantId, conversationId);
      if (conv) return { conversationId, conv };
    }
    return undefined;
  }

  /**
   * One message to a conversation, as a reply in the thread of `threadOf`
   * when given. A connector that refuses the thread (a 404 or 400: the
   * message is gone, or a host such as the Agents Playground has no threads)
   * gets it at top level in the same conversation instead, with a warning
   * logged; any other failure is thrown.
   */
  private async send(
    conv: Conversation,
    message: AdaptiveCardJson | string,
    idempotencyKey: string,
    threadOf: string | undefined,
    to: string,
  ) {
    const { proactive } = this.d;
    if (typeof message === 'string') return this.paced(to, () => proactive.sendText(conv.reference, message, { idempotencyKey }));
    if (!threadOf) return this.paced(to, () => proactive.sendCard(conv.reference, message, { idempotencyKey }));
    try {
      return await this.paced(to, () => proactive.sendCard(conv.reference, message, { idempotencyKey, threadOf }));
    } catch (err) {
      if (!threadRefused(err)) throw err;
      logError(this.d.logger, 'warn', err, 'a reply in a thread was refused; posted at top level instead');
      return this.paced(to, () => proactive.sendCard(conv.reference, message, { idempotencyKey }));
    }
  }

  /**
   * One connector call under the app's shared pacing: it waits for its slot
   * in the app's and the conversation's rate, and a 429 (with its
   * Retry-After) or a 5xx tells the limiter, as the fan-out's sends do.
   */
  private async paced<T>(conversationId: string, call: () => Promise<T>): Promise<T> {
    const limiter = this.d.limiter;
    if (!limiter) return call();
    const slot = await limiter.acquire(conversationId);
    try {
      const out = await call();
      limiter.succeeded(slot);
      return out;
    } catch (err) {
      const status = connectorStatus(err);
      if (status === 429) limiter.throttled(conversationId, retryAfterMs(err) ?? 1000, slot);
      else if (status === undefined || status >= 500 || status === 408) limiter.failed(slot);
      throw err;
    }
  }
}

/** Whether the connector refused a post into a message's thread as such (not a throttle or an outage). */
function threadRefused(err: unknown): boolean {
  const status = connectorStatus(err);
  return status === 404 || status === 400;
}

/** Whether a card update failed for good: the message is gone (404) or the bot may no longer change it (403). */
function cardGone(err: unknown): boolean {
  const status = connectorStatus(err);
  return status === 404 || status === 403;
}
