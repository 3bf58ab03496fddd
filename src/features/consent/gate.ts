import { logError } from '../../errors';
import { annotateSpan, telemetry } from '../../telemetry';
import { categoryList, consentRefusalCard } from './cards';
import type { AdaptiveCardJson } from '../../cards/render';
import {
  approved,
  decide,
  findCaseRefs,
  personsOf,
  screen,
  subjectHash,
  type CheckedText,
  type Consent,
  type GateContext,
  type IdentifierCategory,
  type RefusalReason,
} from '../../domain/consent';
import type { Group } from '../../domain/organisation';
import { messageKey } from '../shared/channel';
import type { BotServices } from '../shared/services';
import { linkKeyOf, type Turn, type TurnInfo } from '../shared/turn';
import { audit, identifierKey, today, type ConsentDeps } from './consent';
import { deliverRefusalNotice } from './jobs';
import { detectOptionsOf, userName } from './organisation';

/** What the gate reads besides the consent feature's own: the channel, to tell conveners of a refusal. */
export type GateDeps = ConsentDeps & Pick<BotServices, 'channel'> & Partial<Pick<BotServices, 'scheduler'>>;

export type GateResult =
  | {
      allowed: true;
      identifiable: boolean;
      caseRefs: string[];
      /** The text as checked, in canonical form: the only form that may be stored or shown. */
      text: CheckedText;
    }
  | {
      allowed: false;
      reason: RefusalReason;
      categories: IdentifierCategory[];
      groupId?: string;
      /** The consent-refusal card for the writer. */
      card: AdaptiveCardJson;
      /** The same in one line, for answers that are not cards. */
      message: string;
    };

/**
 * The consent gate for one text: a message in a conversation, or any text
 * the bot would store or post — agenda items, minutes, meeting titles,
 * command arguments. Writes the audit row and, on a refusal in a linked
 * conversation, tells the group's conveners. The text is never stored,
 * logged or returned. Where it was written is the group the turn's
 * conversation is linked to (turn.groupHere(), looked up once per turn).
 */
export async function gateText(services: GateDeps, turn: Turn, text: string): Promise<GateResult> {
  const { result, after } = await gate(services, turn, text);
  await after();
  return result;
}

/**
 * A gated text's outcome, and what may follow its answer: on a refusal, the
 * figures' count and the conveners' notice. The audit row is written before
 * the outcome is answered; `after` waits for the rest (and rethrows when not
 * even its retry could be planned, so the turn fails and Teams resends it).
 */
type Gated = { result: GateResult; after: () => Promise<void> };

const NOTHING_AFTER = async () => undefined;

async function gate(services: GateDeps, turn: Turn, text: string): Promise<Gated> {
  const { info } = turn;
  const now = services.now();
  const screening = screen(text, { ...detectOptionsOf(services.organisation), now });
  const { findings } = screening;
  if (findings.length === 0)
    return {
      result: { allowed: true, identifiable: false, caseRefs: [], text: approved(screening, { allowed: true })! },
      after: NOTHING_AFTER,
    };

  const key = identifierKey(services);
  const persons = personsOf(findings, (kind, normalised) => subjectHash(key, kind, normalised));
  const lookUp = () =>
    Promise.all([
      Promise.all(
        persons.map(async (p) => [p.hash ?? '', p.hash ? await services.consents.findByHash(info.tenantId, p.hash) : []] as const),
      ),
      services.consents.getMany(info.tenantId, findCaseRefs(screening.text)),
    ]);
  // In a conversation that can be linked, the consents are read while its group is looked up (one round trip, not two); what
  // they say counts only where the group is operative. A personal chat is linked to no group, so nothing is read there.
  const early = linkKeyOf(info) === undefined ? undefined : lookUp();
  early?.catch(() => undefined);
  const group = await turn.groupHere();
  const context: GateContext = group ? { groupId: group.id, level: group.level } : undefined;
  const operative = context?.level === 'operative';
  const [byHash, named] = operative ? await (early ?? lookUp()) : [[], [] as Consent[]];
  const decision = decide({
    findings,
    context,
    persons,
    consentsByHash: new Map(byHash),
    consentsByCaseRef: new Map(named.map((c) => [c.caseRef, c])),
    today: today(services),
  });
  const groupIds = context ? [context.groupId] : [];

  if (decision.allowed) {
    await audit(services, info, 'allowedUnderConsent', groupIds, { categories: decision.categories, caseRef: decision.caseRefs.join(',') });
    return {
      result: { allowed: true, identifiable: true, caseRefs: decision.caseRefs, text: approved(screening, decision)! },
      after: NOTHING_AFTER,
    };
  }
  const card = refusalCard(turn.locale, decision.categories, decision.reason);
  const message = turn.t('gate.textRefused', {
    categories: categoryList(turn.locale, decision.categories),
    reason: turn.t(`gate.reasons.${decision.reason}`),
  });
  // The conveners' notice (a durable delivery: recorded, then sent) and the figures' count start beside the audit row; only the row
  // is waited for before the writer is answered.
  const later: Array<Promise<void>> = [tellConveners(services, info, group, decision.categories, decision.reason)];
  await audit(
    services,
    info,
    'refusal',
    groupIds,
    { categories: decision.categories, reason: decision.reason, caseRef: decision.caseRefs.join(',') },
    { later },
  );
  telemetry.refusal(decision.categories);
  annotateSpan({ outcome: 'refused' });
  // Settled at once, so a failure while the answer is being sent is no unhandled rejection; `after` rethrows it.
  const settled = Promise.allSettled(later);
  return {
    result: { allowed: false, reason: decision.reason, categories: decision.categories, groupId: context?.groupId, card, message },
    after: async () => {
      const failed = (await settled).find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

/**
 * The writer's refusal card, rendered once per language, reason and
 * categories (it shows nothing else; rendering costs about a millisecond)
 * and answered as a copy, so no caller changes the one kept.
 */
const refusalCards = new Map<string, string>();
function refusalCard(locale: Turn['locale'], categories: IdentifierCategory[], reason: RefusalReason): AdaptiveCardJson {
  const key = `${locale}|${reason}|${categories.join(',')}`;
  let json = refusalCards.get(key);
  if (json === undefined) {
    json = JSON.stringify(consentRefusalCard(locale, { categories, reason }));
    if (refusalCards.size >= 256) refusalCards.clear();
    refusalCards.set(key, json);
  }
  return JSON.parse(json) as AdaptiveCardJson;
}

/**
 * Every ordinary message: refused → the refusal card in the message's thread
 * (the incoming conversation, as a reply to the message). Returns whether the
 * message identified anyone, so the caller does not answer it otherwise.
 */
export async function gateMessage(services: GateDeps, turn: Turn, text: unknown): Promise<{ identifiable: boolean }> {
  if (typeof text !== 'string' || text.length === 0) return { identifiable: false };
  const { result, after } = await gate(services, turn, text);
  if (result.allowed) {
    await after();
    return { identifiable: result.identifiable };
  }
  // The writer is answered as soon as the audit row is written; the turn ends when the count and the notice are done too.
  try {
    await turn.send(result.card);
  } finally {
    await after();
  }
  return { identifiable: true };
}

/**
 * The group's conveners are told privately, in their personal chat with the
 * bot; a convener without one (or the writer themselves) is skipped silently.
 * Unlinked conversations have no conveners to tell.
 */
async function tellConveners(
  services: GateDeps,
  info: TurnInfo,
  group: Group | undefined,
  categories: IdentifierCategory[],
  reason: RefusalReason,
): Promise<void> {
  if (!group) return;
  const author = info.userName ?? (info.aadObjectId ? userName(services.organisation, info.aadObjectId, info.tenantId) : undefined) ?? '—';
  try {
    // Keyed by the refused activity: a resent message tells each convener once. A durable delivery: what cannot go now, a job sends.
    const key = messageKey('refusal-notice', info.tenantId, info.activityId ?? `${info.userId}:${services.now().toISOString()}`);
    await deliverRefusalNotice(
      services,
      { tenantId: info.tenantId, groupId: group.id, key, writer: info.aadObjectId, categories, reason },
      author,
    );
  } catch (err) {
    logError(services.logger, 'warn', err, 'could not tell a convener of a refusal', { groupId: group.id });
  }
}
