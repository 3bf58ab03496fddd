import type { AdaptiveCardJson } from '../../../src/cards/render';
import { findGroup, type Organisation } from '../../../src/domain/organisation';
import type { Locale } from '../../../src/i18n';
import type { Compose, GroupChannel, PostedCard } from '../../../src/features/shared/channel';

export type Message = AdaptiveCardJson | string;

export interface Post {
  tenantId: string;
  groupId: string;
  conversationId: string;
  activityId: string;
  message: Message;
  key: string;
  /** The card whose thread it went to, when it was a reply. */
  threadOf?: string;
}
export interface Update {
  tenantId: string;
  posted: PostedCard;
  message: Message;
}
export interface Tell {
  tenantId: string;
  personId?: string;
  aadObjectId?: string;
  message: Message;
  key: string;
}

/**
 * A GroupChannel (src/features/shared/channel.ts) that keeps what was sent
 * instead of sending it. A group has a channel when `channels` names one
 * (`channelOf`), a person a personal chat when `chats` has their person id;
 * every conversation speaks `locale`. A send whose key was used before for
 * the same place is kept once, as a connector that deduplicates would.
 */
export class RecordingGroupChannel implements GroupChannel {
  readonly posts: Post[] = [];
  readonly updates: Update[] = [];
  readonly tells: Tell[] = [];
  /** groupId → the channel conversation it posts in. */
  readonly channels = new Map<string, string>();
  /** Person ids the bot has a personal chat with. */
  readonly chats = new Set<string>();
  /** Conversations that are gone (a card there can no longer be updated or replied to). */
  readonly unreachable = new Set<string>();
  private next = 0;

  constructor(
    private readonly organisation: Organisation,
    private readonly locale: Locale = 'sv',
  ) {}

  channelOf(groupId: string, conversationId: string): this {
    this.channels.set(groupId, conversationId);
    return this;
  }

  chatWith(...personIds: string[]): this {
    for (const id of personIds) this.chats.add(id);
    return this;
  }

  async post(tenantId: string, groupId: string, compose: Compose, key: string, options: { thread?: PostedCard } = {}) {
    const thread = options.thread && !this.unreachable.has(options.thread.conversationId) ? options.thread : undefined;
    const conversationId = thread?.conversationId ?? this.channels.get(groupId);
    if (!conversationId || this.unreachable.has(conversationId)) return undefined;
    const again = this.posts.find((p) => p.key === key && p.conversationId === conversationId);
    if (again) return { conversationId, activityId: again.activityId };
    const activityId = `posted-${++this.next}`;
    const message = await compose(this.locale);
    this.posts.push({ tenantId, groupId, conversationId, activityId, message, key, threadOf: thread?.activityId });
    return { conversationId, activityId };
  }

  async update(tenantId: string, posted: PostedCard, compose: Compose): Promise<boolean> {
    if (this.unreachable.has(posted.conversationId)) return false;
    this.updates.push({ tenantId, posted, message: await compose(this.locale) });
    return true;
  }

  async reply(tenantId: string, posted: PostedCard, compose: Compose, key: string): Promise<string | undefined> {
    if (this.unreachable.has(posted.conversationId)) return undefined;
    const again = this.posts.find((p) => p.key === key && p.conversationId === posted.conversationId);
    if (again) return again.activityId;
    const activityId = `posted-${++this.next}`;
    const message = await compose(this.locale);
    const groupId = '';
    this.posts.push({ tenantId, groupId, conversationId: posted.conversationId, activityId, message, key, threadOf: posted.activityId });
    return activityId;
  }

  async tellConveners(tenantId: string, groupId: string, compose: Compose, key: string, options: { except?: string } = {}) {
    let reached = 0;
    for (const personId of findGroup(this.organisation, groupId)?.conveners ?? []) {
      const aad = this.organisation.people.find((p) => p.id === personId)?.aadObjectId;
      if (aad && aad === options.except) continue;
      if (await this.tellPerson(tenantId, { personId }, compose, key)) reached += 1;
    }
    return reached;
  }

  async tellPerson(tenantId: string, person: { personId?: string; aadObjectId?: string }, compose: Compose, key: string) {
    const personId = person.personId ?? this.organisation.people.find((p) => p.aadObjectId === person.aadObjectId)?.id;
    if (!personId || !this.chats.has(personId)) return false;
    if (this.tells.some((x) => x.key === key && x.personId === personId)) return true;
    this.tells.push({ tenantId, personId, aadObjectId: person.aadObjectId, message: await compose(this.locale), key });
    return true;
  }
}
