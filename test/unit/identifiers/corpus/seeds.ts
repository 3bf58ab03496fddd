import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The five source documents, next to the repository (../shared/seeds). */
export const SEEDS_DIR = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'seeds');

export interface SeedParagraph { file: string; index: number; text: string }

/** Every paragraph (blank-line separated) of every seed document; empty when the folder is absent. */
export function seedParagraphs(): SeedParagraph[] {
  if (!existsSync(SEEDS_DIR)) return [];
  const out: SeedParagraph[] = [];
  for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).forEach((p, index) => out.push({ file, index, text: p }));
  }
  return out;
}

/** The seed documents whole, for the whole-document check. */
export function seedDocuments(): { file: string; text: string }[] {
  if (!existsSync(SEEDS_DIR)) return [];
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()
    .map((file) => ({ file, text: readFileSync(path.join(SEEDS_DIR, file), 'utf8') }));
}
