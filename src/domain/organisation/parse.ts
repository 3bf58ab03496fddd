import YAML from 'yaml';
import { z } from 'zod';
import {
  GroupSchema,
  IdSchema,
  ManagerSchema,
  OrganisationSchema,
  PersonSchema,
  AgencySchema,
  GoverningDocumentSchema,
  type Organisation,
} from './model';

export type ParseResult = { ok: true; organisation: Organisation } | { ok: false; errors: string[] };

type Path = ReadonlyArray<string | number>;
interface Problem {
  path: Path;
  message: string;
}

/** `groups[2].conveners[0]` */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

function describeList(values: readonly unknown[]): string {
  const texts = values.map(String);
  return texts.length <= 1 ? texts.join('') : `${texts.slice(0, -1).join(', ')} or ${texts.at(-1)}`;
}

function lastKey(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'value';
}

/** Messages a municipal administrator can act on, instead of zod's defaults. */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: `${lastKey(issue.path)} is required` };
      return { message: `expected ${issue.expected === 'string' ? 'text' : issue.expected}, got ${issue.received}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `bad ${lastKey(issue.path)} "${String(issue.received)}" (expected ${describeList(issue.options)})` };
    case z.ZodIssueCode.invalid_union_discriminator: {
      const kind = (ctx.data as { kind?: unknown } | undefined)?.kind;
      return {
        message:
          kind === undefined
            ? `kind is required (one of ${describeList(issue.options)})`
            : `bad kind "${String(kind)}" (expected ${describeList(issue.options)})`,
      };
    }
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union:
      if (lastKey(issue.path) === 'oversees') return { message: 'expected "all" or a list of group ids' };
      return { message: ctx.defaultError };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: 'must not be empty' };
      return { message: `must be at least ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      return { message: `must be at most ${String(issue.maximum)}` };
    default:
      return { message: ctx.defaultError };
  }
};

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined => (isRec(v) && typeof v.id === 'string' ? v.id : undefined);

/**
 * References and uniqueness, checked on the raw data (defensively), so they
 * are reported together with shape errors rather than after them.
 */
function checkReferences(raw: unknown): Problem[] {
  if (!isRec(raw)) return [];
  const problems: Problem[] = [];
  const ids = (section: 'people' | 'agencies' | 'groups' | 'documents', noun: string): Set<string> => {
    const seen = new Map<string, number>();
    arr(raw[section]).forEach((item, i) => {
      const id = idOf(item);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined)
        problems.push({ path: [section, i, 'id'], message: `duplicate ${noun} id "${id}" (also ${formatPath([section, first])})` });
      else seen.set(id, i);
    });
    return new Set(seen.keys());
  };
  const people = ids('people', 'person');
  const agencies = ids('agencies', 'agency');
  const groups = ids('groups', 'group');
  ids('documents', 'document');

  for (const field of ['aadObjectId', 'upn'] as const) {
    const seen = new Map<string, number>();
    arr(raw.people).forEach((p, i) => {
      const v = isRec(p) && typeof p[field] === 'string' ? (p[field] as string).trim().toLowerCase() : undefined;
      if (!v) return;
      const first = seen.get(v);
      if (first !== undefined)
        problems.push({ path: ['people', i, field], message: `duplicate ${field} "${p && (p as Rec)[field]}" (also people[${first}])` });
      else seen.set(v, i);
    });
  }

  const ref = (value: unknown, known: Set<string>, noun: string, path: Path) => {
    if (typeof value === 'string' && !known.has(value)) problems.push({ path, message: `unknown ${noun} "${value}"` });
  };
  arr(raw.people).forEach((p, i) => isRec(p) && ref(p.agency, agencies, 'agency', ['people', i, 'agency']));
  arr(raw.groups).forEach((g, i) => {
    if (!isRec(g)) return;
    for (const field of ['conveners', 'members'] as const)
      arr(g[field]).forEach((id, j) => ref(id, people, 'person', ['groups', i, field, j]));
    arr(g.agencies).forEach((id, j) => ref(id, agencies, 'agency', ['groups', i, 'agencies', j]));
  });
  arr(raw.managers).forEach((m, i) => {
    if (!isRec(m)) return;
    ref(m.personId, people, 'person', ['managers', i, 'personId']);
    arr(m.oversees).forEach((id, j) => ref(id, groups, 'group', ['managers', i, 'oversees', j]));
  });
  arr(raw.documents).forEach((d, i) => {
    if (!isRec(d)) return;
    ref(d.ownerGroup, groups, 'group', ['documents', i, 'ownerGroup']);
    const cycle = isRec(d.reviewCycle) ? d.reviewCycle.kind : undefined;
    if (cycle === 'fixedValidity' && d.validUntil === undefined)
      problems.push({ path: ['documents', i, 'validUntil'], message: 'validUntil is required for a fixedValidity review cycle' });
    if (typeof d.validFrom === 'string' && typeof d.validUntil === 'string' && d.validUntil < d.validFrom) {
      problems.push({ path: ['documents', i, 'validUntil'], message: `validUntil ${d.validUntil} is before validFrom ${d.validFrom}` });
    }
    // A plan's activity is owned by a person or a group; its ids are unique within the plan.
    const activityIds = new Set<string>();
    arr(d.activities).forEach((act, j) => {
      if (!isRec(act)) return;
      if (typeof act.owner === 'string' && !people.has(act.owner) && !groups.has(act.owner))
        problems.push({ path: ['documents', i, 'activities', j, 'owner'], message: `unknown person or group "${act.owner}"` });
      const id = idOf(act);
      if (id !== undefined && activityIds.has(id))
        problems.push({ path: ['documents', i, 'activities', j, 'id'], message: `duplicate activity id "${id}"` });
      if (id !== undefined) activityIds.add(id);
    });
  });
  const indicatorIds = new Set<string>();
  arr(raw.indicators).forEach((ind, i) => {
    if (!isRec(ind)) return;
    ref(ind.reportingGroup, groups, 'group', ['indicators', i, 'reportingGroup']);
    const id = idOf(ind);
    if (id !== undefined && indicatorIds.has(id))
      problems.push({ path: ['indicators', i, 'id'], message: `duplicate indicator id "${id}"` });
    if (id !== undefined) indicatorIds.add(id);
  });
  arr(raw.riskPeriods).forEach((rp, i) => {
    if (!isRec(rp)) return;
    arr(rp.groups).forEach((id, j) => ref(id, groups, 'group', ['riskPeriods', i, 'groups', j]));
    if (rp.rule === undefined && rp.dates === undefined)
      problems.push({ path: ['riskPeriods', i], message: 'a risk period needs a rule or dates' });
  });
  return problems;
}

function readText(text: string, fileName: string): { ok: true; data: unknown } | { ok: false; errors: string[] } {
  if (/\.json$/i.test(fileName)) {
    try {
      return { ok: true, data: JSON.parse(text) };
    } catch (err) {
      return { ok: false, errors: [`${fileName}: not valid JSON: ${(err as Error).message}`] };
    }
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map(
        (e) => `${fileName}: ${e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : ''}${e.message.split('\n')[0]}`,
      ),
    };
  }
  return { ok: true, data: doc.toJS() };
}

/** Checks data already read from a file (or built in code) as an organisation. */
export function validateOrganisation(data: unknown, fileName: string): ParseResult {
  const problems: Problem[] = [];
  const shape = OrganisationSchema.safeParse(data, { errorMap });
  if (!shape.success) for (const issue of shape.error.issues) problems.push({ path: issue.path, message: issue.message });
  if (isRec(data)) problems.push(...checkReferences(data));
  else if (shape.success) problems.push(...checkReferences(shape.data));
  if (problems.length > 0 || !shape.success) {
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const p of problems) {
      const line = `${fileName}: ${p.path.length ? `${formatPath(p.path)}: ` : ''}${p.message}`;
      if (!seen.has(line)) errors.push(line);
      seen.add(line);
    }
    return { ok: false, errors };
  }
  return { ok: true, organisation: shape.data };
}

// ---------------------------------------------------------------- overlays

const GroupUpdateSchema = z
  .object({
    name: GroupSchema.shape.name.optional(),
    addConveners: z.array(IdSchema).optional(),
    addMembers: z.array(IdSchema).optional(),
    cadence: GroupSchema.shape.cadence.optional(),
    agendaTemplate: GroupSchema.shape.agendaTemplate,
    description: GroupSchema.shape.description,
    organiserMailbox: GroupSchema.shape.organiserMailbox,
  })
  .strict();

/**
 * An organisation file may build on a preset instead of copying it:
 * `extends: essunga`, then add or change people, groups, managers and
 * documents. This is how a municipality maps its real people onto a preset,
 * and how the local demo organisation is made from the Essunga preset.
 */
export const OverlaySchema = z
  .object({
    extends: z.string().min(1),
    id: OrganisationSchema.shape.id.optional(),
    name: OrganisationSchema.shape.name.optional(),
    timeZone: z.string().optional(),
    language: OrganisationSchema.shape.language,
    tenantId: OrganisationSchema.shape.tenantId,
    mailDomains: OrganisationSchema.shape.mailDomains,
    sourceRef: OrganisationSchema.shape.sourceRef,
    retention: OrganisationSchema.shape.retention,
    reporting: OrganisationSchema.shape.reporting,
    riskPeriods: OrganisationSchema.shape.riskPeriods,
    indicators: OrganisationSchema.shape.indicators,
    survey: OrganisationSchema.shape.survey,
    sipSystemUrl: OrganisationSchema.shape.sipSystemUrl,
    consentFormUrl: OrganisationSchema.shape.consentFormUrl,
    addPeople: z.array(PersonSchema).optional(),
    updatePeople: z.record(PersonSchema.partial().strict()).optional(),
    addAgencies: z.array(AgencySchema).optional(),
    addGroups: z.array(GroupSchema).optional(),
    updateGroups: z.record(GroupUpdateSchema).optional(),
    addManagers: z.array(ManagerSchema).optional(),
    addDocuments: z.array(GoverningDocumentSchema).optional(),
    updateDocuments: z.record(GoverningDocumentSchema.partial().strict()).optional(),
  })
  .strict();
export type Overlay = z.infer<typeof OverlaySchema>;

/** Applies an overlay to a valid organisation; the result must still be validated. */
export function applyOverlay(base: Organisation, overlay: Overlay): { result: Rec; problems: Problem[] } {
  const problems: Problem[] = [];
  const result: Rec = structuredClone(base) as unknown as Rec;
  for (const key of ['id', 'name', 'timeZone', 'language', 'tenantId', 'mailDomains', 'sourceRef', 'retention', 'indicators'] as const)
    if (overlay[key] !== undefined) result[key] = overlay[key];
  if (overlay.reporting !== undefined) result.reporting = overlay.reporting;
  if (overlay.riskPeriods !== undefined) result.riskPeriods = overlay.riskPeriods;
  if (overlay.survey !== undefined) result.survey = overlay.survey;
  if (overlay.sipSystemUrl !== undefined) result.sipSystemUrl = overlay.sipSystemUrl;
  if (overlay.consentFormUrl !== undefined) result.consentFormUrl = overlay.consentFormUrl;
  const people = result.people as Rec[];
  const groups = result.groups as Rec[];
  const documents = result.documents as Rec[];
  people.push(...(overlay.addPeople ?? []));
  (result.agencies as Rec[]).push(...(overlay.addAgencies ?? []));
  groups.push(...(overlay.addGroups ?? []));
  (result.managers as Rec[]).push(...(overlay.addManagers ?? []));
  documents.push(...(overlay.addDocuments ?? []));
  const update = (list: Rec[], changes: Record<string, Rec> | undefined, section: string, noun: string) => {
    for (const [id, change] of Object.entries(changes ?? {})) {
      const target = list.find((x) => x.id === id);
      if (!target) problems.push({ path: [section, id], message: `unknown ${noun} "${id}"` });
      else Object.assign(target, change);
    }
  };
  update(people, overlay.updatePeople, 'updatePeople', 'person');
  update(documents, overlay.updateDocuments, 'updateDocuments', 'document');
  for (const [id, change] of Object.entries(overlay.updateGroups ?? {})) {
    const target = groups.find((g) => g.id === id);
    if (!target) {
      problems.push({ path: ['updateGroups', id], message: `unknown group "${id}"` });
      continue;
    }
    const { addConveners, addMembers, ...rest } = change;
    Object.assign(target, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    const add = (field: 'conveners' | 'members', ids: string[] | undefined) => {
      const current = target[field] as string[];
      for (const pid of ids ?? []) if (!current.includes(pid)) current.push(pid);
    };
    add('conveners', addConveners);
    add('members', addMembers);
  }
  return { result, problems };
}

export interface ParseOptions {
  /** Finds a preset's text for `extends:`; without it, overlays are refused. */
  resolvePreset?: (name: string) => { text: string; fileName: string } | undefined;
}

const MAX_EXTENDS_DEPTH = 4;

/**
 * Reads an organisation file (YAML, or JSON when the name ends in .json),
 * checks its shape and references, and answers the organisation or every
 * problem found, each as `file: path.inside[0]: what is wrong`.
 */
export function parseOrganisation(text: string, fileName: string, options: ParseOptions = {}, depth = 0): ParseResult {
  const read = readText(text, fileName);
  if (!read.ok) return read;
  const data = read.data;
  if (!isRec(data) || data.extends === undefined) return validateOrganisation(data, fileName);

  const overlay = OverlaySchema.safeParse(data, { errorMap });
  if (!overlay.success)
    return {
      ok: false,
      errors: overlay.error.issues.map((i) => `${fileName}: ${i.path.length ? `${formatPath(i.path)}: ` : ''}${i.message}`),
    };
  const baseName = overlay.data.extends;
  const base = depth < MAX_EXTENDS_DEPTH ? options.resolvePreset?.(baseName) : undefined;
  if (!base)
    return {
      ok: false,
      errors: [`${fileName}: extends: unknown preset "${baseName}"${depth >= MAX_EXTENDS_DEPTH ? ' (too many levels of extends)' : ''}`],
    };
  const parsedBase = parseOrganisation(base.text, base.fileName, options, depth + 1);
  if (!parsedBase.ok) return parsedBase;
  const { result, problems } = applyOverlay(parsedBase.organisation, overlay.data);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => `${fileName}: ${formatPath(p.path)}: ${p.message}`) };
  return validateOrganisation(result, `${fileName} (extends ${baseName})`);
}

/** The organisation as YAML, which parseOrganisation reads back equal. */
export function serialiseOrganisation(org: Organisation): string {
  return YAML.stringify(org, { lineWidth: 0 });
}
