import type { TestProject } from 'vitest/node';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
    azuritePort: number;
  }
}

let azurite: AzuriteHandle | undefined;

/** One in-memory Azurite Table service for the protocol suite, on a free port. */
export async function setup(project: TestProject): Promise<void> {
  azurite = await startAzurite();
  project.provide('azuriteConnectionString', azurite.connectionString);
  project.provide('azuritePort', azurite.port);
}

export async function teardown(): Promise<void> {
  await azurite?.stop();
}
