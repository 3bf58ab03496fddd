import { TurnState } from '@microsoft/teams-ai';
import type { Storage, TurnContext } from 'botbuilder';
import { answersTurn, decideLocale, isAddressed, turnInfo, type LocaleDeps } from './turn';
import { parsedCommand } from './routes/commands';

/**
 * teams-ai's TurnState, loaded from Table Storage only for turns that may use
 * it: commands, card actions and events. An ordinary message between people,
 * which the bot only reads for the consent gate, costs no state reads; that
 * keeps a busy channel at one storage read a message.
 */
export class SamverkanTurnState extends TurnState {
  private ordinary = false;

  /** With `language`, the turn's language is decided here too (src/bot/turn.ts decideLocale). */
  constructor(private readonly language?: LocaleDeps) {
    super();
  }

  // teams-ai reads `state.user` on every turn (its sign-in check), so the
  // scopes must exist: for an ordinary message they are created empty, and
  // neither read from nor written to storage. The user's choice of language
  // is read alongside, only for a turn the bot answers: an ordinary channel
  // message still costs no read.
  override async load(context: TurnContext, storage?: Storage): Promise<boolean> {
    this.ordinary = isOrdinaryMessage(context);
    const locale = this.language ? decideLocale(context, this.language, answersTurn(context)) : undefined;
    const [loaded] = await Promise.all([super.load(context, this.ordinary ? undefined : storage), locale]);
    return loaded;
  }

  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    if (this.ordinary) return;
    await super.save(context, storage);
  }

  // Every stored row is partitioned by tenant: teams-ai's keys
  // (`msteams/<bot>/conversations/<id>`) get the tenant in front.
  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const keys = await super.onComputeStorageKeys(context);
    const tenant = turnInfo(context).tenantId || 'no-tenant';
    return Object.fromEntries(Object.entries(keys).map(([scope, key]) => [scope, `${tenant}/${key}`]));
  }
}

export function isOrdinaryMessage(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === 'messageUpdate') return true;
  if (a.type !== 'message' || a.value) return false;
  return !isAddressed(turnInfo(context)) || parsedCommand(context).kind === 'none';
}
