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
  const { info } = turn;
  const now = services.now();
  const screening = screen(text, { ...detectOptionsOf(services.organisation), now });
  const { findings } = screening;
  if (findings.length === 0) return { allowed: true, identifiable: false, caseRefs: [], text: approved(screening, { allowed: true })! };

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
    return { allowed: true, identifiable: true, caseRefs: decision.caseRefs, text: approved(screening, decision)! };
  }
  const card = consentRefusalCard(turn.locale, { categories: decision.categories, reason: decision.reason });
  const message = turn.t('gate.textRefused', {
    categories: categoryList(turn.locale, decision.categories),
    reason: turn.t(`gate.reasons.${decision.reason}`),
  });
  await Promise.all([
    audit(services, info, 'refusal', groupIds, {
      categories: decision.categories,
      reason: decision.reason,
      caseRef: decision.caseRefs.join(','),
    }),
    tellConveners(services, info, group, decision.categories, decision.reason),
  ]);
  telemetry.refusal(decision.categories);
  annotateSpan({ outcome: 'refused' });
  return { allowed: false, reason: decision.reason, categories: decision.categories, groupId: context?.groupId, card, message };
}

/**
 * Every ordinary message: refused → the refusal card in the message's thread
 * (the incoming conversation, as a reply to the message). Returns whether the
 * message identified anyone, so the caller does not answer it otherwise.
 */
export async function gateMessage(services: GateDeps, turn: Turn, text: unknown): Promise<{ identifiable: boolean }> {
  if (typeof text !== 'string' || text.length === 0) return { identifiable: false };
  const result = await gateText(services, turn, text);
  if (result.allowed) return { identifiable: result.identifiable };
  await turn.send(result.card);
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
