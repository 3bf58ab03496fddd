import type { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext, type Activity } from 'botbuilder';
import type { BotServices } from '../../features/shared/services';
import { turnInfo, turnOf } from '../turn';
import { help } from '../../features/help';

/** Saves the conversation reference of every incoming activity, for proactive messages later. */
export async function saveReference(context: TurnContext, services: BotServices): Promise<void> {
  const a = context.activity;
  if (!a.conversation?.id || !a.serviceUrl) return;
  const info = turnInfo(context);
  // Without the activity id: it changes with every message, and proactive
  // sends do not need it, so an unchanged reference is not written again.
  const { activityId: _activityId, ...ref } = TurnContext.getConversationReference(a as Activity);
  // Proactive replies go to the conversation, not into this message's thread.
  const conversation = {
    ...ref.conversation,
    id: info.conversationKind === 'channel' ? (info.channelId ?? a.conversation.id) : a.conversation.id,
  };
  await services.conversationReferences.save({
    tenantId: info.tenantId,
    conversationId: conversation.id,
    conversationType: info.conversationKind,
    userAadObjectId: info.conversationKind === 'personal' ? info.aadObjectId : undefined,
    teamId: info.teamId,
    reference: JSON.parse(JSON.stringify({ ...ref, conversation })) as Record<string, unknown>,
    updatedAt: services.now().toISOString(),
  });
}

export function registerEvents(app: Application<TurnState>, services: BotServices): void {
  app.turn('beforeTurn', async (context) => {
    const a = context.activity;
    const removing = a.type === 'installationUpdate' && typeof a.action === 'string' && a.action.startsWith('remove');
    if (!removing) await saveReference(context, services);
    return true;
  });

  app.activity('installationUpdate', async (context) => {
    const a = context.activity;
    const info = turnInfo(context);
    if (a.action === 'remove' || a.action === 'remove-upgrade') {
      const id = info.conversationKind === 'channel' ? (info.channelId ?? a.conversation.id) : a.conversation.id;
      await services.conversationReferences.remove(info.tenantId, id);
      services.logger.info({ event: 'uninstalled', conversationKind: info.conversationKind }, 'bot removed from a conversation');
      return;
    }
    services.logger.info({ event: 'installed', action: a.action, conversationKind: info.conversationKind }, 'bot installed');
    if (a.action === 'add') {
      // A first install says hello with what the bot can do.
      await help({ turn: turnOf(context, services), info, services, command: { name: 'help' } });
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const a = context.activity;
    const botLeft = (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
    if (!botLeft) return;
    const info = turnInfo(context);
    const id = info.conversationKind === 'channel' ? (info.channelId ?? a.conversation.id) : a.conversation.id;
    await services.conversationReferences.remove(info.tenantId, id);
  });
}
