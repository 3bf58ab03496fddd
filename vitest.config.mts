import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// restify 11 reads process.binding('http_parser'), which node 20 warns about
// in every worker and child process; the warning says nothing about our code.
if (!process.env.NODE_OPTIONS?.includes('--disable-warning=DEP0111')) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --disable-warning=DEP0111`.trim();
}

/**
 * The protocol files that start bot processes, kill them, or hold the bot to
 * a time bound: they run one at a time, after the others, so no other file
 * competes with them for the machine's two cores.
 */
const ALONE = ['connector-faults', 'crash-day', 'fanout', 'fanout-models', 'scale-out', 'scheduler', 'startup'].map(
  (n) => `test/protocol/${n}.test.ts`,
);

/**
 * The longest protocol files (about a minute or more each), started first so
 * the suite's workers do not end waiting on one of them; the rest follow in
 * path order.
 */
const LONGEST_FIRST = [
  'storage-mid-turn-b',
  'storage-mid-turn-a',
  'storage-mid-turn-d',
  'storage-mid-turn-c',
  'storing-routes',
  'reviews-year-c',
  'reviews-year-a',
  'reviews-year-b',
  'digest-figures',
  'figures-backfill',
  'meetings',
  'fuzz',
  'authorization',
];

/**
 * Runs test files in project order, the longest protocol files first, then in
 * path order (vitest's default orders by cached duration and size, which a
 * fresh clone does not have).
 */
class SuiteOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((n) => f.moduleId.endsWith(`/test/protocol/${n}.test.ts`));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    const key = (f: TestSpecification) => `${f.project.name}\u0000${String(rank(f)).padStart(3, '0')}\u0000${f.moduleId}`;
    return [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}

// Three suites: fast pure unit tests, protocol tests over real HTTP against
// Azurite and a Bot Connector emulator, and end-to-end tests that drive the
// Agents Playground in Debian's Chromium.
export default defineConfig({
  test: {
    sequence: { sequencer: SuiteOrderSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests and the detector's corpora take seconds on a shared, loaded machine.
          testTimeout: 20_000,
          // Pure tests without module mocks or global state: one module graph per worker, not one per file (re-importing
          // it for each of a hundred files took longer than the tests).
          isolate: false,
        },
      },
      {
        test: {
          name: 'protocol',
          include: ['test/protocol/**/*.test.ts'],
          // The privacy scan reads what every other file wrote: its own project, after this one.
          exclude: ['test/protocol/zz-privacy.test.ts', ...ALONE],
          environment: 'node',
          globalSetup: ['test/support/azurite-global-setup.ts'],
          // Generous: the CI machine runs these several times slower than a quiet one (a 5.5 s test took over 30 s
          // there); a hang still fails.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file builds its own stack (its own tables in the shared Azurite, its own emulator and server), so
          // files run side by side: a file spends most of its time waiting on Azurite and HTTP, not on the CPU.
          maxWorkers: 3,
          // A worker runs its files in turn in one module graph; re-importing the bot's module graph per file cost
          // more than half of this suite's time.
          isolate: false,
          // Its own group, after the unit suite's, when one `vitest run` takes both.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'protocol-alone',
          include: ALONE,
          environment: 'node',
          globalSetup: ['test/support/azurite-global-setup.ts'],
          // Generous: the CI machine runs these several times slower than a quiet one (a 5.5 s test took over 30 s
          // there); a hang still fails.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          isolate: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          // The privacy bar (test/protocol/zz-privacy.test.ts): after every protocol file, it scans every row the
          // suite wrote in the Azurite the two projects share (test/support/azurite-global-setup.ts) and every log.
          name: 'privacy',
          include: ['test/protocol/zz-privacy.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/azurite-global-setup.ts'],
          // Generous: the CI machine runs these several times slower than a quiet one (a 5.5 s test took over 30 s
          // there); a hang still fails.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 3 },
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 4 },
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
