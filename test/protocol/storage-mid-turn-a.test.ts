import { describe, expect, it } from 'vitest';
import { STORAGE_CUT_FILES, STORAGE_CUT_FLOWS, storageCutAtEveryPoint } from '../support/storage-cut';

/**
 * Storage stopped in the middle of a turn (issue 8), for every K of the turn's storage requests: see
 * test/support/storage-cut.ts. The flows are cut in four files, which the protocol suite's workers run side by side.
 */
describe('storage stopped in the middle of a turn, then back, and the turn resent', () => {
  storageCutAtEveryPoint(STORAGE_CUT_FILES.a!);
  it('the files together cut every flow', () => {
    expect(Object.values(STORAGE_CUT_FILES).flat().sort()).toEqual([...STORAGE_CUT_FLOWS].sort());
  });
});
