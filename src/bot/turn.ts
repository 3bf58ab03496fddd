import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import { localeFrom, type Locale } from '../i18n';

export type ConversationKind = 'personal' | 'channel' | 'groupChat' | 'unknown';

/** What every handler needs to know about the incoming activity, framework-free. */
export interface TurnInfo {
  locale: Locale;
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
}

export function turnInfo(context: TurnContext): TurnInfo {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { id?: string };
  };
  const convType = a.conversation?.conversationType;
  const conversationKind: ConversationKind =
    convType === 'personal' || convType === 'channel' || convType === 'groupChat' ? convType : 'unknown';
  const clientLocale = (a.entities ?? []).find((e) => e?.type === 'clientInfo')?.locale as string | undefined;
  const botId = a.recipient?.id;
  const mentioned = (a.entities ?? []).some((e) => e?.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
  const conversationId = a.conversation?.id ?? '';
  return {
    locale: localeFrom(a.locale ?? clientLocale),
    tenantId: a.conversation?.tenantId ?? channelData.tenant?.id ?? '',
    userId: a.from?.id ?? '',
    aadObjectId: a.from?.aadObjectId,
    userName: a.from?.name,
    conversationId,
    conversationKind,
    channelId: conversationKind === 'channel' ? (channelData.channel?.id ?? conversationId.split(';')[0]) : undefined,
    teamId: channelData.team?.id,
    mentioned,
    activityId: typeof a.id === 'string' && a.id ? a.id : undefined,
    activityType: typeof a.type === 'string' ? a.type : undefined,
    activityTime: timeOf(a.timestamp),
  };
}

function timeOf(value: unknown): Date | undefined {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return d && Number.isFinite(d.getTime()) ? d : undefined;
}

/** Whether a message is addressed to the bot: always in personal chat, on @mention elsewhere. */
export function isAddressed(info: TurnInfo): boolean {
  return info.conversationKind === 'personal' || info.mentioned;
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const res = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  return res?.id;
}
