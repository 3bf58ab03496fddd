import { describe } from 'vitest';
import { REVIEW_YEAR_FILES, reviewYear } from '../support/review-year';

// Review reminders for every preset, across a year: overenskommelse-2020, local-demo (the others in reviews-year-*.test.ts).
describe('review reminders for every preset, across a year', () => {
  for (const preset of REVIEW_YEAR_FILES.c!) reviewYear(preset);
});
