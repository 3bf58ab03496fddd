import { z } from 'zod';
import { CadenceSchema } from './cadence';
import { isIsoDate, isTimeZone } from './dates';
import { indexOf } from './lookup';

/**
 * The organisation file's schema: a municipality's people, agencies,
 * collaboration groups, managers and governing documents. Objects are
 * strict, so a misspelt field is reported instead of silently ignored.
 */

const ID = /^[a-z0-9][a-z0-9._-]*$/;
export const IdSchema = z
  .string()
  .min(1)
  .refine(
    (v) => ID.test(v),
    (v) => ({ message: `bad id "${v}" (use lowercase a–z, digits, ".", "_" or "-", starting with a letter or digit)` }),
  );

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, (v) => ({ message: `bad date "${v}" (expected a real calendar date, YYYY-MM-DD)` }));

const Text = z.string().trim().min(1);

/** A phone number as people write it: "08-000 00 00", "+46 8 000 00 00", "112". */
const PHONE = /^\+?[0-9][0-9 ()-]{1,24}$/;

/** An https link the bot may open (an e-service, a form); never http or another scheme. */
export const HttpsUrlSchema = z
  .string()
  .trim()
  .url('expected a URL')
  .refine(
    (v) => /^https:\/\/[^\s/]+/i.test(v),
    (v) => ({ message: `expected an https:// link, got "${v}"` }),
  );

/** Office hours on weekdays (Monday–Friday, not public holidays), local time: "08:00-16:30". */
export const OFFICE_HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Where a report of concern (orosanmälan, SoL 14 kap. 1 §) goes: the social
 * services' e-service, their phone in office hours, and the social on-call
 * (socialjour) outside them.
 */
export const ReportingSchema = z.strictObject({
  eServiceUrl: HttpsUrlSchema.optional(),
  phone: z.string().trim().regex(PHONE, 'expected a phone number').optional(),
  officeHours: z
    .string()
    .trim()
    .regex(OFFICE_HOURS, 'expected office hours as HH:mm-HH:mm, e.g. 08:00-16:30')
    .refine((v) => v.slice(0, 5) < v.slice(6), 'office hours must end after they start')
    .optional(),
  onCallPhone: z.string().trim().regex(PHONE, 'expected a phone number').optional(),
  /** What the on-call is called here ("Socialjouren Sörmland"). */
  onCallName: Text.optional(),
});
export type Reporting = z.infer<typeof ReportingSchema>;

/** The days a risk period is known by: fixed days of the year, or the school year's end (the spring term's last day). */
export const RISK_PERIOD_RULES = ['valborg', 'skolavslutning', 'midsommar', 'nyarsafton'] as const;

/**
 * A recurring period the groups plan preventive work for (Oxelösund's
 * "riskhelger som t.ex. Valborg, skolavslutning"): by a rule (a named day,
 * or `MM-DD` every year) or by dates; the groups get the `risk-period` card
 * `daysBefore` days before, with the checklist.
 */
export const RiskPeriodSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'bad id (use lowercase a–z, digits, ".", "_" or "-")'),
  name: Text,
  rule: z
    .union([z.enum(RISK_PERIOD_RULES), z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a named day or MM-DD')])
    .optional(),
  dates: z.array(IsoDateSchema).optional(),
  daysBefore: z.number().int().min(1).max(120).default(14),
  groups: z.array(z.string().min(1)).min(1),
  checklist: z.array(Text).default([]),
});
export type RiskPeriod = z.infer<typeof RiskPeriodSchema>;

export const GROUP_LEVELS = ['strategic', 'tactical', 'operative'] as const;
export type GroupLevel = (typeof GROUP_LEVELS)[number];

export const AGENCY_KINDS = [
  'social-services',
  'school',
  'culture-leisure',
  'child-psychiatry',
  'habilitation',
  'child-health',
  'police',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const PersonSchema = z.strictObject({
  id: IdSchema,
  displayName: Text,
  /** Entra (Azure AD) object id, as Teams gives it in `from.aadObjectId`. Not checked as a GUID: the Agents Playground's ids are not quite GUIDs. */
  aadObjectId: Text.optional(),
  upn: Text.optional(),
  /** Professional role, in the organisation's words: "skolkurator", "chef social sektor". */
  role: Text,
  agency: IdSchema.optional(),
  /** May record consents (samtycken) in the operative groups the person belongs to. */
  mayRecordConsent: z.boolean().optional(),
  /** Work phone, shown on the `contacts` card (staff only: the file lists officials, never children). */
  phone: z.string().trim().regex(PHONE, 'expected a phone number (digits, spaces, +, - and parentheses)').optional(),
  /** Work e-mail, shown on the `contacts` card. */
  email: z.string().trim().email('expected an e-mail address').optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const AgencySchema = z.strictObject({
  id: IdSchema,
  name: Text,
  kind: z.enum(AGENCY_KINDS),
});
export type Agency = z.infer<typeof AgencySchema>;

export const GroupSchema = z.strictObject({
  id: IdSchema,
  name: Text,
  level: z.enum(GROUP_LEVELS),
  /** Sammankallande; they count as members without being listed twice. */
  conveners: z.array(IdSchema).default([]),
  members: z.array(IdSchema).default([]),
  agencies: z.array(IdSchema).default([]),
  cadence: CadenceSchema,
  /** Replaces the level's default agenda items. */
  agendaTemplate: z.array(Text).optional(),
  description: Text.optional(),
  /**
   * The mailbox the group's meetings are created in as Outlook events (a
   * convener's or a shared mailbox, SPEC §12): without it, or without
   * Microsoft Graph configured, meetings stay in Teams and the calendar feed.
   */
  organiserMailbox: z.string().trim().email('expected the e-mail address (UPN) of a mailbox').optional(),
});
export type Group = z.infer<typeof GroupSchema>;

export const ManagerSchema = z.strictObject({
  personId: IdSchema,
  oversees: z.union([z.literal('all'), z.array(IdSchema)]),
});
export type Manager = z.infer<typeof ManagerSchema>;

const Month = z.number().int().min(1).max(12);
const DayOfMonth = z.number().int().min(1).max(31);

/**
 * When a governing document is due for review:
 * - `yearly`: by `day` (default: the month's last day) of `month` every year;
 * - `schoolYear`: at the end of each läsår, by default 30 June;
 * - `termOfOffice`: once per mandatperiod, by `monthsIntoTerm` (default 12)
 *   after the term starts on 15 October of the election year;
 * - `fixedValidity`: renewal due `daysBefore` (default 180) days before validUntil;
 * - `untilFurtherNotice`: only when a review is requested, or every
 *   `nudgeMonths` since the last review if set.
 */
export const ReviewCycleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yearly'), month: Month, day: DayOfMonth.optional() }).strict(),
  z.object({ kind: z.literal('schoolYear'), month: Month.optional(), day: DayOfMonth.optional() }).strict(),
  z.object({ kind: z.literal('termOfOffice'), monthsIntoTerm: z.number().int().min(0).max(47).optional() }).strict(),
  z.object({ kind: z.literal('fixedValidity'), daysBefore: z.number().int().min(0).max(3650).optional() }).strict(),
  z.object({ kind: z.literal('untilFurtherNotice'), nudgeMonths: z.number().int().min(1).max(120).optional() }).strict(),
]);
export type ReviewCycle = z.infer<typeof ReviewCycleSchema>;
export const REVIEW_CYCLE_KINDS = ['yearly', 'schoolYear', 'termOfOffice', 'fixedValidity', 'untilFurtherNotice'] as const;

export const ReviewRecordSchema = z.strictObject({
  date: IsoDateSchema,
  decisionRef: Text.optional(),
});
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

/** An action plan's activity status (§11): planned, under way, done, or dropped. */
export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * One activity of a plan document (handlingsplan, aktivitetsplan,
 * strategiplan): what, who owns it (a person id or a group id), by when,
 * its status, and the decision it carries out.
 */
export const PlanActivitySchema = z.strictObject({
  id: IdSchema,
  what: Text,
  owner: IdSchema,
  due: IsoDateSchema.optional(),
  status: z.enum(ACTIVITY_STATUSES).default('planned'),
  decisionRef: Text.optional(),
});
export type PlanActivityConfig = z.infer<typeof PlanActivitySchema>;

/**
 * An indicator the organisation follows up (§11): Gnesta's strategiplan
 * "med indikatorer", Oxelösund's "Trygghet bland barn … minst i nivå".
 * `better` says which way is good; `period` how often a value is recorded;
 * `reportingGroup` whose conveners record it.
 */
export const IndicatorSchema = z.strictObject({
  id: IdSchema,
  name: Text,
  unit: Text.optional(),
  target: z.number(),
  better: z.enum(['higher', 'lower']),
  period: z.enum(['term', 'year', 'month']),
  reportingGroup: IdSchema,
  sourceRef: Text.optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * The yearly survey on the collaboration itself (§11): Essunga's
 * "systematiskt fortlöpande följa upp samverkan". 3–5 statements, answered
 * 1–5 by every group member, sent on the 1st of `month`.
 */
export const SurveySchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  statements: z.array(Text).min(3).max(5),
  sourceRef: Text.optional(),
});
export type Survey = z.infer<typeof SurveySchema>;

export const GoverningDocumentSchema = z.strictObject({
  id: IdSchema,
  title: Text,
  /** Riktlinje, överenskommelse, handlingsplan, metodhandbok… */
  documentType: Text.optional(),
  ownerGroup: IdSchema,
  /** Dokumentansvarig, as the document names it ("Skolchef och socialchef"). */
  responsible: Text.optional(),
  /** Who decided it: "Kommunstyrelsen". */
  decidedBy: Text.optional(),
  /** Diary number and paragraph: "Ks 2024/393 § 199". */
  decisionRef: Text.optional(),
  decidedOn: IsoDateSchema.optional(),
  validFrom: IsoDateSchema.optional(),
  validUntil: IsoDateSchema.optional(),
  reviewCycle: ReviewCycleSchema,
  lastReviewed: IsoDateSchema.optional(),
  /** A review asked for outside the cycle (a trigger), due by this date; cleared when a review is completed. */
  reviewRequested: z.object({ dueBy: IsoDateSchema, reason: Text.optional() }).strict().optional(),
  /** Completed reviews, oldest first. */
  reviews: z.array(ReviewRecordSchema).optional(),
  /** Where the document comes from, e.g. a seed file or a URL. */
  sourceRef: Text.optional(),
  /** A plan's activities (§11); the store keeps their changes and the activities added in Teams. */
  activities: z.array(PlanActivitySchema).optional(),
});
export type GoverningDocument = z.infer<typeof GoverningDocumentSchema>;

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/**
 * What is kept, and for how long (each optional; `retentionOf` fills in the defaults):
 * - `consentsDays`: a withdrawn or expired consent, with its subject hashes and
 *   index rows, is erased this many days after it ended (default 90: long
 *   enough to answer for a refusal or a withdrawal the digest and the register
 *   still show, short enough that no trace of a child outlives the consent by
 *   more than a quarter);
 * - `auditYears`: audit rows are erased after this many years (default 5);
 * - `operationalDays`: outbox rows, job rows and the per-day job tables are
 *   removed this many days after their day (default 30).
 * Minutes and reviews are the municipality's records and are never erased.
 */
export const RetentionSchema = z.strictObject({
  consentsDays: z.number().int().min(0).max(3650).optional(),
  auditYears: z.number().int().min(1).max(50).optional(),
  operationalDays: z.number().int().min(7).max(3650).optional(),
});
export type Retention = Required<z.infer<typeof RetentionSchema>>;

export const DEFAULT_RETENTION: Retention = { consentsDays: 90, auditYears: 5, operationalDays: 30 };

/** The shape only; references between the parts are checked by parse.ts. */
export const OrganisationSchema = z.strictObject({
  id: IdSchema,
  name: Text,
  timeZone: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, (v) => ({ message: `unknown time zone "${v}" (expected an IANA zone such as Europe/Stockholm)` })),
  /**
   * The bot's language for everyone who has not chosen their own (`språk`
   * / `language`); without it, each user's Teams language.
   */
  language: z.enum(['sv', 'en']).optional(),
  /** Entra tenant id; when set, only users of this tenant have any role here. */
  tenantId: Text.optional(),
  /** The organisation's own mail domains (addresses there are officials', not children's). */
  mailDomains: z.array(Text).optional(),
  /** Where the organisation's structure comes from (a seed document, a decision). */
  sourceRef: Text.optional(),
  people: z.array(PersonSchema).default([]),
  agencies: z.array(AgencySchema).default([]),
  groups: z.array(GroupSchema).default([]),
  managers: z.array(ManagerSchema).default([]),
  documents: z.array(GoverningDocumentSchema).default([]),
  /** What is kept and for how long; safe defaults when left out (DEFAULT_RETENTION). */
  retention: RetentionSchema.optional(),
  /** The municipality's own SIP system (Gnesta: Prator), linked from the SIP cards rather than copied into; https only. */
  sipSystemUrl: z
    .string()
    .trim()
    .url('expected a URL')
    .refine(
      (v) => /^https:\/\/[^\s/]+/i.test(v),
      (v) => ({ message: `expected an https:// link, got "${v}"` }),
    )
    .optional(),
  /** The municipality's own consent form (Gnesta: "Ladda ner blanketten"), linked from the consent form card; https only. */
  consentFormUrl: z
    .string()
    .trim()
    .url('expected a URL')
    .refine(
      (v) => /^https:\/\/[^\s/]+/i.test(v),
      (v) => ({ message: `expected an https:// link, got "${v}"` }),
    )
    .optional(),
  /** Indicators followed up against a target (§11). */
  indicators: z.array(IndicatorSchema).optional(),
  /** The yearly survey on the collaboration (§11). */
  survey: SurveySchema.optional(),
  /** Where reports of concern go (the `concern` card, the refusal card's link to it). */
  reporting: ReportingSchema.optional(),
  /** Recurring risk periods the groups plan for (the `risk-period` card). */
  riskPeriods: z.array(RiskPeriodSchema).optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** The organisation's retention policy, the defaults filled in. */
export function retentionOf(org: Pick<Organisation, 'retention'>): Retention {
  return { ...DEFAULT_RETENTION, ...Object.fromEntries(Object.entries(org.retention ?? {}).filter(([, v]) => v !== undefined)) };
}

/** Everyone in the group: conveners first, then the other members, once each. */
export function membersOf(group: Pick<Group, 'conveners' | 'members'>): string[] {
  return [...new Set([...group.conveners, ...group.members])];
}

export function findGroup(org: Organisation, groupId: string): Group | undefined {
  return indexOf(org).groupById.get(groupId);
}

export function findPerson(org: Organisation, personId: string): Person | undefined {
  return indexOf(org).personById.get(personId);
}

export function displayNameOf(org: Organisation, personId: string): string {
  return findPerson(org, personId)?.displayName ?? personId;
}
