import type { TestProject } from 'vitest/node';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
    azuritePort: number;
  }
}

/**
 * One in-memory Azurite Table service on a free port, shared by every project
 * that names this setup (the protocol suite and the privacy scan that reads
 * what it wrote). vitest loads a project's global setup in that project's own
 * module graph, so the one service is kept on the process.
 */
const shared = globalThis as { samverkanAzurite?: { started: Promise<AzuriteHandle>; users: number } };

export async function setup(project: TestProject): Promise<void> {
  shared.samverkanAzurite ??= { started: startAzurite(), users: 0 };
  shared.samverkanAzurite.users += 1;
  const azurite = await shared.samverkanAzurite.started;
  project.provide('azuriteConnectionString', azurite.connectionString);
  project.provide('azuritePort', azurite.port);
}

export async function teardown(): Promise<void> {
  const s = shared.samverkanAzurite;
  if (!s) return;
  s.users -= 1;
  if (s.users > 0) return;
  shared.samverkanAzurite = undefined;
  await (await s.started).stop();
}
