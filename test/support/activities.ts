import { randomUUID } from 'node:crypto';

/** Playground-like identities (SPEC section 4). */
export const USERS = {
  alex: { id: '29:alex', aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' },
  megan: { id: '29:megan', aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' },
  adele: { id: '29:adele', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' },
  isaiah: { id: '29:isaiah', aadObjectId: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer' },
} as const;
export type TestUser = { id: string; aadObjectId?: string; name: string };

export const TENANT = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '28:samverkan-bot', name: 'Samverkan' };

export interface ActivityOptions {
  serviceUrl: string;
  user?: TestUser;
  locale?: string;
  tenantId?: string;
}

function base(o: ActivityOptions) {
  const user = o.user ?? USERS.alex;
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT.id, name: BOT.name },
    locale: o.locale ?? 'sv-SE',
  };
}

export function personalMessage(text: string, o: ActivityOptions & { conversationId?: string }) {
  const user = o.user ?? USERS.alex;
  const tenantId = o.tenantId ?? TENANT;
  return {
    ...base(o),
    type: 'message',
    text,
    textFormat: 'plain',
    conversation: { id: o.conversationId ?? `a:personal-${user.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

export const CHANNEL = { teamId: '19:team-general@thread.tacv2', channelId: '19:channel-operativ@thread.tacv2' };

/** A channel message, optionally @mentioning the bot the way Teams does. */
export function channelMessage(
  text: string,
  o: ActivityOptions & { mention?: boolean; channelId?: string; teamId?: string; threadId?: string },
) {
  const tenantId = o.tenantId ?? TENANT;
  const channelId = o.channelId ?? CHANNEL.channelId;
  const mentionText = `<at>${BOT.name}</at>`;
  const body = o.mention ? `${mentionText} ${text}` : text;
  return {
    ...base(o),
    type: 'message',
    text: body,
    textFormat: 'plain',
    conversation: {
      id: o.threadId ? `${channelId};messageid=${o.threadId}` : channelId,
      conversationType: 'channel',
      isGroup: true,
      tenantId,
    },
    channelData: { tenant: { id: tenantId }, team: { id: o.teamId ?? CHANNEL.teamId }, channel: { id: channelId } },
    entities: o.mention ? [{ type: 'mention', text: mentionText, mentioned: { id: BOT.id, name: BOT.name } }] : [],
  };
}

export function installationUpdate(
  action: 'add' | 'add-upgrade' | 'remove' | 'remove-upgrade',
  o: ActivityOptions & { scope: 'personal' | 'channel'; channelId?: string },
) {
  const user = o.user ?? USERS.alex;
  const tenantId = o.tenantId ?? TENANT;
  const channelId = o.channelId ?? CHANNEL.channelId;
  return {
    ...base(o),
    type: 'installationUpdate',
    action,
    conversation:
      o.scope === 'personal'
        ? { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId }
        : { id: channelId, conversationType: 'channel', isGroup: true, tenantId },
    channelData:
      o.scope === 'personal'
        ? { tenant: { id: tenantId } }
        : { tenant: { id: tenantId }, team: { id: CHANNEL.teamId }, channel: { id: channelId } },
  };
}

/** An Action.Execute invoke, as Teams sends it for a card button. */
export function actionExecute(
  verb: string,
  data: Record<string, string>,
  o: ActivityOptions & { conversation?: Record<string, unknown>; replyToId?: string },
) {
  const user = o.user ?? USERS.alex;
  const tenantId = o.tenantId ?? TENANT;
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: o.replyToId,
    conversation: o.conversation ?? { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
