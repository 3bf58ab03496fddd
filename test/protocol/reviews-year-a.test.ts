import { describe } from 'vitest';
import { everyPresetInAFile, REVIEW_YEAR_FILES, reviewYear } from '../support/review-year';

// Review reminders for every preset, across a year: essunga, gnesta (the others in reviews-year-*.test.ts).
describe('review reminders for every preset, across a year', () => {
  for (const preset of REVIEW_YEAR_FILES.a!) reviewYear(preset);
  everyPresetInAFile();
});
