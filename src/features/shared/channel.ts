import { createHash } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Locale } from '../../i18n';

/** A message in the language of the conversation it goes to: a card, or a line of plain text. */
export type Compose = (locale: Locale) => AdaptiveCardJson | string | Promise<AdaptiveCardJson | string>;

/** Where a card landed in a channel, so it can be updated for everyone or replied to. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
}

/**
 * Everything the features send outside the turn they run in, by group and
 * person rather than by conversation: the edge (src/bot/channel.ts) finds the
 * group's channel, its saved conversation reference and the conveners'
 * personal chats. Every send carries an idempotency key made from `key` and
 * where it goes, so a retry or a second process sends nothing twice, and
 * waits for its slot in the app's shared pacing. A turn does not call these
 * directly for what must arrive: it records a durable delivery
 * (src/delivery/durable.ts), which tries them at once and leaves what did not
 * go to a scheduler job rebuilt from ids.
 */
export interface GroupChannel {
  /**
   * Posts in the group's channel: the conversation of `thread` when it is
   * still reachable (as a reply in that card's thread), else the latest
   * linked channel the bot can reach. Undefined when the group has none.
   * A reply the connector refuses as such (a 404 or 400 for the thread: the
   * message was deleted, or the host, like the Agents Playground, has no
   * threads) is posted at top level in the same conversation instead; any
   * other failure is thrown.
   */
  post(
    tenantId: string,
    groupId: string,
    compose: Compose,
    key: string,
    options?: { thread?: PostedCard },
  ): Promise<{ conversationId: string; activityId?: string } | undefined>;
  /**
   * Replaces a posted card for everyone. False when it can never be updated
   * (its conversation is unknown, or the connector answers 404 or 403: the
   * message is gone, or the bot may no longer change it), so the caller can
   * post it afresh; any other failure (a throttle, an outage) is thrown, to be
   * retried (see src/delivery/durable.ts).
   */
  update(tenantId: string, posted: PostedCard, compose: Compose): Promise<boolean>;
  /**
   * Replies in the thread of a posted card, or at top level in its
   * conversation when the thread is refused (as `post`); undefined when its
   * conversation is no longer reachable.
   */
  reply(tenantId: string, posted: PostedCard, compose: Compose, key: string): Promise<string | undefined>;
  /**
   * Tells each of the group's conveners (but `except`) in their personal
   * chat with the bot; a convener without one is skipped. Every convener is
   * tried; if a send failed, the first failure is thrown after the others.
   * Answers how many were reached.
   */
  tellConveners(tenantId: string, groupId: string, compose: Compose, key: string, options?: { except?: string }): Promise<number>;
  /** Tells one person (by organisation person id or Entra object id) in their personal chat; false when the bot has none with them. */
  tellPerson(tenantId: string, person: { personId?: string; aadObjectId?: string }, compose: Compose, key: string): Promise<boolean>;
}

/**
 * The idempotency key of one message: the same parts (a job's key, a
 * meeting's id and version, the conversation it goes to) give the same key
 * in every process and on every retry, so a connector that deduplicates
 * delivers a message once even when the bot crashed between the send and
 * recording it. Hashed: the parts may hold conversation ids, which belong
 * in no third party's logs.
 */
export function messageKey(...parts: Array<string | number>): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}

/**
 * Sends to one saved conversation reference, for the digest's fan-out, which
 * keeps its own outbox, rate limiter and idempotency (src/delivery); every
 * other send goes through the GroupChannel. Implemented by src/bot/proactive.ts.
 */
export interface DirectSender {
  /** One send, without the connector client's own retries: the fan-out decides. */
  sendCardOnce(reference: Record<string, unknown>, card: AdaptiveCardJson, idempotencyKey: string): Promise<string | undefined>;
  /** A personal chat with a user the bot has not talked to; undefined when Teams refuses (not installed). */
  createPersonal(tenantId: string, aadObjectId: string, serviceUrl: string): Promise<Record<string, unknown> | undefined>;
}
