import { CardFactory, TurnContext, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import type { Locale } from '../i18n';
import type { ConversationReferenceStore } from '../storage/conversation-references';
import type { PreferenceStore } from '../storage/preferences';

/**
 * Messages the bot starts itself (scheduled reminders, meeting cards posted
 * from personal chat, updates of a card for everyone), sent through the
 * adapter from a saved conversation reference. The edge between the domain's
 * "tell this group / this person" and botbuilder.
 */

interface ContinuingAdapter {
  continueConversationAsync(appId: string, ref: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void>;
  createConversationAsync?(
    appId: string,
    channelId: string,
    serviceUrl: string,
    audience: string,
    parameters: ConversationParameters,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void>;
  ConnectorClientKey?: symbol;
}

interface Pipeline {
  removePolicy(options: { name: string }): unknown;
}

export { messageKey } from '../features/shared/channel';

export interface SendOptions {
  /** Post as a reply in the thread of this channel message. */
  threadOf?: string;
  /** Rides along in channelData for connectors that deduplicate (see messageKey). */
  idempotencyKey?: string;
}

const keyed = (idempotencyKey: string | undefined) => (idempotencyKey ? { channelData: { samverkan: { idempotencyKey } } } : {});

export interface Delivery {
  activityId?: string;
  conversationId: string;
  locale: Locale;
}

/** Where a proactive message's language comes from, besides the language the conversation last spoke. */
export interface ProactiveLanguage {
  /** Each user's own choice (`språk` / `language`), for their personal chat. */
  preferences: Pick<PreferenceStore, 'get'>;
  /** The organisation file's `language`, for channels and for users who chose none. */
  organisationDefault?: Locale;
}

export class Proactive {
  /**
   * Runs `logic` in a proactive turn and rethrows what it threw: the adapter
   * would otherwise hand the error to the app's onTurnError and resolve, and a
   * failed send (a 403, a 429) would look like a success.
   */
  private async continueWith(reference: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    let failed = false;
    await this.adapter.continueConversationAsync(this.appId, reference, async (ctx) => {
      try {
        await logic(ctx);
      } catch (err) {
        failed = true;
        failure = err;
      }
    });
    if (failed) throw failure;
  }

  constructor(
    private readonly adapter: ContinuingAdapter,
    private readonly appId: string,
    private readonly references: ConversationReferenceStore,
    private readonly language?: ProactiveLanguage,
  ) {}

  /** The Teams locale the conversation last spoke, unless the organisation says otherwise. */
  private localeOf(reference: Record<string, unknown>): Locale {
    if (this.language?.organisationDefault) return this.language.organisationDefault;
    const locale = (reference as { locale?: unknown }).locale;
    return typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'sv';
  }

  /** The user's own choice of language; a failed read falls back to the conversation's (a reminder in the other language beats none). */
  private async chosenBy(tenantId: string, aadObjectId: string): Promise<Locale | undefined> {
    try {
      return (await this.language?.preferences.get(tenantId, aadObjectId))?.language;
    } catch {
      return undefined;
    }
  }

  /** The saved reference of a channel (or group chat) conversation, and its locale: the organisation's, else the one it last spoke. */
  async conversation(
    tenantId: string,
    conversationId: string,
  ): Promise<{ reference: Record<string, unknown>; locale: Locale } | undefined> {
    const ref = await this.references.get(tenantId, conversationId);
    return ref ? { reference: ref.reference, locale: this.localeOf(ref.reference) } : undefined;
  }

  /**
   * A user's personal chat with the bot; with no tenant (an organisation file that names none), in whichever tenant it is.
   * Its locale: the user's own choice, else the organisation's, else the one the chat last spoke.
   */
  async personal(tenantId: string, aadObjectId: string): Promise<{ reference: Record<string, unknown>; locale: Locale } | undefined> {
    const ref = tenantId
      ? await this.references.findPersonal(tenantId, aadObjectId)
      : await this.references.findPersonalAnywhere(aadObjectId);
    if (!ref) return undefined;
    const chosen = await this.chosenBy(ref.tenantId, aadObjectId);
    return { reference: ref.reference, locale: chosen ?? this.localeOf(ref.reference) };
  }

  /**
   * Sends a card to the conversation; `threadOf` posts it as a reply in the
   * thread of that channel message. Answers the new activity's id.
   */
  async sendCard(reference: Record<string, unknown>, card: AdaptiveCardJson, options: SendOptions = {}): Promise<string | undefined> {
    const ref = reference as Partial<ConversationReference>;
    const conversation = {
      ...(ref.conversation as object),
      id: options.threadOf ? `${ref.conversation?.id};messageid=${options.threadOf}` : ref.conversation?.id,
    };
    let id: string | undefined;
    await this.continueWith({ ...ref, conversation } as Partial<ConversationReference>, async (ctx) => {
      const res = await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], ...keyed(options.idempotencyKey) });
      id = res?.id;
    });
    return id;
  }

  /**
   * One send for the fan-out: botbuilder's connector client retries 5xx and
   * 429 three times by itself (measured in test/protocol/fanout.test.ts);
   * here its retry policy is removed, so the fan-out's own limiter and
   * backoff decide, and nothing is retried twice. The idempotency key rides
   * along in channelData, for connectors that deduplicate.
   */
  async sendCardOnce(reference: Record<string, unknown>, card: AdaptiveCardJson, idempotencyKey: string): Promise<string | undefined> {
    let id: string | undefined;
    await this.continueWith(reference as Partial<ConversationReference>, async (ctx) => {
      const key = (ctx.adapter as unknown as ContinuingAdapter).ConnectorClientKey;
      const client = key
        ? (ctx.turnState.get(key) as
            | { client?: { pipeline?: Pipeline }; conversations: { sendToConversation(id: string, a: unknown): Promise<{ id?: string }> } }
            | undefined)
        : undefined;
      if (!client) throw new Error('no connector client');
      client.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
      const conversationId = (reference as { conversation?: { id?: string } }).conversation?.id ?? '';
      const res = await client.conversations.sendToConversation(conversationId, {
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
        ...keyed(idempotencyKey),
      });
      id = res?.id;
    });
    return id;
  }

  /**
   * A personal chat with a user the bot has never talked to: Teams creates
   * one only where the app is installed for the user. Answers the new
   * conversation's reference, or undefined when Teams refuses (a 4xx: not
   * installed, blocked, no such user). A connector that fails or does not
   * answer throws, so the caller retries rather than give the user up.
   */
  async createPersonal(tenantId: string, aadObjectId: string, serviceUrl: string): Promise<Record<string, unknown> | undefined> {
    if (typeof this.adapter.createConversationAsync !== 'function') return undefined;
    let reference: Record<string, unknown> | undefined;
    try {
      await this.adapter.createConversationAsync(
        this.appId,
        'msteams',
        serviceUrl,
        '',
        {
          isGroup: false,
          bot: { id: this.appId || 'samverkan', name: 'Samverkan' },
          members: [{ id: `8:orgid:${aadObjectId}`, aadObjectId }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        } as ConversationParameters,
        async (ctx) => {
          reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(ctx.activity))) as Record<string, unknown>;
        },
      );
    } catch (err) {
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) return undefined;
      throw err;
    }
    return reference;
  }

  /** A short plain-text message (a reminder that needs no card). */
  async sendText(
    reference: Record<string, unknown>,
    text: string,
    options: Omit<SendOptions, 'threadOf'> = {},
  ): Promise<string | undefined> {
    let id: string | undefined;
    await this.continueWith(reference as Partial<ConversationReference>, async (ctx) => {
      const res = await ctx.sendActivity({ type: 'message', text, textFormat: 'plain', ...keyed(options.idempotencyKey) });
      id = res?.id;
    });
    return id;
  }

  /** Replaces a card the bot posted earlier, for everyone who sees it. */
  async updateCard(reference: Record<string, unknown>, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.continueWith(reference as Partial<ConversationReference>, async (ctx) => {
      await ctx.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    });
  }
}
