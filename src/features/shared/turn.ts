import type { AdaptiveCardJson } from '../../cards/render';
import type { Actor, Role } from '../../domain/access';
import type { Group } from '../../domain/organisation';
import type { Locale } from '../../i18n';

export type ConversationKind = 'personal' | 'channel' | 'groupChat' | 'unknown';

/** Who sent the incoming activity, and where: read once from the activity, framework-free. */
export interface TurnInfo {
  locale: Locale;
  /** Where `locale` comes from: the user's own choice (`språk`), the organisation's default, or the Teams client. */
  localeSource?: 'user' | 'organisation' | 'teams';
  tenantId: string;
  userId: string;
  aadObjectId?: string;
  userName?: string;
  conversationId: string;
  conversationKind: ConversationKind;
  /** The Teams channel id (without the thread's message id), for channel conversations. */
  channelId?: string;
  teamId?: string;
  /** True when the bot was @mentioned in this message. */
  mentioned: boolean;
  /** The activity's id and type: Teams resends an activity it had no answer to with the same id. */
  activityId?: string;
  activityType?: string;
  /** When the channel received it (the activity's timestamp), if it says. */
  activityTime?: Date;
  /** The message a card action was pressed on (Teams' replyToId), when Teams says. */
  replyToId?: string;
}

/**
 * One turn as the features see it, built once per incoming activity by the
 * edge (src/bot/turn.ts): who and where, the strings in the user's language,
 * the group this conversation is linked to and the user's roles (each looked
 * up at most once), and the one way to answer in this conversation.
 */
export interface Turn {
  readonly info: TurnInfo;
  readonly locale: Locale;
  readonly actor: Actor;
  /** A string in the user's language. */
  t(key: string, params?: Record<string, string | number>): string;
  /** The group this conversation is linked to, if any (within the organisation's tenant). */
  groupHere(): Promise<Group | undefined>;
  /** The user's roles in the organisation. */
  roles(): Role[];
  /** Sends a card into this conversation; answers the new message's id. */
  send(card: AdaptiveCardJson): Promise<string | undefined>;
}

/** Whether a message is addressed to the bot: always in personal chat, on @mention elsewhere. */
export function isAddressed(info: TurnInfo): boolean {
  return info.conversationKind === 'personal' || info.mentioned;
}

export function actorOf(info: TurnInfo): Actor {
  return { aadObjectId: info.aadObjectId, tenantId: info.tenantId };
}

/** The conversation id a channel link is kept under: the channel without a thread's message id. */
export function linkKeyOf(info: TurnInfo): string | undefined {
  if (info.conversationKind === 'channel') return info.channelId ?? info.conversationId.split(';')[0];
  if (info.conversationKind === 'groupChat') return info.conversationId;
  return undefined;
}
