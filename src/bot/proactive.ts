import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import type { Locale } from '../i18n';
import type { ConversationReferenceStore } from '../storage/conversation-references';

/**
 * Messages the bot starts itself (scheduled reminders, meeting cards posted
 * from personal chat, updates of a card for everyone), sent through the
 * adapter from a saved conversation reference. The edge between the domain's
 * "tell this group / this person" and botbuilder.
 */

interface ContinuingAdapter {
  continueConversationAsync(appId: string, ref: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void>;
}

export interface Delivery {
  activityId?: string;
  conversationId: string;
  locale: Locale;
}

export class Proactive {
  constructor(
    private readonly adapter: ContinuingAdapter,
    private readonly appId: string,
    private readonly references: ConversationReferenceStore,
  ) {}

  private static localeOf(reference: Record<string, unknown>): Locale {
    const locale = (reference as { locale?: unknown }).locale;
    return typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'sv';
  }

  /** The saved reference of a channel (or group chat) conversation, and the locale it last spoke. */
  async conversation(tenantId: string, conversationId: string): Promise<{ reference: Record<string, unknown>; locale: Locale } | undefined> {
    const ref = await this.references.get(tenantId, conversationId);
    return ref ? { reference: ref.reference, locale: Proactive.localeOf(ref.reference) } : undefined;
  }

  async personal(tenantId: string, aadObjectId: string): Promise<{ reference: Record<string, unknown>; locale: Locale } | undefined> {
    const ref = await this.references.findPersonal(tenantId, aadObjectId);
    return ref ? { reference: ref.reference, locale: Proactive.localeOf(ref.reference) } : undefined;
  }

  /**
   * Sends a card to the conversation; `threadOf` posts it as a reply in the
   * thread of that channel message. Answers the new activity's id.
   */
  async sendCard(reference: Record<string, unknown>, card: AdaptiveCardJson, options: { threadOf?: string } = {}): Promise<string | undefined> {
    const ref = reference as Partial<ConversationReference>;
    const conversation = { ...(ref.conversation as object), id: options.threadOf ? `${ref.conversation?.id};messageid=${options.threadOf}` : ref.conversation?.id };
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, { ...ref, conversation } as Partial<ConversationReference>, async (ctx) => {
      const res = await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      id = res?.id;
    });
    return id;
  }

  /** A short plain-text message (a reminder that needs no card). */
  async sendText(reference: Record<string, unknown>, text: string): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (ctx) => {
      const res = await ctx.sendActivity({ type: 'message', text, textFormat: 'plain' });
      id = res?.id;
    });
    return id;
  }

  /** Replaces a card the bot posted earlier, for everyone who sees it. */
  async updateCard(reference: Record<string, unknown>, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (ctx) => {
      await ctx.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    });
  }
}
