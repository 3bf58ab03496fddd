/**
 * Stages what App Service runs into build/deploy/ (m365agents.yml, deploy):
 *
 *   npx tsx infra/stage-deploy.ts --org <ORG_CONFIG> [--out build/deploy] [--skip-install]
 *
 * Copies the compiled code (dist/, from `npm run build`), the files it reads at
 * run time (card templates, organisation presets), package.json and the lock
 * file, and the organisation file when ORG_CONFIG is a path; then installs the
 * production dependencies only (`npm ci --omit=dev`: Azurite, the Playground,
 * tsx and the test tools stay behind). azure.bicep points ORG_CONFIG at the
 * same relative path under /home/site/wwwroot; a preset name is used as is.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isPresetName } from '../src/domain/organisation/load';

export const ROOT = path.resolve(__dirname, '..');

/** Repository paths the running bot needs besides its dependencies (src/paths.ts finds them from package.json). */
export const RUNTIME_PATHS = ['dist', 'adaptive-cards', 'src/domain/organisation/presets', 'package.json', 'package-lock.json'] as const;

/**
 * The organisation file to ship, as a repository-relative path, or undefined
 * for a preset name. Throws with one line on a value that cannot work.
 */
export function organisationFile(orgConfig: string, root: string = ROOT): string | undefined {
  const value = orgConfig.trim();
  if (!value)
    throw new Error('ORG_CONFIG is empty: set it in env/.env.<env> to a preset name or the organisation file (a path in the repository)');
  if (isPresetName(value)) return undefined;
  if (!value.includes('.'))
    throw new Error(
      `ORG_CONFIG "${value}" is neither a preset name nor a file name (azure.bicep tells them apart by the dot in .yaml, .yml or .json)`,
    );
  if (path.isAbsolute(value))
    throw new Error(`ORG_CONFIG "${value}" must be a path relative to the repository root, so it can be deployed`);
  const rel = path.normalize(value);
  if (rel.startsWith('..')) throw new Error(`ORG_CONFIG "${value}" must be inside the repository`);
  if (!existsSync(path.join(root, rel))) throw new Error(`ORG_CONFIG "${value}": no such file under ${root}`);
  return rel.split(path.sep).join('/');
}

export function stage(opts: { orgConfig: string; out: string; install: boolean; root?: string }): string[] {
  const root = opts.root ?? ROOT;
  const org = organisationFile(opts.orgConfig, root);
  const paths: string[] = [...RUNTIME_PATHS, ...(org ? [org] : [])];
  const missing = paths.filter((p) => !existsSync(path.join(root, p)));
  if (missing.length) throw new Error(`cannot stage, missing: ${missing.join(', ')} (run npm run build first for dist)`);
  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });
  for (const p of paths) cpSync(path.join(root, p), path.join(opts.out, p), { recursive: true });
  if (opts.install) {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: opts.out,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  }
  return paths;
}

function main(argv: string[]): number {
  let orgConfig = process.env.ORG_CONFIG ?? '';
  let out = path.join(ROOT, 'build', 'deploy');
  let install = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--org' && i + 1 < argv.length) orgConfig = argv[++i]!;
    else if (a === '--out' && i + 1 < argv.length) out = path.resolve(argv[++i]!);
    else if (a === '--skip-install') install = false;
    else {
      console.error(`unknown argument ${a} (use --org <ORG_CONFIG>, --out <dir>, --skip-install)`);
      return 2;
    }
  }
  try {
    const paths = stage({ orgConfig, out, install });
    console.log(
      `Staged ${paths.join(', ')}${install ? ' and the production dependencies' : ''} in ${path.relative(process.cwd(), out) || '.'}`,
    );
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}

if (/stage-deploy\.ts$/.test(process.argv[1] ?? '')) process.exitCode = main(process.argv.slice(2));
