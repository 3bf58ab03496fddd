import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOrganisation, type ParseResult } from './parse';
import { projectRoot } from '../../paths';

/**
 * The only part of the organisation domain that touches the disk: reads an
 * organisation file or a shipped preset. Presets live next to this file in
 * src/domain/organisation/presets; found from the project root (the folder
 * with package.json), so this works from src/ under tsx and from dist/.
 */
export const PRESET_NAMES = ['essunga', 'overenskommelse-2020', 'gnesta', 'lekeberg', 'oxelosund', 'local-demo'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The preset `npm start` uses when ORG_CONFIG is not set (src/local.ts); every other start-up requires ORG_CONFIG. */
export const DEFAULT_PRESET: PresetName = 'local-demo';

let presetsDir: string | undefined;

export function presetDirectory(): string {
  presetsDir ??= path.join(projectRoot(), 'src', 'domain', 'organisation', 'presets');
  return presetsDir;
}

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

export function presetPath(name: PresetName): string {
  return path.join(presetDirectory(), `${name}.yaml`);
}

function resolvePreset(name: string): { text: string; fileName: string } | undefined {
  if (!isPresetName(name)) return undefined;
  return { text: readFileSync(presetPath(name), 'utf8'), fileName: `${name}.yaml` };
}

/**
 * Loads a preset by name (`essunga`, `local-demo`…) or an organisation file
 * by path (YAML or JSON; it may `extends:` a preset). Never throws for a bad
 * file: the errors name the file, the path inside it and what is wrong.
 */
export function loadOrganisation(pathOrPresetName: string): ParseResult {
  const preset = resolvePreset(pathOrPresetName);
  if (preset) return parseOrganisation(preset.text, preset.fileName, { resolvePreset });
  let text: string;
  try {
    text = readFileSync(pathOrPresetName, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const hint =
      code === 'ENOENT' ? `no such file (and not a preset: ${PRESET_NAMES.join(', ')})` : `cannot read (${code ?? (err as Error).message})`;
    return { ok: false, errors: [`${pathOrPresetName}: ${hint}`] };
  }
  return parseOrganisation(text, path.basename(pathOrPresetName), { resolvePreset });
}
