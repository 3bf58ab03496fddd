import type { AdaptiveCardJson } from '../../../src/cards/render';
import { findGroup, type Organisation } from '../../../src/domain/organisation';
import { messageKey, type Compose, type GroupChannel, type PostedCard } from '../../../src/features/shared/channel';
import type { Locale } from '../../../src/i18n';

/** One message the channel sent: where it went, in which language, under which idempotency key. */
export interface SentMessage {
  kind: 'post' | 'reply' | 'tell';
  tenantId: string;
  /** The conversation: a channel's id, or `personal:<Entra object id>` for a personal chat. */
  conversationId: string;
  activityId: string;
  groupId?: string;
  /** For `tell`: the person told (organisation id when the caller named one). */
  personId?: string;
  aadObjectId?: string;
  threadOf?: string;
  locale: Locale;
  message: AdaptiveCardJson | string;
  /** The idempotency key sent with it, made like the real channel's (src/bot/channel.ts) from the caller's key and where it went. */
  key: string;
}

export interface RecordingChannelOptions {
  organisation: Organisation;
  /** The conversation of a group's channel, or undefined when it has none; by default every group has `channel:<groupId>`. */
  channelOf?: (tenantId: string, groupId: string) => string | undefined;
  /** Whether the bot has a personal chat with this person (Entra object id); by default everyone who has an object id. */
  hasChat?: (aadObjectId: string) => boolean;
  /** The language of a conversation; Swedish unless told. */
  localeOf?: (conversationId: string) => Locale;
}

/**
 * A GroupChannel that keeps what it sends in memory instead of calling the
 * Bot Connector, resolving groups and conveners from the organisation as the
 * real one does; use-case tests read `sent` and `updates`.
 */
export class RecordingGroupChannel implements GroupChannel {
  readonly sent: SentMessage[] = [];
  readonly updates: Array<{ tenantId: string; posted: PostedCard; locale: Locale; message: AdaptiveCardJson }> = [];
  /** Object ids whose sends fail (as a connector that refuses), to test what a failure does. */
  readonly failing = new Set<string>();
  private next = 0;

  constructor(private readonly o: RecordingChannelOptions) {}

  /** The messages told to one person, by organisation id or Entra object id. */
  toldTo(person: string): SentMessage[] {
    return this.sent.filter((m) => m.kind === 'tell' && (m.personId === person || m.aadObjectId === person));
  }

  async post(tenantId: string, groupId: string, compose: Compose, key: string, options: { thread?: PostedCard } = {}) {
    const conversationId = options.thread?.conversationId ?? (this.o.channelOf ?? ((_t, g) => `channel:${g}`))(tenantId, groupId);
    if (!conversationId) return undefined;
    const m = await this.record('post', tenantId, conversationId, compose, messageKey(key, conversationId), {
      groupId,
      threadOf: options.thread?.activityId,
    });
    return { conversationId, activityId: m.activityId };
  }

  async update(tenantId: string, posted: PostedCard, compose: Compose): Promise<boolean> {
    const locale = this.localeOf(posted.conversationId);
    const message = await compose(locale);
    if (typeof message === 'string') throw new Error('a posted card is updated with a card');
    this.updates.push({ tenantId, posted, locale, message });
    return true;
  }

  async reply(tenantId: string, posted: PostedCard, compose: Compose, key: string): Promise<string | undefined> {
    const m = await this.record('reply', tenantId, posted.conversationId, compose, messageKey(key, posted.conversationId), {
      threadOf: posted.activityId,
    });
    return m.activityId;
  }

  async tellConveners(tenantId: string, groupId: string, compose: Compose, key: string, options: { except?: string } = {}) {
    let reached = 0;
    let failure: { err: unknown } | undefined;
    for (const personId of findGroup(this.o.organisation, groupId)?.conveners ?? []) {
      if (options.except && this.aadOf(personId) === options.except) continue;
      try {
        if (await this.tellPerson(tenantId, { personId }, compose, key)) reached += 1;
      } catch (err) {
        failure ??= { err };
      }
    }
    if (failure) throw failure.err;
    return reached;
  }

  async tellPerson(tenantId: string, person: { personId?: string; aadObjectId?: string }, compose: Compose, key: string) {
    const aad = person.aadObjectId ?? (person.personId ? this.aadOf(person.personId) : undefined);
    if (!aad || !(this.o.hasChat ?? (() => true))(aad)) return false;
    if (this.failing.has(aad)) throw Object.assign(new Error('connector refused'), { statusCode: 502 });
    await this.record('tell', tenantId, `personal:${aad}`, compose, messageKey(key, person.personId ?? aad), {
      personId: person.personId,
      aadObjectId: aad,
    });
    return true;
  }

  private aadOf(personId: string): string | undefined {
    return this.o.organisation.people.find((p) => p.id === personId)?.aadObjectId;
  }

  private localeOf(conversationId: string): Locale {
    return this.o.localeOf?.(conversationId) ?? 'sv';
  }

  private async record(
    kind: SentMessage['kind'],
    tenantId: string,
    conversationId: string,
    compose: Compose,
    key: string,
    extra: Partial<SentMessage>,
  ): Promise<SentMessage> {
    const locale = this.localeOf(conversationId);
    const m: SentMessage = {
      kind,
      tenantId,
      conversationId,
      activityId: `activity-${++this.next}`,
      locale,
      message: await compose(locale),
      key,
      ...extra,
    };
    this.sent.push(m);
    return m;
  }
}
