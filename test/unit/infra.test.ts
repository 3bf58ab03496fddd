import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { envSchema, parseConfig, parseEnvFile } from '../../src/config';
import { organisationFile, RUNTIME_PATHS, stage } from '../../infra/stage-deploy';

/**
 * The Agents Toolkit project (m365agents.yml, m365agents.local.yml), the Bicep
 * in infra/ and env/.env.dev.sample against each other and src/config.ts. No
 * Bicep compiler runs here, so the Bicep is read with a few regular
 * expressions: enough for its declarations (param, output, module) and the
 * App Service's appSettings, which is all these checks need.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

// ------------------------------------------------------------- Bicep reading

interface BicepParam {
  name: string;
  hasDefault: boolean;
  defaultValue?: string;
  minLength?: number;
}

/** Strips // comments outside strings (Bicep strings are single-quoted). */
function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === "'") inString = !inString;
        else if (!inString && line[i] === '/' && line[i + 1] === '/') return line.slice(0, i).trimEnd();
      }
      return line;
    })
    .join('\n');
}

/** The text between the bracket at `open` and its match, strings skipped. */
function bracketBody(text: string, open: number): string {
  const pairs: Record<string, string> = { '{': '}', '[': ']' };
  const stack: string[] = [];
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") inString = !inString;
    if (inString) continue;
    if (c in pairs) stack.push(pairs[c]!);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (!stack.length) return text.slice(open + 1, i);
    }
  }
  throw new Error(`unbalanced bracket at ${open}`);
}

function parseBicep(raw: string) {
  const text = stripComments(raw);
  const params = new Map<string, BicepParam>();
  // Decorators sit on the lines above their param.
  const lines = text.split('\n');
  let minLength: number | undefined;
  for (const line of lines) {
    const min = /^\s*@minLength\((\d+)\)/.exec(line);
    if (min) minLength = Number(min[1]);
    const p = /^\s*param\s+(\w+)\s+\w+(?:\s*=\s*(.+))?$/.exec(line);
    if (p) {
      params.set(p[1]!, { name: p[1]!, hasDefault: p[2] !== undefined, defaultValue: p[2]?.trim(), minLength });
      minLength = undefined;
    } else if (/^\s*(resource|var|output|module)\s/.test(line)) minLength = undefined;
  }
  const outputs = new Set([...text.matchAll(/^\s*output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]!));
  const modules = [...text.matchAll(/^\s*module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)].map((m) => {
    const body = bracketBody(text, m.index! + m[0].length - 1);
    const at = /\bparams:\s*\{/.exec(body);
    const given = at ? [...bracketBody(body, at.index + at[0].length - 1).matchAll(/^\s*(\w+):/gm)].map((g) => g[1]!) : [];
    return { symbol: m[1]!, file: m[2]!, params: given };
  });
  const moduleOutputs = [...text.matchAll(/\b(\w+)\.outputs\.(\w+)/g)].map((m) => ({ symbol: m[1]!, output: m[2]! }));
  const settings: { name: string; value: string }[] = [];
  const at = /\bappSettings:\s*\[/.exec(text);
  if (at) {
    const body = bracketBody(text, at.index + at[0].length - 1);
    for (const m of body.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+)/g)) settings.push({ name: m[1]!, value: m[2]!.trim() });
  }
  const prop = (name: string, within = text) => new RegExp(`\\b${name}:\\s*([^\\n]+)`).exec(within)?.[1]?.trim();
  /** The body of `resource <symbol> '<type>' = {...}`. */
  const resource = (symbol: string) => {
    const m = new RegExp(`^\\s*resource\\s+${symbol}\\s+'[^']+'\\s*=\\s*\\{`, 'm').exec(text);
    return m ? bracketBody(text, m.index + m[0].length - 1) : '';
  };
  return { params, outputs, modules, moduleOutputs, settings, prop, resource, text };
}

type Bicep = ReturnType<typeof parseBicep>;

/** The Bicep file at `rel` and every module it uses, by repository path. */
function loadBicepTree(rel: string, files: Map<string, string> = new Map()): Map<string, Bicep> {
  const out = new Map<string, Bicep>();
  const visit = (file: string) => {
    if (out.has(file)) return;
    const b = parseBicep(files.get(file) ?? read(file));
    out.set(file, b);
    for (const m of b.modules) visit(path.posix.join(path.posix.dirname(file), m.file));
  };
  visit(rel);
  return out;
}

/** Problems between a Bicep file, its modules and the parameters handed to it. */
function checkBicep(tree: Map<string, Bicep>, rel: string, given: string[]): string[] {
  const problems: string[] = [];
  const check = (file: string, passed: string[], by: string) => {
    const b = tree.get(file)!;
    for (const p of passed) if (!b.params.has(p)) problems.push(`${by} passes ${p}, which ${file} does not declare as a param`);
    for (const p of b.params.values())
      if (!p.hasDefault && !passed.includes(p.name)) problems.push(`${file} needs param ${p.name}; ${by} does not pass it`);
    for (const m of b.modules) {
      const target = path.posix.join(path.posix.dirname(file), m.file);
      check(target, m.params, `${file} (module ${m.symbol})`);
    }
    for (const r of b.moduleOutputs) {
      const m = b.modules.find((x) => x.symbol === r.symbol);
      if (!m) continue;
      const target = path.posix.join(path.posix.dirname(file), m.file);
      if (!tree.get(target)!.outputs.has(r.output))
        problems.push(`${file} reads ${r.symbol}.outputs.${r.output}, which ${target} does not declare`);
    }
  };
  check(rel, given, 'the parameters file');
  return problems;
}

// -------------------------------------------------------------- yml reading

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

const STAGES = ['provision', 'deploy', 'publish'] as const;
const placeholders = (value: unknown) => [...JSON.stringify(value ?? null).matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

/** Variables of the env/ sample file, commented or not, and those under a "Written by atk" heading. */
function readSample(text: string) {
  const all = new Set<string>();
  const written = new Set<string>();
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const heading = /^#\s*----\s*(.+?)\s*----/.exec(line);
    if (heading) section = heading[1]!;
    const v = /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (!v) continue;
    all.add(v[1]!);
    if (/^Written by atk/i.test(section)) written.add(v[1]!);
  }
  return { all, written };
}

interface ProjectFiles {
  yml: string;
  sample: string;
  files?: Map<string, string>;
}

/** Every ${{VAR}} the project reads is set by the user (sample), or written by an earlier step; every "written" variable is written. */
function checkProject({ yml, sample, files = new Map() }: ProjectFiles): string[] {
  const problems: string[] = [];
  const doc = YAML.parse(yml) as Record<string, Step[] | unknown>;
  const env = readSample(sample);
  const userSet = new Set([...env.all].filter((v) => !env.written.has(v)));
  const producedAnywhere = new Set<string>();
  const fileText = (rel: string) => files.get(rel) ?? read(rel);
  const readsOf = (step: Step): string[] => {
    const names = placeholders(step.with);
    if (step.uses === 'arm/deploy') {
      for (const t of (step.with?.templates ?? []) as { parameters: string }[])
        names.push(...placeholders(fileText(path.posix.normalize(t.parameters))));
    }
    if (typeof step.with?.manifestPath === 'string') {
      const manifestRel = path.posix.normalize(step.with.manifestPath);
      const manifest = JSON.parse(fileText(manifestRel)) as { localizationInfo?: { additionalLanguages?: { file: string }[] } };
      names.push(...placeholders(manifest));
      for (const l of manifest.localizationInfo?.additionalLanguages ?? [])
        names.push(...placeholders(JSON.parse(fileText(path.posix.join(path.posix.dirname(manifestRel), l.file)))));
    }
    return names;
  };
  const writesOf = (step: Step): string[] => {
    const names = Object.values(step.writeToEnvironmentFile ?? {});
    if (step.uses === 'arm/deploy') {
      for (const t of (step.with?.templates ?? []) as { path: string }[]) {
        const rel = path.posix.normalize(t.path);
        names.push(...loadBicepTree(rel, files).get(rel)!.outputs);
      }
    }
    return names;
  };
  for (const stage of STAGES) for (const step of (doc[stage] ?? []) as Step[]) for (const w of writesOf(step)) producedAnywhere.add(w);
  // Provision persists what it writes to env/.env.<env>; deploy and publish run later and read it.
  for (const stage of STAGES) {
    const known = new Set([...userSet, ...(stage === 'provision' ? [] : producedAnywhere)]);
    for (const step of (doc[stage] ?? []) as Step[]) {
      for (const name of readsOf(step))
        if (!known.has(name))
          problems.push(`${stage}: ${step.uses} reads \${{${name}}}, which no earlier step writes and env/.env.dev.sample does not list`);
      for (const w of writesOf(step)) known.add(w);
    }
  }
  for (const name of env.written)
    if (!producedAnywhere.has(name))
      problems.push(`env/.env.dev.sample says atk provision writes ${name}, but no step or Bicep output does`);
  return problems;
}

/**
 * The inputs of the toolkit actions this project uses, as the toolkit's yml
 * schema v1.11 declares them (required first, then optional): a misspelt or
 * missing input is caught here rather than by `atk provision` in a tenant.
 */
const ACTIONS: Record<string, { required: string[]; optional: string[]; writes?: string[] }> = {
  'teamsApp/create': { required: ['name'], optional: [], writes: ['teamsAppId'] },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  'teamsApp/validateManifest': { required: ['manifestPath'], optional: [] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'], optional: [] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], optional: [] },
  'teamsApp/update': { required: ['appPackagePath'], optional: [] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], optional: [], writes: ['publishedAppId'] },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  script: { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
};
const TEMPLATE_KEYS = { required: ['deploymentName', 'path'], optional: ['parameters'] };
const STEP_KEYS = ['uses', 'name', 'env', 'with', 'writeToEnvironmentFile'];
const TOP_KEYS = ['version', 'environmentFolderPath', 'projectId', 'additionalMetadata', 'provision', 'deploy', 'publish', 'share'];

function checkActions(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const keys = (o: unknown) => Object.keys((o ?? {}) as object);
  const inputs = (where: string, given: unknown, spec: { required: string[]; optional: string[] }) => {
    for (const k of keys(given)) if (![...spec.required, ...spec.optional].includes(k)) problems.push(`${where}: unknown input ${k}`);
    for (const k of spec.required) if (!keys(given).includes(k)) problems.push(`${where}: missing input ${k}`);
  };
  for (const k of keys(doc)) if (!TOP_KEYS.includes(k)) problems.push(`unknown top-level key ${k}`);
  for (const stage of STAGES)
    for (const [i, step] of ((doc[stage] ?? []) as Step[]).entries()) {
      const where = `${stage}[${i}] ${step.uses}`;
      const spec = ACTIONS[step.uses];
      if (!spec) {
        problems.push(`${where}: not an action this check knows`);
        continue;
      }
      for (const k of keys(step)) if (!STEP_KEYS.includes(k)) problems.push(`${where}: unknown key ${k}`);
      inputs(where, step.with, spec);
      for (const k of keys(step.writeToEnvironmentFile)) if (!(spec.writes ?? []).includes(k)) problems.push(`${where}: cannot write ${k}`);
      for (const v of Object.values(step.writeToEnvironmentFile ?? {}))
        if (!/^[A-Z][A-Z0-9_]*$/.test(v)) problems.push(`${where}: ${v} is no env name`);
      if (step.uses === 'arm/deploy')
        for (const t of (step.with?.templates ?? []) as unknown[]) inputs(`${where} template`, t, TEMPLATE_KEYS);
    }
  return problems;
}

// ---------------------------------------------------- App Service settings

/** Read by Azure itself, not by src/config.ts. */
const PLATFORM_SETTINGS: Record<string, string> = {
  WEBSITE_RUN_FROM_PACKAGE: 'App Service runs the site from the deployed zip',
  APPLICATIONINSIGHTS_CONNECTION_STRING: "App Service's monitoring and the Azure Monitor OpenTelemetry exporter (issue 20, item 3)",
};

/** Stand-ins for settings whose value is an expression only Azure can evaluate. */
const STAND_INS: Record<string, string> = {
  BOT_ID: '3f2a9c4e-1b7d-4e2a-8c5f-9d0e1a2b3c4d',
  BOT_TENANT_ID: '8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6',
  ORG_CONFIG: '/home/site/wwwroot/organisation/kommun.yaml',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
};

/** The environment the App Service gets, as near as can be told without Azure. */
function appServiceEnv(b: Bicep): { env: Record<string, string>; problems: string[] } {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  for (const { name, value } of b.settings) {
    const literal = /^'([^']*)'$/.exec(value);
    const param = b.params.get(value);
    if (literal) env[name] = literal[1]!.replace(/\$\{[^}]*\}/g, 'x');
    else if (param?.defaultValue && /^'[^'$]*'$/.test(param.defaultValue)) env[name] = param.defaultValue.slice(1, -1);
    else if (param && !param.hasDefault) env[name] = 'k'.repeat(param.minLength ?? 1);
    else if (name in STAND_INS) env[name] = STAND_INS[name]!;
    else problems.push(`${name}: its value (${value}) needs a stand-in in STAND_INS`);
  }
  return { env, problems };
}

// ------------------------------------------------------------------- tests

describe('the Agents Toolkit project and infra/', () => {
  const yml = read('m365agents.yml');
  const project = YAML.parse(yml) as Record<string, Step[]>;
  const sample = read('env/.env.dev.sample');
  const steps = (stage: string) => (project[stage] ?? []) as Step[];
  const arm = steps('provision').find((s) => s.uses === 'arm/deploy')!;
  const template = (arm.with!.templates as { path: string; parameters: string }[])[0]!;
  const templateRel = path.posix.normalize(template.path);
  const tree = loadBicepTree(templateRel);
  const main = tree.get(templateRel)!;

  it('both yml files are toolkit projects over ./env, with the stages the bot templates have', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const doc = YAML.parse(read(file)) as Record<string, unknown>;
      expect(doc.version, file).toMatch(/^v\d+\.\d+$/);
      expect(doc.environmentFolderPath, file).toBe('./env');
      for (const stage of STAGES)
        for (const step of (doc[stage] ?? []) as Step[]) expect(step.uses, `${file} ${stage}`).toMatch(/^[\w/]+$/);
    }
    expect(steps('provision').map((s) => s.uses)).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(steps('deploy').at(-1)!.uses).toBe('azureAppService/zipDeploy');
  });

  it('every step is a toolkit action with the inputs the toolkit schema (v1.11) gives it', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const doc = YAML.parse(read(file)) as Record<string, unknown>;
      expect(doc.version, file).toBe('v1.11');
      expect(checkActions(doc), file).toEqual([]);
    }
  });

  it('every parameter the yml passes is a param of the Bicep, and every param without a default is passed (modules too)', () => {
    expect(existsSync(path.join(ROOT, templateRel))).toBe(true);
    const parameters = JSON.parse(read(path.posix.normalize(template.parameters))) as { parameters: Record<string, unknown> };
    const given = Object.keys(parameters.parameters);
    expect(given.length).toBeGreaterThan(3);
    expect(checkBicep(tree, templateRel, given)).toEqual([]);
    expect(tree.size).toBeGreaterThan(1); // the bot registration module was read
  });

  it('every ${{VAR}} the yml, the parameters and the manifest read is set in env/.env.dev.sample or written by an earlier step (Bicep outputs included)', () => {
    expect(checkProject({ yml, sample })).toEqual([]);
    // What deploy and the manifest need from provisioning is declared as Bicep outputs.
    for (const name of ['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'BOT_DOMAIN']) expect([...main.outputs]).toContain(name);
  });

  it('the local project reads only what env/.env.local sets or the toolkit gives', () => {
    const local = YAML.parse(read('m365agents.local.yml')) as Record<string, Step[]>;
    const localEnv = Object.keys(parseEnvFile(read('env/.env.local')));
    for (const stage of STAGES)
      for (const step of local[stage] ?? [])
        for (const name of placeholders(step.with)) expect(['TEAMSFX_ENV', ...localEnv], name).toContain(name);
  });

  it('the teamsApp steps use the real manifest, and the package they validate and upload is the one they zip', () => {
    for (const stage of ['provision', 'publish']) {
      const s = steps(stage);
      for (const step of s.filter((x) => typeof x.with?.manifestPath === 'string')) {
        expect(step.with!.manifestPath).toBe('./manifest/manifest.json');
        expect(existsSync(path.join(ROOT, step.with!.manifestPath as string))).toBe(true);
      }
      const zip = s.find((x) => x.uses === 'teamsApp/zipAppPackage')!.with!;
      expect(zip.outputZipPath).toBe('./build/appPackage.${{TEAMSFX_ENV}}.zip'); // where npm run package writes it too, git-ignored
      expect(zip.outputFolder).toBe('./build');
      for (const step of s.filter((x) => x.with?.appPackagePath !== undefined))
        expect(step.with!.appPackagePath, step.uses).toBe(zip.outputZipPath);
    }
    expect(read('.gitignore')).toMatch(/^build\/$/m);
  });

  it('deploy stages with infra/stage-deploy.ts and zip-deploys that folder to the App Service the Bicep outputs', () => {
    const deploy = steps('deploy');
    const script = deploy.find((s) => s.uses === 'script')!;
    expect(script.with!.run).toMatch(/^npx tsx infra\/stage-deploy\.ts --org "\$\{\{ORG_CONFIG\}\}"$/);
    const zip = deploy.find((s) => s.uses === 'azureAppService/zipDeploy')!.with!;
    expect(zip.artifactFolder).toBe('./build/deploy');
    expect(zip.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(deploy.map((s) => s.with?.args)).toContain('run build');
    // atk runs npm with the env file's variables: NODE_ENV=production there makes a bare npm ci skip the build tools.
    const install = deploy.find((s) => s.uses === 'cli/runNpmCommand' && /^ci\b/.test(String(s.with?.args)))!;
    expect(parseEnvFile(sample).NODE_ENV).toBe('production');
    expect(install.with!.args).toMatch(/--include=dev\b/);
    expect(deploy.indexOf(install)).toBeLessThan(deploy.indexOf(script));
  });

  it('every setting the Bicep puts on the App Service is a variable src/config.ts reads (or one Azure reads)', () => {
    const known = new Set([...Object.keys(envSchema.shape), ...Object.keys(PLATFORM_SETTINGS)]);
    expect(main.settings.length).toBeGreaterThan(10);
    for (const s of main.settings) expect([...known], s.name).toContain(s.name);
  });

  it('those settings start the bot in production: src/config.ts accepts them, with a managed identity and no password', () => {
    const { env, problems } = appServiceEnv(main);
    expect(problems).toEqual([]);
    const result = parseConfig(env);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.config.production).toBe(true);
    expect(result.config.BOT_TYPE).toBe('UserAssignedMSI');
    expect(result.config.anonymous).toBe(false);
    expect(result.config.HOST).toBe('0.0.0.0');
    // The Azure Bot uses the same identity and the same app type.
    const bot = tree.get('infra/botRegistration/azurebot.bicep')!;
    expect(bot.prop('msaAppType')).toBe("'UserAssignedMSI'");
    expect(bot.prop('msaAppId')).toBe('identityClientId');
    expect(main.modules[0]!.params).toContain('identityClientId');
    expect(main.text).toMatch(/identityClientId:\s*identity\.properties\.clientId/);
    expect(main.text).toMatch(/name: 'BOT_ID'\s*\n\s*value: identity\.properties\.clientId/);
  });

  it('the App Service is Linux, Always On, on a Node LTS package.json allows, and runs dist/index.js (not the local npm start)', () => {
    const plan = main.resource('serverfarm');
    const site = main.resource('webApp');
    expect(main.prop('kind', plan)).toBe("'linux'");
    expect(main.prop('reserved', plan)).toBe('true');
    expect(main.prop('kind', site)).toBe("'app,linux'");
    expect(main.prop('serverFarmId', site)).toBe('serverfarm.id');
    expect(main.prop('alwaysOn', site)).toBe('true');
    expect(main.prop('linuxFxVersion', site)).toBe('linuxFxVersion');
    const fx = /^'NODE\|(\d+)-lts'$/.exec(main.params.get('linuxFxVersion')?.defaultValue ?? '');
    expect(fx).not.toBeNull();
    const major = Number(fx![1]);
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> };
    const [, low, high] = /^>=(\d+)\.\d+\s+<(\d+)$/.exec(pkg.engines.node)!;
    expect(major).toBeGreaterThanOrEqual(Number(low));
    expect(major).toBeLessThan(Number(high));
    expect(major % 2).toBe(0); // even majors are the LTS lines
    const command = main.prop('appCommandLine')!.slice(1, -1);
    expect(command).toBe(pkg.scripts.serve); // what npm run serve runs, without npm in between
  });

  it('the secrets the Bicep hands the App Service have the least lengths src/config.ts demands, no less', () => {
    const { env } = appServiceEnv(main);
    for (const [param, setting, least] of [
      ['identifierKey', 'IDENTIFIER_KEY', 32],
      ['adminToken', 'ADMIN_TOKEN', 24],
    ] as const) {
      const p = main.params.get(param)!;
      expect(main.settings.find((s) => s.name === setting)?.value).toBe(param);
      expect(p.hasDefault, param).toBe(false); // the toolkit leaves an empty ${{VAR}} unfilled: no empty default
      expect(p.minLength, param).toBe(least);
      // One shorter than the Bicep allows would be refused at start-up: the two agree.
      expect(parseConfig({ ...env, [setting]: 'k'.repeat(least) }).ok, setting).toBe(true);
      expect(parseConfig({ ...env, [setting]: 'k'.repeat(least - 1) }).ok, setting).toBe(false);
    }
  });

  it('env/.env.dev.sample lists every variable of the schema in src/config.ts', () => {
    const { all } = readSample(sample);
    const keys = Object.keys(envSchema.shape);
    expect(keys.length).toBeGreaterThan(20);
    const missing = keys.filter((k) => !all.has(k));
    expect(missing).toEqual([]);
  });

  it('stage-deploy ships what the running bot reads, and the organisation file ORG_CONFIG names', () => {
    for (const p of RUNTIME_PATHS.filter((x) => x !== 'dist')) expect(existsSync(path.join(ROOT, p)), p).toBe(true);
    expect(organisationFile('essunga')).toBeUndefined();
    expect(() => organisationFile('')).toThrow(/ORG_CONFIG is empty/);
    expect(() => organisationFile('kommun')).toThrow(/neither a preset/);
    expect(() => organisationFile('../elsewhere.yaml')).toThrow(/inside the repository/);
    expect(() => organisationFile('organisation/none.yaml')).toThrow(/no such file/);
    const root = mkdtempSync(path.join(os.tmpdir(), 'samverkan-stage-'));
    try {
      for (const p of ['dist', 'adaptive-cards', 'src/domain/organisation/presets', 'organisation'])
        mkdirSync(path.join(root, p), { recursive: true });
      for (const f of [
        'dist/index.js',
        'adaptive-cards/help.json',
        'src/domain/organisation/presets/essunga.yaml',
        'package.json',
        'package-lock.json',
      ])
        writeFileSync(path.join(root, f), '{}');
      writeFileSync(path.join(root, 'organisation', 'kommun.yaml'), 'name: Kommun\n');
      expect(organisationFile('./organisation/kommun.yaml', root)).toBe('organisation/kommun.yaml');
      const out = path.join(root, 'build', 'deploy');
      stage({ orgConfig: 'organisation/kommun.yaml', out, install: false, root });
      for (const f of [
        'dist/index.js',
        'adaptive-cards/help.json',
        'src/domain/organisation/presets/essunga.yaml',
        'organisation/kommun.yaml',
        'package.json',
      ])
        expect(existsSync(path.join(out, f)), f).toBe(true);
      // azure.bicep sets ORG_CONFIG to the same relative path under the site root.
      expect(main.text).toMatch(/contains\(orgConfig, '\.'\) \? '\$\{siteRoot\}\/\$\{orgConfig\}' : orgConfig/);
      expect(main.text).toMatch(/var siteRoot = '\/home\/site\/wwwroot'/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the checks themselves fail on a broken project', () => {
  const yml = read('m365agents.yml');
  const sample = read('env/.env.dev.sample');
  const mainText = read('infra/azure.bicep');

  it('a parameter the Bicep does not declare, or a required one not passed', () => {
    const files = new Map([['infra/azure.bicep', mainText.replace(/^param orgConfig string$/m, 'param orgConfigPath string')]]);
    const problems = checkBicep(loadBicepTree('infra/azure.bicep', files), 'infra/azure.bicep', [
      'resourceBaseName',
      'botDisplayName',
      'orgConfig',
      'identifierKey',
    ]);
    expect(problems).toContain('the parameters file passes orgConfig, which infra/azure.bicep does not declare as a param');
    expect(problems).toContain('infra/azure.bicep needs param orgConfigPath; the parameters file does not pass it');
  });

  it('a module output that is not declared, and a module param that does not exist', () => {
    const files = new Map([
      [
        'infra/azure.bicep',
        mainText
          .replace('botServiceResourceId', 'botId')
          .replace('botDisplayName: botDisplayName', "botDisplayName: botDisplayName\n    botSku: 'F0'"),
      ],
    ]);
    const problems = checkBicep(loadBicepTree('infra/azure.bicep', files), 'infra/azure.bicep', [
      'resourceBaseName',
      'botDisplayName',
      'orgConfig',
      'identifierKey',
    ]);
    expect(problems).toContain(
      'infra/azure.bicep reads azureBotRegistration.outputs.botId, which infra/botRegistration/azurebot.bicep does not declare',
    );
    expect(problems.some((p) => p.includes('passes botSku'))).toBe(true);
  });

  it('an output deploy reads that the Bicep no longer declares', () => {
    const files = new Map([['infra/azure.bicep', mainText.replace('output AZURE_APP_SERVICE_RESOURCE_ID', 'output APP_SERVICE_ID')]]);
    const problems = checkProject({ yml, sample, files });
    expect(problems).toContain(
      'deploy: azureAppService/zipDeploy reads ${{AZURE_APP_SERVICE_RESOURCE_ID}}, which no earlier step writes and env/.env.dev.sample does not list',
    );
    expect(problems).toContain(
      'env/.env.dev.sample says atk provision writes AZURE_APP_SERVICE_RESOURCE_ID, but no step or Bicep output does',
    );
  });

  it('a variable read before the step that writes it, and one nobody sets', () => {
    const moved = yml
      .replace('${{AZURE_RESOURCE_GROUP_NAME}}', '${{BOT_DOMAIN}}')
      .replace('Samverkan${{APP_NAME_SUFFIX}}', 'Samverkan${{NO_SUCH_VAR}}');
    const problems = checkProject({ yml: moved, sample });
    expect(problems.some((p) => p.startsWith('provision: arm/deploy reads ${{BOT_DOMAIN}}'))).toBe(true);
    expect(problems.some((p) => p.startsWith('provision: teamsApp/create reads ${{NO_SUCH_VAR}}'))).toBe(true);
  });

  it('an App Service setting src/config.ts does not know, and one it would refuse', () => {
    const b = parseBicep(mainText.replace("name: 'LOG_FORMAT'\n          value: 'json'", "name: 'LOG_FORMATS'\n          value: 'xml'"));
    const known = new Set([...Object.keys(envSchema.shape), ...Object.keys(PLATFORM_SETTINGS)]);
    expect(b.settings.map((s) => s.name).filter((n) => !known.has(n))).toEqual(['LOG_FORMATS']);
    const refused = parseBicep(mainText.replace("value: 'UserAssignedMSI'", "value: 'UserAssignedMsi'"));
    const result = parseConfig(appServiceEnv(refused).env);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^BOT_TYPE: /), expect.stringMatching(/^BOT_PASSWORD: /)]);
  });

  it('a misspelt action input, a missing one, and an output the action does not have', () => {
    const broken = yml
      .replace('artifactFolder: ./build/deploy', 'artefactFolder: ./build/deploy')
      .replace('deploymentName: Create-resources-for-samverkan', 'name: Create-resources-for-samverkan')
      .replace('teamsAppId: TEAMS_APP_ID', 'appId: TEAMS_APP_ID');
    expect(checkActions(YAML.parse(broken) as Record<string, unknown>)).toEqual([
      'provision[0] teamsApp/create: cannot write appId',
      'provision[1] arm/deploy template: unknown input name',
      'provision[1] arm/deploy template: missing input deploymentName',
      'deploy[3] azureAppService/zipDeploy: unknown input artefactFolder',
      'deploy[3] azureAppService/zipDeploy: missing input artifactFolder',
    ]);
  });

  it('a schema variable missing from the sample', () => {
    const { all } = readSample(sample.replace(/^# FANOUT_LEASE_MS=.*$/m, ''));
    expect(Object.keys(envSchema.shape).filter((k) => !all.has(k))).toEqual(['FANOUT_LEASE_MS']);
  });
});
