/**
 * Builds the Teams app package: `npm run package [-- --env <name>]`.
 *
 * Reads `env/.env.<name>` (and the git-ignored `env/.env.<name>.user`;
 * variables already in the environment win), substitutes every `${{VAR}}` in
 * manifest/manifest.json and its localisation files, validates the result
 * offline against the JSON schemas bundled in `@microsoft/app-manifest`,
 * checks what a schema cannot (icons, ids, command words, both languages
 * alike), and writes `build/appPackage.<name>.zip`. One line per problem;
 * exit code 1 on any.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import type { ValidateFunction } from 'ajv';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { COMMAND_NAMES, COMMAND_WORDS, type CommandName } from '../src/domain/commands/words';
import { parseEnvFile } from '../src/config';

const ROOT = path.resolve(__dirname, '..');
export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const ENV_DIR = path.join(ROOT, 'env');
export const BUILD_DIR = path.join(ROOT, 'build');

/** Placeholder ids for a local package when env/.env.local leaves them out (anonymous local bot). */
export const LOCAL_PLACEHOLDER_IDS: Record<'TEAMS_APP_ID' | 'BOT_ID', string> = {
  TEAMS_APP_ID: '5a3e0c1d-7b42-4e8f-9a61-2c7d4b8e0f13',
  BOT_ID: '00000000-0000-0000-0000-000000000000',
};

/** Used when the environment leaves these out; each use is reported as a note. */
export const DEFAULTS: Record<string, () => string> = {
  APP_VERSION: () => (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  APP_NAME_SUFFIX: () => '',
  DEVELOPER_NAME: () => 'Kommunen',
  DEVELOPER_WEBSITE_URL: () => 'https://example.org/samverkan',
  DEVELOPER_PRIVACY_URL: () => 'https://example.org/samverkan/privacy',
  DEVELOPER_TERMS_URL: () => 'https://example.org/samverkan/terms',
};

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

// ---------------------------------------------------------------- env files

/** The same env-file reader the bot uses, so the two read env/ alike. */
export { parseEnvFile };

/** `env/.env.<name>`, then `env/.env.<name>.user`, then the process environment: later wins. */
export function loadPackageEnv(
  envName: string,
  envDir = ENV_DIR,
  processEnv: NodeJS.ProcessEnv = process.env,
): { env: Record<string, string | undefined>; files: string[] } {
  const files = [path.join(envDir, `.env.${envName}`), path.join(envDir, `.env.${envName}.user`)].filter((f) => existsSync(f));
  const fromFiles = Object.assign({}, ...files.map((f) => parseEnvFile(readFileSync(f, 'utf8')))) as Record<string, string>;
  return { env: { ...fromFiles, ...processEnv }, files };
}

// ------------------------------------------------------------- substitution

export function placeholdersIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(PLACEHOLDER)) found.add(m[1]!);
  else if (Array.isArray(value)) value.forEach((v) => placeholdersIn(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => placeholdersIn(v, found));
  return found;
}

/** Replaces `${{VAR}}` in every string of a parsed JSON value (so values never need JSON escaping). */
export function substitute<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') return value.replace(PLACEHOLDER, (_, name: string) => vars[name] ?? '') as T;
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)])) as T;
  }
  return value;
}

/**
 * The values for the placeholders: from the environment, else a documented
 * default, else (local only, ids only) a placeholder GUID. A variable with
 * no value at all is a problem naming it.
 */
export function resolveVariables(
  names: Iterable<string>,
  envName: string,
  env: Record<string, string | undefined>,
): { vars: Record<string, string>; problems: string[]; notes: string[] } {
  const vars: Record<string, string> = {};
  const problems: string[] = [];
  const notes: string[] = [];
  const where = `env/.env.${envName} or the environment`;
  for (const name of [...new Set(names)].sort()) {
    const value = env[name];
    if (name === 'TEAMS_APP_ID' || name === 'BOT_ID') {
      if (value === undefined || value.trim() === '') {
        if (envName === 'local') {
          vars[name] = LOCAL_PLACEHOLDER_IDS[name];
          notes.push(
            `${name}: not set in ${where}; the local package uses the placeholder ${vars[name]} (fine for the Agents Playground, not for Teams)`,
          );
        } else {
          problems.push(
            `${name}: not set; set it in ${where} (a GUID${name === 'BOT_ID' ? ': the Entra app id of the Azure Bot' : ': the Teams app id'})`,
          );
        }
      } else if (!GUID.test(value.trim())) {
        problems.push(`${name}: "${value}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
      } else {
        vars[name] = value.trim();
      }
      continue;
    }
    if (value !== undefined && (value.trim() !== '' || name === 'APP_NAME_SUFFIX')) {
      vars[name] = value.trim();
    } else if (DEFAULTS[name]) {
      vars[name] = DEFAULTS[name]();
      // Publisher placeholders are expected locally; elsewhere they would reach users, so say so.
      if (envName !== 'local' && name !== 'APP_NAME_SUFFIX' && name !== 'APP_VERSION')
        notes.push(`${name}: not set in ${where}; using the default "${vars[name]}"`);
    } else {
      problems.push(`${name}: not set; the manifest uses \${{${name}}}; set it in ${where}`);
    }
  }
  if (vars.BOT_DOMAIN !== undefined && /[/\s]/.test(vars.BOT_DOMAIN)) {
    problems.push(`BOT_DOMAIN: "${vars.BOT_DOMAIN}" must be a host name (with an optional port), without https:// or a path`);
  }
  return { vars, problems, notes };
}

// ------------------------------------------------------------ schema checks

const APP_MANIFEST_DIR = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));

/**
 * The bundled copy of a developer.microsoft.com Teams schema URL, or
 * undefined when @microsoft/app-manifest does not ship it. Never the network.
 */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  const m = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/(teams\/[^?#]+\.json)$/i.exec(schemaUrl);
  if (!m) return undefined;
  const file = path.join(APP_MANIFEST_DIR, 'build', 'json-schemas', m[1]!);
  return existsSync(file) ? file : undefined;
}

/** Teams manifest versions whose manifest and localisation schemas are bundled, oldest first. */
export function bundledManifestVersions(): string[] {
  const dir = path.join(APP_MANIFEST_DIR, 'build', 'json-schemas', 'teams');
  return readdirSync(dir)
    .filter((d) => /^v\d+\.\d+$/.test(d) && existsSync(path.join(dir, d, 'MicrosoftTeams.schema.json')))
    .map((d) => d.slice(1))
    .sort((a, b) => compareVersions(a, b));
}

export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

function loadSchema(file: string): object {
  // The same clean-up @microsoft/app-manifest applies to its schemas (\a, \v in patterns).
  const raw = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as object;
}

/**
 * Validates a document against the bundled schema its `$schema` names; one
 * line per error. The manifest goes through @microsoft/app-manifest's own
 * AppManifestUtils.validateAgainstSchema. The localisation schema has patterns
 * that are valid only as non-Unicode JavaScript regular expressions (a lone
 * `]` in `activityTypes\[...\b]`), which that function's Ajv (Unicode mode)
 * refuses to compile; it gets the same Ajv draft-04 setup, from
 * @microsoft/app-manifest's own dependencies, with `unicodeRegExp: false`.
 */
export async function validateAgainstBundledSchema(doc: { $schema?: unknown }, label: string): Promise<string[]> {
  if (typeof doc.$schema !== 'string') return [`${label}: has no $schema`];
  const file = bundledSchemaPath(doc.$schema);
  if (!file) return [`${label}: $schema ${doc.$schema} is not bundled with @microsoft/app-manifest, so it cannot be validated offline`];
  const schema = loadSchema(file);
  const errors = /Localization\.schema\.json$/.test(file)
    ? validateNonUnicode(doc, schema)
    : await AppManifestUtils.validateAgainstSchema(doc as never, schema as never);
  return errors.map((e) => `${label}: schema: ${e.trim()}`);
}

const requireFromAppManifest = createRequire(require.resolve('@microsoft/app-manifest'));
let localizationValidators: WeakMap<object, ValidateFunction> | undefined;

function validateNonUnicode(doc: object, schema: object): string[] {
  localizationValidators ??= new WeakMap();
  let validate = localizationValidators.get(schema);
  if (!validate) {
    const Ajv = requireFromAppManifest('ajv-draft-04') as typeof import('ajv').default;
    const addFormats = requireFromAppManifest('ajv-formats') as (ajv: unknown, formats: string[]) => void;
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(schema);
    localizationValidators.set(schema, validate);
  }
  if (validate(JSON.parse(JSON.stringify(doc)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}. Details: ${JSON.stringify(e.params)}`);
}

// ---------------------------------------------------------------------- PNG

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunks(buf: Buffer): { type: string; data: Buffer }[] {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  const chunks: { type: string; data: Buffer }[] = [];
  let o = 8;
  while (o + 8 <= buf.length) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString('ascii', o + 4, o + 8);
    if (o + 12 + len > buf.length) throw new Error(`truncated ${type} chunk`);
    chunks.push({ type, data: buf.subarray(o + 8, o + 8 + len) });
    o += 12 + len;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new Error('the first chunk is not IHDR');
  return chunks;
}

/** Reads the IHDR: dimensions and pixel format. */
export function readPngInfo(buf: Buffer): PngInfo {
  const ihdr = pngChunks(buf)[0]!.data;
  return { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), bitDepth: ihdr[8]!, colorType: ihdr[9]!, interlace: ihdr[12]! };
}

/** Decodes a non-interlaced 8-bit PNG (grey, RGB, palette, grey+alpha, RGBA) to RGBA pixels. */
export function decodePng(buf: Buffer): { width: number; height: number; data: Uint8Array } {
  const chunks = pngChunks(buf);
  const info = readPngInfo(buf);
  const { width, height, bitDepth, colorType, interlace } = info;
  if (bitDepth !== 8 || interlace !== 0)
    throw new Error(`only 8-bit non-interlaced PNGs can be checked (this one: ${bitDepth}-bit${interlace ? ', interlaced' : ''})`);
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels) throw new Error(`unknown PNG colour type ${colorType}`);
  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  const trns = chunks.find((c) => c.type === 'tRNS')?.data;
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error('image data is shorter than its dimensions');
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : undefined;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels]! : 0;
      const b = prev ? prev[i]! : 0;
      const c = prev && i >= channels ? prev[i - channels]! : 0;
      let p: number;
      switch (filter) {
        case 0:
          p = 0;
          break;
        case 1:
          p = a;
          break;
        case 2:
          p = b;
          break;
        case 3:
          p = (a + b) >> 1;
          break;
        case 4: {
          const q = a + b - c;
          const pa = Math.abs(q - a),
            pb = Math.abs(q - b),
            pc = Math.abs(q - c);
          p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter type ${filter} on row ${y}`);
      }
      out[i] = (line[i]! + p) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    let r: number,
      g: number,
      b: number,
      a = 255;
    switch (colorType) {
      case 0:
        r = g = b = pixels[s]!;
        if (trns && trns.length >= 2 && trns.readUInt16BE(0) === r) a = 0;
        break;
      case 2:
        r = pixels[s]!;
        g = pixels[s + 1]!;
        b = pixels[s + 2]!;
        if (trns && trns.length >= 6 && trns.readUInt16BE(0) === r && trns.readUInt16BE(2) === g && trns.readUInt16BE(4) === b) a = 0;
        break;
      case 3: {
        const k = pixels[s]!;
        if (!palette || k * 3 + 2 >= palette.length) throw new Error('palette index out of range');
        r = palette[k * 3]!;
        g = palette[k * 3 + 1]!;
        b = palette[k * 3 + 2]!;
        a = trns && k < trns.length ? trns[k]! : 255;
        break;
      }
      case 4:
        r = g = b = pixels[s]!;
        a = pixels[s + 1]!;
        break;
      default:
        r = pixels[s]!;
        g = pixels[s + 1]!;
        b = pixels[s + 2]!;
        a = pixels[s + 3]!;
    }
    data.set([r, g, b, a], i * 4);
  }
  return { width, height, data };
}

/** Colour channels this close to 255 still count as white (rounding in design tools). */
const WHITE_MIN = 250;

/**
 * Teams' icon rules: colour 192×192; outline 32×32, white on a transparent
 * background (every pixel is either fully transparent or white, any alpha).
 */
export function checkIcons(manifest: { icons?: { color?: string; outline?: string } }, dir: string): string[] {
  const problems: string[] = [];
  const icons = [
    ['color', manifest.icons?.color, 192],
    ['outline', manifest.icons?.outline, 32],
  ] as const;
  for (const [kind, rel, size] of icons) {
    if (!rel) continue; // the schema reports a missing icons.<kind>
    const file = path.join(dir, rel);
    if (!existsSync(file)) {
      problems.push(`icons.${kind}: ${rel} does not exist in ${path.relative(process.cwd(), dir) || '.'}`);
      continue;
    }
    const buf = readFileSync(file);
    let info: PngInfo;
    try {
      info = readPngInfo(buf);
    } catch (e) {
      problems.push(`icons.${kind}: ${rel} is not a readable PNG (${(e as Error).message})`);
      continue;
    }
    if (info.width !== size || info.height !== size)
      problems.push(`icons.${kind}: ${rel} is ${info.width}×${info.height}; Teams needs ${size}×${size}`);
    if (kind !== 'outline') continue;
    let image: ReturnType<typeof decodePng>;
    try {
      image = decodePng(buf);
    } catch (e) {
      problems.push(`icons.outline: ${rel} cannot be checked for white-on-transparent: ${(e as Error).message}`);
      continue;
    }
    let coloured = 0,
      transparent = 0;
    let first: string | undefined;
    for (let i = 0; i < image.width * image.height; i++) {
      const [r, g, b, a] = image.data.subarray(i * 4, i * 4 + 4);
      if (a === 0) {
        transparent++;
        continue;
      }
      if (r! < WHITE_MIN || g! < WHITE_MIN || b! < WHITE_MIN) {
        coloured++;
        first ??= `(${i % image.width}, ${Math.floor(i / image.width)}) is rgba(${r}, ${g}, ${b}, ${a})`;
      }
    }
    if (coloured) problems.push(`icons.outline: ${rel} must be white on transparent; ${coloured} pixel(s) are not white, e.g. ${first}`);
    if (!transparent) problems.push(`icons.outline: ${rel} has no transparent pixel; the background must be transparent`);
  }
  return problems;
}

// ---------------------------------------------------------- product checks

type Json = Record<string, unknown>;
interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}

function commandLists(manifest: Json): CommandList[] {
  const bots = manifest.bots as { commandLists?: CommandList[] }[] | undefined;
  return bots?.[0]?.commandLists ?? [];
}

/** The command names of each list, read from its titles in one language. */
export function commandNamesByList(
  lists: { scopes: string[]; titles: string[] }[],
  lang: 'sv' | 'en',
): { scopes: string[]; names: (CommandName | undefined)[] }[] {
  const byWord = new Map(COMMAND_NAMES.map((n) => [COMMAND_WORDS[n][lang], n] as const));
  return lists.map((l) => ({ scopes: l.scopes, names: l.titles.map((t) => byWord.get(t.trim().toLocaleLowerCase('sv'))) }));
}

/** Command titles of a localisation file, per list: `bots[0].commandLists[i].commands[j].title`. */
export function localizedTitles(loc: Json, lists: CommandList[]): { scopes: string[]; titles: string[] }[] {
  return lists.map((l, i) => ({
    scopes: l.scopes,
    titles: l.commands.map((_, j) => String(loc[`bots[0].commandLists[${i}].commands[${j}].title`] ?? '')),
  }));
}

/** The language of a manifest or localisation tag for the command vocabulary. */
function vocabulary(tag: string): 'sv' | 'en' | undefined {
  const lang = tag.toLowerCase().split('-')[0];
  return lang === 'sv' || lang === 'en' ? lang : undefined;
}

/**
 * What the schema cannot say: the bot, its RSC permission and
 * webApplicationInfo, that every command title is a command word of its
 * language, and that every language lists the same commands in every scope.
 */
export function checkProduct(manifest: Json, localizations: { tag: string; file: string; doc: Json }[]): string[] {
  const problems: string[] = [];
  const bot = (manifest.bots as Json[] | undefined)?.[0];
  if (!bot) return ['bots: the manifest declares no bot'];
  for (const scope of ['team', 'groupChat', 'personal']) {
    if (!(bot.scopes as string[] | undefined)?.includes(scope)) problems.push(`bots[0].scopes: missing "${scope}"`);
  }
  const rsc = ((manifest.authorization as Json | undefined)?.permissions as Json | undefined)?.resourceSpecific as
    | { name: string; type: string }[]
    | undefined;
  if (!rsc?.some((p) => p.name === 'ChannelMessage.Read.Group' && p.type === 'Application')) {
    problems.push(
      'authorization.permissions.resourceSpecific: ChannelMessage.Read.Group (Application) is missing; without it the consent gate never hears channel messages that do not @mention the bot',
    );
  }
  const wai = manifest.webApplicationInfo as Json | undefined;
  if (!wai?.id || !wai.resource) problems.push('webApplicationInfo: id and resource are required for resource-specific consent');
  else if (wai.id !== bot.botId) problems.push(`webApplicationInfo.id (${String(wai.id)}) must be the bot id (${String(bot.botId)})`);

  const lists = commandLists(manifest);
  const defaultTag = String((manifest.localizationInfo as Json | undefined)?.defaultLanguageTag ?? 'en-us');
  const languages = [
    { label: 'manifest.json', tag: defaultTag, titles: lists.map((l) => ({ scopes: l.scopes, titles: l.commands.map((c) => c.title) })) },
    ...localizations.map((l) => ({ label: l.file, tag: l.tag, titles: localizedTitles(l.doc, lists) })),
  ];
  let reference: string | undefined;
  for (const { label, tag, titles } of languages) {
    const lang = vocabulary(tag);
    if (!lang) {
      problems.push(`${label}: language ${tag} has no command vocabulary (sv or en)`);
      continue;
    }
    const named = commandNamesByList(titles, lang);
    named.forEach((l, i) =>
      l.names.forEach((n, j) => {
        if (!n)
          problems.push(
            `${label}: bots[0].commandLists[${i}].commands[${j}].title "${titles[i]!.titles[j]}" is not a ${lang} command word (${COMMAND_NAMES.map((c) => COMMAND_WORDS[c][lang]).join(', ')})`,
          );
      }),
    );
    const signature = named.map((l) => `${l.scopes.join('+')}: ${l.names.join(' ')}`).join(' | ');
    if (reference === undefined) reference = signature;
    else if (signature !== reference) problems.push(`${label}: lists other commands than manifest.json (${signature} vs ${reference})`);
  }
  for (const { file, doc } of localizations) {
    for (const key of Object.keys(doc)) {
      const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
      if (m && !lists[Number(m[1])]?.commands[Number(m[2])])
        problems.push(`${file}: ${key} translates a command the manifest does not have`);
    }
    lists.forEach((l, i) =>
      l.commands.forEach((c, j) => {
        if (c.description && !doc[`bots[0].commandLists[${i}].commands[${j}].description`])
          problems.push(`${file}: bots[0].commandLists[${i}].commands[${j}].description is missing`);
      }),
    );
  }
  return problems;
}

// ------------------------------------------------------------------ package

export interface BuildOptions {
  envName: string;
  /** Already merged environment (see loadPackageEnv). */
  env: Record<string, string | undefined>;
  outDir?: string;
  manifestDir?: string;
}

export interface BuildResult {
  ok: boolean;
  problems: string[];
  notes: string[];
  zipPath?: string;
  manifest?: Json;
  localizations: { tag: string; file: string; doc: Json }[];
}

function readJson(file: string, label: string, problems: string[]): Json | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (e) {
    problems.push(`${label}: ${existsSync(file) ? `not valid JSON (${(e as Error).message})` : 'does not exist'}`);
    return undefined;
  }
}

/** Substitutes, validates and zips; writes nothing unless every check passes. */
export async function buildAppPackage(opts: BuildOptions): Promise<BuildResult> {
  const manifestDir = opts.manifestDir ?? MANIFEST_DIR;
  const outDir = opts.outDir ?? BUILD_DIR;
  const problems: string[] = [];
  const template = readJson(path.join(manifestDir, 'manifest.json'), 'manifest.json', problems);
  if (!template) return { ok: false, problems, notes: [], localizations: [] };

  const languages = ((template.localizationInfo as Json | undefined)?.additionalLanguages ?? []) as { languageTag: string; file: string }[];
  const locTemplates: { tag: string; file: string; doc: Json }[] = [];
  for (const { languageTag, file } of Array.isArray(languages) ? languages : []) {
    const doc = readJson(path.join(manifestDir, file), file, problems);
    if (doc) locTemplates.push({ tag: languageTag, file, doc });
  }

  const names = placeholdersIn([template, ...locTemplates.map((l) => l.doc)]);
  const { vars, problems: varProblems, notes } = resolveVariables(names, opts.envName, opts.env);
  problems.push(...varProblems);
  if (problems.length) return { ok: false, problems, notes, localizations: [] };

  const manifest = substitute(template, vars);
  const localizations = locTemplates.map((l) => ({ ...l, doc: substitute(l.doc, vars) }));

  const version = String(manifest.manifestVersion ?? '');
  if (compareVersions(version, '1.24') < 0)
    problems.push(`manifestVersion: ${version || '(none)'}; this app needs 1.24 or later (12 commands per list, current RSC)`);
  problems.push(...(await validateAgainstBundledSchema(manifest, 'manifest.json')));
  for (const l of localizations) {
    problems.push(...(await validateAgainstBundledSchema(l.doc, l.file)));
    const locVersion = /\/v(\d+\.\d+)\//.exec(String(l.doc.$schema ?? ''))?.[1];
    if (locVersion && locVersion !== version)
      problems.push(`${l.file}: $schema is for manifest ${locVersion}, the manifest is ${version}; Teams needs them equal`);
  }
  problems.push(...checkIcons(manifest as { icons?: { color?: string; outline?: string } }, manifestDir));
  problems.push(...checkProduct(manifest, localizations));
  if (problems.length) return { ok: false, problems, notes, manifest, localizations };

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  const icons = manifest.icons as { color: string; outline: string };
  for (const rel of [icons.color, icons.outline]) zip.addFile(rel, readFileSync(path.join(manifestDir, rel)));
  for (const l of localizations) zip.addFile(l.file, Buffer.from(`${JSON.stringify(l.doc, null, 2)}\n`, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${opts.envName}.zip`);
  zip.writeZip(zipPath);
  return { ok: true, problems, notes, zipPath, manifest, localizations };
}

// ---------------------------------------------------------------------- CLI

export function parseArgs(argv: string[], processEnv: NodeJS.ProcessEnv = process.env): { envName: string; outDir: string } {
  let envName = processEnv.ENV_NAME?.trim() || 'local';
  let outDir = BUILD_DIR;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--env' && argv[i + 1]) envName = argv[++i]!;
    else if (a.startsWith('--env=')) envName = a.slice(6);
    else if (a === '--out' && argv[i + 1]) outDir = path.resolve(argv[++i]!);
    else if (a.startsWith('--out=')) outDir = path.resolve(a.slice(6));
    else throw new Error(`unknown argument ${a} (use --env <name> and --out <dir>)`);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new Error(`--env: "${envName}" must be letters, digits, - or _`);
  return { envName, outDir };
}

async function main(): Promise<number> {
  let args: { envName: string; outDir: string };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const { env, files } = loadPackageEnv(args.envName);
  if (!files.length) console.log(`note: env/.env.${args.envName} does not exist; using the process environment only`);
  const result = await buildAppPackage({ envName: args.envName, env, outDir: args.outDir });
  for (const n of result.notes) console.log(`note: ${n}`);
  for (const p of result.problems) console.error(p);
  if (!result.ok) {
    console.error(`The app package was not written: ${result.problems.length} problem(s).`);
    return 1;
  }
  console.log(
    `Validated manifest ${String(result.manifest?.manifestVersion)} and ${result.localizations.length} localisation file(s) offline; wrote ${path.relative(process.cwd(), result.zipPath!)}`,
  );
  return 0;
}

if (/package-manifest\.ts$/.test(process.argv[1] ?? '')) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exitCode = 1;
    },
  );
}
