import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { COMMAND_NAMES, COMMAND_WORDS, type CommandName } from '../../src/domain/commands/words';
import { colorIcon, crc32, encodePng, outlineIcon, type Image } from '../../scripts/make-icons';
import {
  buildAppPackage,
  bundledManifestVersions,
  bundledSchemaPath,
  checkIcons,
  commandNamesByList,
  compareVersions,
  decodePng,
  LOCAL_PLACEHOLDER_IDS,
  localizedTitles,
  MANIFEST_DIR,
  parseArgs,
  parseEnvFile,
  placeholdersIn,
  readPngInfo,
  validateAgainstBundledSchema,
  type BuildResult,
} from '../../scripts/package-manifest';

const ROOT = path.resolve(__dirname, '..', '..');
const BOT = '3f2a9c4e-1b7d-4e2a-8c5f-9d0e1a2b3c4d';
const APP = '8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6';
const DEV_ENV = {
  TEAMS_APP_ID: APP,
  BOT_ID: BOT,
  BOT_DOMAIN: 'samverkan.example.se',
  APP_NAME_SUFFIX: '',
  DEVELOPER_NAME: 'Exempelby kommun',
  DEVELOPER_WEBSITE_URL: 'https://www.exempelby.se',
  DEVELOPER_PRIVACY_URL: 'https://www.exempelby.se/integritet',
  DEVELOPER_TERMS_URL: 'https://www.exempelby.se/villkor',
};

type Json = Record<string, any>;
const CHANNEL_COMMANDS: CommandName[] = ['help', 'group', 'schedule', 'meetings', 'agenda', 'minutes', 'review', 'language'];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'samverkan-manifest-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A copy of manifest/ to break on purpose. */
function manifestCopy(edit?: (dir: string, manifest: Json) => void): string {
  const dir = mkdtempSync(path.join(tmp, 'manifest-'));
  cpSync(MANIFEST_DIR, dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Json;
    edit(dir, manifest);
    writeFileSync(file, JSON.stringify(manifest, null, 2));
  }
  return dir;
}

function build(envName: string, env: Record<string, string | undefined>, manifestDir?: string): Promise<BuildResult> {
  return buildAppPackage({ envName, env, outDir: mkdtempSync(path.join(tmp, 'out-')), manifestDir });
}

describe('the app package for a real deployment', () => {
  let result: BuildResult;
  let zip: AdmZip;
  let manifest: Json;
  let en: Json;
  beforeAll(async () => {
    result = await build('dev', DEV_ENV);
    expect(result.problems).toEqual([]);
    zip = new AdmZip(result.zipPath!);
    manifest = JSON.parse(zip.readAsText('manifest.json')) as Json;
    en = JSON.parse(zip.readAsText('en.json')) as Json;
  });

  it('is written as build/appPackage.<env>.zip with the manifest, both icons and the localisation file at its root', () => {
    expect(path.basename(result.zipPath!)).toBe('appPackage.dev.zip');
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    expect(zip.readFile('color.png')!.equals(readFileSync(path.join(MANIFEST_DIR, 'color.png')))).toBe(true);
  });

  it('uses the newest manifest version bundled with @microsoft/app-manifest, at least 1.24', () => {
    const newest = bundledManifestVersions().at(-1)!;
    expect(compareVersions(manifest.manifestVersion, '1.24')).toBeGreaterThanOrEqual(0);
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toContain(`/v${newest}/MicrosoftTeams.schema.json`);
    expect(en.$schema).toContain(`/v${newest}/MicrosoftTeams.Localization.schema.json`);
  });

  it('validates against the real bundled schema, read from disk (no network)', async () => {
    const file = bundledSchemaPath(manifest.$schema)!;
    expect(file).toContain(path.join('node_modules', '@microsoft', 'app-manifest'));
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema)).toEqual([]);
    expect(await validateAgainstBundledSchema(en, 'en.json')).toEqual([]);
  });

  it('has every placeholder replaced by the environment', () => {
    const text = zip.readAsText('manifest.json') + zip.readAsText('en.json');
    expect(text).not.toContain('${{');
    expect(manifest.id).toBe(APP);
    expect(manifest.bots[0].botId).toBe(BOT);
    expect(manifest.validDomains).toEqual(['samverkan.example.se']);
    expect(manifest.developer.name).toBe('Exempelby kommun');
    expect(manifest.name.short).toBe('Samverkan');
    expect(manifest.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('asks for ChannelMessage.Read.Group so the consent gate hears every channel message, with webApplicationInfo for the bot', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({ name: 'ChannelMessage.Read.Group', type: 'Application' });
    expect(manifest.webApplicationInfo.id).toBe(BOT);
    expect(manifest.webApplicationInfo.resource).toBe(`api://botid-${BOT}`);
  });

  it('is a conversational bot in team, groupChat and personal scope, without files', () => {
    const bot = manifest.bots[0];
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('lists every command in personal chat, and in channels and group chats all but consent and digest', () => {
    const lists = manifest.bots[0].commandLists as { scopes: string[]; commands: { title: string }[] }[];
    const named = commandNamesByList(
      lists.map((l) => ({ scopes: l.scopes, titles: l.commands.map((c) => c.title) })),
      'sv',
    );
    const byScope = Object.fromEntries(named.map((l) => [l.scopes.join('+'), l.names]));
    expect(Object.keys(byScope).sort()).toEqual(['groupChat', 'personal', 'team']);
    // At most 10 a scope: the commands of SPEC §5; the later ones (§10, §11) are in help and the help card.
    expect(byScope.personal).toEqual([...COMMAND_NAMES].slice(0, 10));
    expect(byScope.team).toEqual(CHANNEL_COMMANDS);
    expect(byScope.groupChat).toEqual(CHANNEL_COMMANDS);
    for (const l of lists) expect(l.commands.length).toBeLessThanOrEqual(12);
  });

  it('uses only the command words of SPEC section 5: Swedish in the manifest, English in en.json', () => {
    const lists = manifest.bots[0].commandLists as { scopes: string[]; commands: { title: string }[] }[];
    const svWords = new Set(COMMAND_NAMES.map((n) => COMMAND_WORDS[n].sv));
    const enWords = new Set(COMMAND_NAMES.map((n) => COMMAND_WORDS[n].en));
    const sv = lists.flatMap((l) => l.commands.map((c) => c.title));
    const english = localizedTitles(en, lists).flatMap((l) => l.titles);
    expect(sv.length).toBeGreaterThan(0);
    for (const w of sv) expect(svWords, w).toContain(w);
    for (const w of english) expect(enWords, w).toContain(w);
    expect(new Set(sv)).toEqual(
      new Set(['hjälp', 'grupp', 'boka', 'möten', 'dagordning', 'protokoll', 'översyn', 'samtycke', 'sammanfattning', 'språk']),
    );
  });

  it('lists the same commands in the same order in both languages, each with a description', () => {
    const lists = manifest.bots[0].commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    const sv = commandNamesByList(
      lists.map((l) => ({ scopes: l.scopes, titles: l.commands.map((c) => c.title) })),
      'sv',
    );
    const english = commandNamesByList(localizedTitles(en, lists), 'en');
    expect(english).toEqual(sv);
    lists.forEach((l, i) =>
      l.commands.forEach((c, j) => {
        expect(c.description.length).toBeGreaterThan(10);
        expect(String(en[`bots[0].commandLists[${i}].commands[${j}].description`]).length).toBeGreaterThan(10);
      }),
    );
    const translated = Object.keys(en).filter((k) => k.startsWith('bots[0]'));
    expect(translated.length).toBe(lists.reduce((n, l) => n + 2 * l.commands.length, 0));
  });

  it('tells admins in both languages what it reads, why, and that it stores no message text, only keyed hashes', () => {
    const sv = manifest.description.full as string;
    const english = en['description.full'] as string;
    expect(sv).toMatch(/läser varje meddelande/);
    expect(sv).toMatch(/ChannelMessage\.Read\.Group/);
    expect(sv).toMatch(/samtycke/);
    expect(sv).toMatch(/ingen text/);
    expect(sv).toMatch(/nyckelhash/);
    expect(english).toMatch(/reads every message/);
    expect(english).toMatch(/ChannelMessage\.Read\.Group/);
    expect(english).toMatch(/consent/);
    expect(english).toMatch(/no text/);
    expect(english).toMatch(/keyed hashes/);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(en['description.short'].length).toBeLessThanOrEqual(80);
  });

  it('defaults to Swedish and gives English users (any en-* locale) the English file', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'sv-se',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
  });
});

describe('the local app package', () => {
  it('builds from env/.env.local with a placeholder bot id, and says so', async () => {
    const env = parseEnvFile(readFileSync(path.join(ROOT, 'env', '.env.local'), 'utf8'));
    expect(env.BOT_ID).toBe('');
    const result = await build('local', env);
    expect(result.problems).toEqual([]);
    expect(result.notes.join('\n')).toContain(`BOT_ID: not set`);
    const manifest = result.manifest as Json;
    expect(manifest.bots[0].botId).toBe(LOCAL_PLACEHOLDER_IDS.BOT_ID);
    expect(manifest.webApplicationInfo.id).toBe(LOCAL_PLACEHOLDER_IDS.BOT_ID);
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('Samverkanlocal');
    expect(manifest.validDomains).toEqual(['127.0.0.1:3978']);
  });
});

describe('a broken app package is refused with a message naming the problem', () => {
  it('a 13th command in a list', async () => {
    const dir = manifestCopy((_, m) => {
      const list = m.bots[0].commandLists[0];
      while (list.commands.length < 13) list.commands.push({ title: 'hjälp', description: 'x' });
    });
    const result = await build('dev', DEV_ENV, dir);
    expect(result.ok).toBe(false);
    expect(result.zipPath).toBeUndefined();
    expect(result.problems.join('\n')).toMatch(
      /manifest\.json: schema: \/bots\/0\/commandLists\/0\/commands must NOT have more than 12 items/,
    );
  });

  it('a missing icon', async () => {
    const dir = manifestCopy();
    unlinkSync(path.join(dir, 'outline.png'));
    const result = await build('dev', DEV_ENV, dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.stringMatching(/^icons\.outline: outline\.png does not exist/));
  });

  it('an app id or bot id that is not a GUID', async () => {
    const result = await build('dev', { ...DEV_ENV, TEAMS_APP_ID: 'samverkan', BOT_ID: '1234' });
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.stringMatching(/^TEAMS_APP_ID: "samverkan" is not a GUID/));
    expect(result.problems).toContainEqual(expect.stringMatching(/^BOT_ID: "1234" is not a GUID/));
  });

  it('a variable with no value outside local (no placeholder ids there)', async () => {
    const { BOT_ID: _bot, BOT_DOMAIN: _domain, ...env } = DEV_ENV;
    const result = await build('dev', env);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.stringMatching(/^BOT_ID: not set; set it in env\/\.env\.dev/));
    expect(result.problems).toContainEqual(expect.stringMatching(/^BOT_DOMAIN: not set; the manifest uses \$\{\{BOT_DOMAIN\}\}/));
  });

  it('a placeholder the environment does not know', async () => {
    const dir = manifestCopy((_, m) => {
      m.developer.mpnId = '${{MPN_ID}}';
    });
    const result = await build('dev', DEV_ENV, dir);
    expect(result.problems).toContainEqual(expect.stringMatching(/^MPN_ID: not set/));
  });

  it('a bot domain given as a URL', async () => {
    const result = await build('dev', { ...DEV_ENV, BOT_DOMAIN: 'https://samverkan.example.se/api' });
    expect(result.problems).toContainEqual(expect.stringMatching(/^BOT_DOMAIN: .* without https:\/\//));
  });

  it('a manifest version older than 1.24', async () => {
    const dir = manifestCopy((_, m) => {
      m.manifestVersion = '1.23';
      m.$schema = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.23/MicrosoftTeams.schema.json';
    });
    const result = await build('dev', DEV_ENV, dir);
    expect(result.problems).toContainEqual(expect.stringMatching(/^manifestVersion: 1\.23; this app needs 1\.24 or later/));
    expect(result.problems).toContainEqual(expect.stringMatching(/^en\.json: \$schema is for manifest 1\.30, the manifest is 1\.23/));
  });

  it('a schema that is not bundled (it would need the network)', async () => {
    const dir = manifestCopy((_, m) => {
      m.$schema = 'https://example.org/teams/v9.99/MicrosoftTeams.schema.json';
    });
    const result = await build('dev', DEV_ENV, dir);
    expect(result.problems).toContainEqual(
      expect.stringMatching(/manifest\.json: \$schema .* is not bundled with @microsoft\/app-manifest/),
    );
  });

  it('a localisation file the localisation schema refuses', async () => {
    const dir = manifestCopy((d) => {
      const file = path.join(d, 'en.json');
      const en = JSON.parse(readFileSync(file, 'utf8')) as Json;
      en['name.short'] = 'Samverkan between social services and schools';
      en['bots[0].commandLists[0].commands[12].title'] = 'help';
      writeFileSync(file, JSON.stringify(en));
    });
    const result = await build('dev', DEV_ENV, dir);
    const text = result.problems.join('\n');
    expect(text).toMatch(/en\.json: schema: \/name\.short must NOT have more than 30 characters/);
    expect(text).toMatch(/en\.json: schema: .*must NOT have additional properties/);
  });

  it('a command word that is not one of ours, or a language that lists other commands', async () => {
    const dir = manifestCopy((d, m) => {
      m.bots[0].commandLists[1].commands[0].title = 'hej';
      const file = path.join(d, 'en.json');
      const en = JSON.parse(readFileSync(file, 'utf8')) as Json;
      en['bots[0].commandLists[2].commands[1].title'] = 'meetings';
      writeFileSync(file, JSON.stringify(en));
    });
    const result = await build('dev', DEV_ENV, dir);
    const text = result.problems.join('\n');
    expect(text).toMatch(/manifest\.json: bots\[0\]\.commandLists\[1\]\.commands\[0\]\.title "hej" is not a sv command word/);
    expect(text).toMatch(/en\.json: lists other commands than manifest\.json/);
  });

  it('no RSC permission, or webApplicationInfo for another app', async () => {
    const dir = manifestCopy((_, m) => {
      m.authorization.permissions.resourceSpecific = m.authorization.permissions.resourceSpecific.filter(
        (p: Json) => p.name !== 'ChannelMessage.Read.Group',
      );
      m.webApplicationInfo.id = '11111111-2222-4333-8444-555555555555';
    });
    const result = await build('dev', DEV_ENV, dir);
    const text = result.problems.join('\n');
    expect(text).toMatch(/ChannelMessage\.Read\.Group \(Application\) is missing/);
    expect(text).toMatch(/webApplicationInfo\.id \(11111111-2222-4333-8444-555555555555\) must be the bot id/);
  });
});

describe('the icons', () => {
  it('are 192×192 (colour) and 32×32 (outline) PNGs', () => {
    expect(readPngInfo(readFileSync(path.join(MANIFEST_DIR, 'color.png')))).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(readFileSync(path.join(MANIFEST_DIR, 'outline.png')))).toMatchObject({ width: 32, height: 32 });
    expect(checkIcons({ icons: { color: 'color.png', outline: 'outline.png' } }, MANIFEST_DIR)).toEqual([]);
  });

  it('colour icon: a solid, opaque background with the blue and green mark', () => {
    const img = decodePng(readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    const px = (x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
    expect(img.data.filter((_, i) => i % 4 === 3 && img.data[i] !== 255).length).toBe(0);
    expect(px(0, 0)).toEqual(px(191, 191));
    const [r, g, b] = px(96 - 40, 96); // inside the left circle: blue
    expect(b).toBeGreaterThan(r! + 60);
    const [r2, g2, b2] = px(96 + 40, 96); // inside the right circle: green
    expect(g2).toBeGreaterThan(Math.max(r2!, b2!));
    expect(g).toBeGreaterThan(0);
    expect(px(96, 96)).toEqual([255, 255, 255, 255]); // the shared part
  });

  it('outline icon: only white pixels, on transparency, with smooth (anti-aliased) edges', () => {
    const img = decodePng(readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
    const alphas = new Set<number>();
    const notWhite: string[] = [];
    for (let i = 0; i < img.width * img.height; i++) {
      const [r, g, b, a] = img.data.subarray(i * 4, i * 4 + 4);
      alphas.add(a!);
      if (a! > 0 && (r !== 255 || g !== 255 || b !== 255)) notWhite.push(`${i % 32},${Math.floor(i / 32)}`);
    }
    expect(notWhite).toEqual([]);
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('a coloured, opaque or wrongly sized outline icon is refused', () => {
    const dir = mkdtempSync(path.join(tmp, 'icons-'));
    const bad: Image = outlineIcon();
    bad.data.set([200, 30, 30, 255], (16 * 32 + 4) * 4);
    writeFileSync(path.join(dir, 'outline.png'), encodePng(bad));
    writeFileSync(path.join(dir, 'color.png'), encodePng(outlineIcon()));
    const problems = checkIcons({ icons: { color: 'color.png', outline: 'outline.png' } }, dir);
    expect(problems).toContainEqual('icons.color: color.png is 32×32; Teams needs 192×192');
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^icons\.outline: outline\.png must be white on transparent; 1 pixel\(s\) are not white, e\.g\. \(4, 16\) is rgba\(200, 30, 30, 255\)/,
      ),
    );

    const opaque = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(255) };
    writeFileSync(path.join(dir, 'outline.png'), encodePng(opaque));
    expect(checkIcons({ icons: { outline: 'outline.png' } }, dir)).toEqual([
      'icons.outline: outline.png has no transparent pixel; the background must be transparent',
    ]);
  });

  it('the committed PNGs are what scripts/make-icons.ts draws', () => {
    for (const [file, image] of [
      ['color.png', colorIcon()],
      ['outline.png', outlineIcon()],
    ] as const) {
      const committed = decodePng(readFileSync(path.join(MANIFEST_DIR, file)));
      expect(committed.width).toBe(image.width);
      expect(Buffer.from(committed.data).equals(Buffer.from(image.data)), `${file}: run npx tsx scripts/make-icons.ts`).toBe(true);
    }
  });

  it('PNG encoding: the standard CRC-32, and decoding gives back every pixel', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
    const img: Image = {
      width: 3,
      height: 2,
      data: Uint8Array.from([1, 2, 3, 4, 250, 0, 9, 128, 7, 7, 7, 0, 255, 255, 255, 255, 0, 0, 0, 0, 10, 200, 30, 40]),
    };
    expect(decodePng(encodePng(img))).toEqual(img);
  });
});

describe('environment for packaging', () => {
  it('reads KEY=VALUE lines, skips # comments and blank lines, drops quotes', () => {
    expect(parseEnvFile('# comment\n\nA=1\n B = two words \nC="quoted # not a comment"\nD=\nnot a line\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'quoted # not a comment',
      D: '',
    });
  });

  it('--env picks the file, then ENV_NAME, then local', () => {
    expect(parseArgs([], {}).envName).toBe('local');
    expect(parseArgs([], { ENV_NAME: 'dev' }).envName).toBe('dev');
    expect(parseArgs(['--env', 'prod'], { ENV_NAME: 'dev' }).envName).toBe('prod');
    expect(parseArgs(['--env=test'], {}).envName).toBe('test');
    expect(() => parseArgs(['--env', '../x'], {})).toThrow(/--env/);
  });

  it('env/.env.dev.sample documents every variable the manifest uses', () => {
    const templates = [
      readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'),
      readFileSync(path.join(MANIFEST_DIR, 'en.json'), 'utf8'),
    ].map((t) => JSON.parse(t));
    const used = [...placeholdersIn(templates)];
    const sample = parseEnvFile(readFileSync(path.join(ROOT, 'env', '.env.dev.sample'), 'utf8'));
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) expect(Object.keys(sample), name).toContain(name);
  });
});
