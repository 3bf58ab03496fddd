import { describe } from 'vitest';
import { STORAGE_CUT_FILES, storageCutAtEveryPoint } from '../support/storage-cut';

/**
 * Storage stopped in the middle of a turn (issue 8), for every K of the turn's storage requests: see
 * test/support/storage-cut.ts. The flows are cut in four files, which the protocol suite's workers run side by side.
 */
describe('storage stopped in the middle of a turn, then back, and the turn resent', () => {
  storageCutAtEveryPoint(STORAGE_CUT_FILES.b!);
});
