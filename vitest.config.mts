import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// restify 11 reads process.binding('http_parser'), which node 20 warns about
// in every worker and child process; the warning says nothing about our code.
if (!process.env.NODE_OPTIONS?.includes('--disable-warning=DEP0111')) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --disable-warning=DEP0111`.trim();
}

/**
 * Runs test files in project and path order, so a file can be placed last by
 * its name (the protocol suite's privacy scan is `zz-privacy.test.ts`).
 * vitest's default orders by cached duration and size instead.
 */
class NameOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const key = (f: TestSpecification) => `${f.project.name}\u0000${f.moduleId}`;
    return [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}

// Three suites: fast pure unit tests, protocol tests over real HTTP against
// Azurite and a Bot Connector emulator, and end-to-end tests that drive the
// Agents Playground in Debian's Chromium.
export default defineConfig({
  test: {
    // Files run in name order: the privacy scan (zz-privacy.test.ts) must come after every other flow.
    sequence: { sequencer: NameOrderSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests and the detector's corpora take seconds on a shared, loaded machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'protocol',
          include: ['test/protocol/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/azurite-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // One worker runs every file in turn; re-importing the bot's module graph per file cost more than
          // half of this suite's time. Each file builds its own stack (storage tables, emulator, server).
          isolate: false,
          // Its own group, after the unit suite's, when one `vitest run` takes both (a non-isolated single worker
          // cannot share a group with the unit suite's workers on a machine with more than two cores).
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
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
