import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The five source documents, carried by the repository (see the README beside them). */
export const SEEDS_DIR = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'seeds');

/** The five documents by name: a missing or extra file fails the test instead of shrinking what it checks. */
export const SEED_FILES = [
  '000_c83dba32100083c7.txt',
  '001_bfa8abadf34e2c9e.txt',
  '002_31b3b0dac57068e7.txt',
  '003_cf1b86377a4b598d.txt',
  '004_b24f3fe814f4ce51.txt',
] as const;

export interface SeedParagraph {
  file: string;
  index: number;
  text: string;
}

/** The seed documents whole; throws when the folder does not hold exactly the five. */
export function seedDocuments(): { file: string; text: string }[] {
  if (!existsSync(SEEDS_DIR)) {
    throw new Error(
      `The seed documents are missing at ${SEEDS_DIR}; they are part of the repository (test/fixtures/seeds/), restore them from git.`,
    );
  }
  const found = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (found.join('\n') !== SEED_FILES.join('\n')) {
    throw new Error(`${SEEDS_DIR} holds ${JSON.stringify(found)}, not the five seed documents ${JSON.stringify(SEED_FILES)}.`);
  }
  return found.map((file) => ({ file, text: readFileSync(path.join(SEEDS_DIR, file), 'utf8') }));
}

/** Every paragraph (blank-line separated) of every seed document. */
export function seedParagraphs(): SeedParagraph[] {
  const out: SeedParagraph[] = [];
  for (const { file, text } of seedDocuments()) {
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .forEach((p, index) => out.push({ file, index, text: p }));
  }
  return out;
}
