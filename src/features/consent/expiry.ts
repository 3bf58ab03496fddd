import { z } from 'zod';
import { errorCard } from '../../cards/common';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { type Consent, status } from '../../domain/consent';
import { daysLeft, plannedConsentExpiry } from '../../domain/consent/expiry';
import { addDays, findGroup, isIsoDate } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import { defineAction, type Feature } from '../shared/feature';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { consentNotAllowedCard } from './cards';
import { audit, today } from './consent';
import { gateText, type GateDeps } from './gate';
import { groupNamer, permittedGroups, refusalFor, userName } from './organisation';

/**
 * Consent through its life (issue 18 item 3): the recorder and the conveners
 * of the operative groups in its scope get a `consent-expiry` card 30 and 7
 * days before a consent ends, with buttons to renew it (`consent.renew`: a
 * new last day, the same case reference) or withdraw it. The reminders are
 * scheduler jobs holding ids only; a renewal plans new ones and the old ones
 * find the consent changed and send nothing.
 */

export const CONSENT_EXPIRY_KIND = 'reminders.consent-expiry';

export type ExpiryDeps = Pick<BotServices, 'organisation' | 'consents' | 'scheduler' | 'channel' | 'now' | 'logger'>;

interface ExpiryPayload {
  tenantId: string;
  caseRef: string;
  validUntil: string;
  step: string;
}

/** Plans a consent's expiry reminders (idempotent: the job ids name the case, its last day and the step). */
export async function scheduleConsentExpiry(
  deps: Pick<ExpiryDeps, 'scheduler' | 'now' | 'organisation'>,
  consent: Pick<Consent, 'tenantId' | 'caseRef' | 'validUntil' | 'withdrawnAt'>,
): Promise<number> {
  if (consent.withdrawnAt) return 0;
  const planned = plannedConsentExpiry(
    consent.tenantId || 'org',
    consent.caseRef,
    consent.validUntil,
    deps.now(),
    deps.organisation.timeZone,
  );
  return deps.scheduler.scheduleAll(
    planned.map((p) => ({
      id: p.jobId,
      kind: CONSENT_EXPIRY_KIND,
      dueAt: p.dueAt,
      payload: {
        tenantId: consent.tenantId,
        caseRef: consent.caseRef,
        validUntil: consent.validUntil,
        step: p.step,
      } satisfies ExpiryPayload,
    })),
  );
}

/** The data of adaptive-cards/consent-expiry.json. */
export interface ConsentExpiryCardData {
  icon: string;
  headline: string;
  caseRef: string;
  facts: Array<{ title: string; value: string }>;
  hint: string;
  notice: string;
  open: boolean;
  today: string;
  proposedUntil: string;
  labels: { validUntil: string; validUntilError: string; renew: string; withdraw: string };
}

export function consentExpiryCard(
  locale: Locale,
  consent: Consent,
  o: { today: string; groupName: (id: string) => string; recordedByName?: string; notice?: string },
): AdaptiveCardJson {
  const st = status(consent, o.today);
  const left = daysLeft(o.today, consent.validUntil);
  const headline =
    st === 'withdrawn'
      ? t(locale, 'consentExpiry.headlineWithdrawn')
      : st === 'expired'
        ? t(locale, 'consentExpiry.headlineEnded')
        : left === 0
          ? t(locale, 'consentExpiry.headlineToday')
          : t(locale, 'consentExpiry.headline', { days: left, count: left });
  const open = st === 'inForce' || st === 'notYetValid' || st === 'expired';
  const data: ConsentExpiryCardData = {
    icon: st === 'withdrawn' ? '🚫' : left <= 7 ? '⚠️' : '⏳',
    headline,
    caseRef: consent.caseRef,
    facts: [
      { title: t(locale, 'consentExpiry.facts.groups'), value: consent.scope.groupIds.map((g) => userText(o.groupName(g))).join(', ') },
      { title: t(locale, 'consentExpiry.facts.validUntil'), value: consent.validUntil },
      { title: t(locale, 'consentExpiry.facts.parties'), value: consent.parties.map((p) => t(locale, `consent.parties.${p}`)).join(', ') },
      ...(o.recordedByName ? [{ title: t(locale, 'consentExpiry.facts.recordedBy'), value: userText(o.recordedByName) }] : []),
    ],
    hint: open ? t(locale, 'consentExpiry.hint') : '',
    notice: userText(o.notice),
    open,
    today: o.today,
    // A year on from the later of today and the current last day: a consent is usually renewed for a school year or a calendar year.
    proposedUntil: addDays(consent.validUntil > o.today ? consent.validUntil : o.today, 365),
    labels: {
      validUntil: t(locale, 'consentExpiry.labels.validUntil'),
      validUntilError: t(locale, 'consentExpiry.labels.validUntilError'),
      renew: t(locale, 'consentExpiry.labels.renew'),
      withdraw: t(locale, 'consentExpiry.labels.withdraw'),
    },
  };
  return renderCard('consent-expiry', data);
}

/** Who is told: the recorder and the conveners of the operative groups in the consent's scope, once each. */
function recipients(deps: Pick<ExpiryDeps, 'organisation'>, consent: Consent): Array<{ personId?: string; aadObjectId?: string }> {
  const org = deps.organisation;
  const seen = new Set<string>();
  const out: Array<{ personId?: string; aadObjectId?: string }> = [];
  const add = (p: { personId?: string; aadObjectId?: string }, key: string | undefined) => {
    if (!key || seen.has(key.toLowerCase())) return;
    seen.add(key.toLowerCase());
    out.push(p);
  };
  if (consent.recordedBy) add({ aadObjectId: consent.recordedBy }, consent.recordedBy);
  for (const groupId of consent.scope.groupIds) {
    const group = findGroup(org, groupId);
    if (group?.level !== 'operative') continue;
    for (const personId of group.conveners) {
      const aad = org.people.find((p) => p.id === personId)?.aadObjectId;
      add({ personId }, aad ?? `person:${personId}`);
    }
  }
  return out;
}

/** One reminder: skipped when the consent is gone, withdrawn, or renewed to another last day since it was planned. */
export async function sendConsentExpiry(deps: ExpiryDeps, ctx: JobContext<ExpiryPayload>): Promise<void | 'skipped'> {
  const { tenantId, caseRef, validUntil, step } = ctx.payload;
  const consent = await deps.consents.get(tenantId, caseRef);
  if (!consent || consent.withdrawnAt || consent.validUntil !== validUntil) return 'skipped';
  const org = deps.organisation;
  const day = today({ now: () => ctx.now });
  const groupName = groupNamer(org, tenantId);
  const recordedByName = userName(org, consent.recordedBy, tenantId);
  let reached = 0;
  let failure: { err: unknown } | undefined;
  for (const person of recipients(deps, consent)) {
    try {
      const sent = await deps.channel.tellPerson(
        tenantId,
        person,
        (locale) => consentExpiryCard(locale, consent, { today: day, groupName, recordedByName }),
        ctx.idempotencyKey,
      );
      if (sent) reached += 1;
    } catch (err) {
      failure ??= { err };
    }
  }
  // Everyone is tried; a failed send is retried by the scheduler, and the idempotency key keeps the others from getting it twice.
  if (failure) throw failure.err;
  deps.logger.info({ event: 'consentExpiryReminder', step, reached }, 'consent expiry reminder');
  return reached > 0 ? undefined : 'skipped';
}

/** `consent.renew`: a new last day for a consent in force or ended (not withdrawn), the case reference kept. */
export async function renewConsent(
  deps: GateDeps & Pick<ExpiryDeps, 'scheduler'>,
  turn: Turn,
  data: { caseRef: string; validUntil: string },
): Promise<AdaptiveCardJson> {
  const { info } = turn;
  const org = deps.organisation;
  const ref = data.caseRef.trim().toUpperCase();
  const day = today(deps);
  const groupName = groupNamer(org, info.tenantId);
  const consent = await deps.consents.get(info.tenantId, ref);
  const mayIn = new Set(permittedGroups(org, turn.actor, 'consent.record').map((g) => g.id));
  if (!consent?.scope.groupIds.some((g) => mayIn.has(g))) {
    if (mayIn.size === 0) return consentNotAllowedCard(turn.locale, refusalFor(org, turn.actor, 'consent.record'));
    if (!consent) return errorCard(turn.locale, 'consentExpiry.notFound', { caseRef: ref });
    return consentNotAllowedCard(turn.locale, refusalFor(org, turn.actor, 'consent.record'));
  }
  const recordedByName = userName(org, consent.recordedBy, info.tenantId);
  const card = (c: Consent, notice: string) => consentExpiryCard(turn.locale, c, { today: day, groupName, recordedByName, notice });
  if (consent.withdrawnAt) return card(consent, turn.t('consentExpiry.withdrawnAlready', { caseRef: ref }));
  const until = data.validUntil.trim();
  if (!isIsoDate(until)) {
    // Not a date: whatever was typed passes the gate like any text (a personnummer in the wrong field is refused and told to the conveners).
    const gate = await gateText(deps, turn, until);
    if (!gate.allowed) return gate.card;
  }
  if (!isIsoDate(until) || until < day || until < consent.validFrom) return card(consent, turn.t('consentExpiry.badDate'));
  const renewed: Consent = { ...consent, validUntil: until };
  if (until !== consent.validUntil) await deps.consents.renew(info.tenantId, ref, until);
  // Keyed by the activity: a resent renewal writes one audit row.
  await audit(deps, info, 'consentRecorded', renewed.scope.groupIds, { caseRef: ref });
  await deps.figures?.record({ kind: 'consent', consent: renewed });
  await scheduleConsentExpiry(deps, renewed);
  deps.logger.info({ event: 'consentRenewed', caseRef: ref }, 'consent renewed');
  return card(renewed, turn.t('consentExpiry.renewed', { caseRef: ref, validUntil: until }));
}

export const consentRenew = defineAction({
  verb: 'consent.renew',
  schema: z.object({
    caseRef: z
      .string()
      .trim()
      .regex(/^SAM-[0-9A-Z]{8}$/i, 'caseRef'),
    validUntil: z.string().trim().max(20, 'validUntil'),
  }),
  async handle({ services, turn, data }) {
    return renewConsent(services, turn, data);
  },
});

/**
 * The consents' expiry reminders: the job, the renew verb, and at start the
 * reminders of the consents recorded before this feature planned them.
 */
export const consentExpiryFeature: Feature = {
  name: 'consent-expiry',
  register(routes, services) {
    routes.action(consentRenew);
    routes.job<ExpiryPayload>(CONSENT_EXPIRY_KIND, (ctx) => sendConsentExpiry(services, ctx));
  },
  async start(services) {
    await planExpiringAtStart(services);
  },
};

/**
 * At start, the reminders of the consents ending within their reach (31
 * days) are planned again, idempotently: a consent recorded or renewed plans
 * its own, so this catches those recorded before the reminders existed, as
 * they come within reach. Only those: a register of thousands must not cost
 * thousands of scheduler writes. Once the digest's figures have indexed
 * every consent by the month it ends (their backfill), the one or two months
 * in reach are read from that index; before that, the whole register once.
 * Answers how many consents it planned for.
 */
export async function planExpiringAtStart(services: ExpiryDeps & Partial<Pick<BotServices, 'figures'>>): Promise<number> {
  const org = services.organisation;
  const operative = org.groups.filter((g) => g.level === 'operative').map((g) => g.id);
  if (operative.length === 0) return 0;
  const tenantId = org.tenantId ?? '';
  const day = today(services);
  const horizon = addDays(day, 31);
  const inReach = (c: { validUntil: string }) => c.validUntil >= day && c.validUntil <= horizon;
  const { figures } = services;
  let planned = 0;
  if (figures?.consentsExpiringIn && (await figures.consentIndexComplete?.(tenantId))) {
    const ofOperative = new Set(operative);
    const months = [...new Set([day.slice(0, 7), horizon.slice(0, 7)])];
    for (const c of await figures.consentsExpiringIn(tenantId, months))
      if (!c.withdrawn && inReach(c) && c.groupIds.some((g) => ofOperative.has(g))) {
        await scheduleConsentExpiry(services, { tenantId, caseRef: c.caseRef, validUntil: c.validUntil });
        planned += 1;
      }
    return planned;
  }
  for (const c of await services.consents.listForGroups(tenantId, operative))
    if (status(c, day) !== 'withdrawn' && inReach(c)) {
      await scheduleConsentExpiry(services, c);
      planned += 1;
    }
  return planned;
}
