import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs test files in project and path order, so a file can be placed last by
 * its name (the protocol suite's privacy scan is `zz-privacy.test.ts`).
 * vitest's default orders by cached duration and size instead.
 */
export class NameOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => (a.project.name < b.project.name ? -1 : a.project.name > b.project.name ? 1 : a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}
