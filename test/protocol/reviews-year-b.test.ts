import { describe } from 'vitest';
import { REVIEW_YEAR_FILES, reviewYear } from '../support/review-year';

// Review reminders for every preset, across a year: lekeberg, oxelosund (the others in reviews-year-*.test.ts).
describe('review reminders for every preset, across a year', () => {
  for (const preset of REVIEW_YEAR_FILES.b!) reviewYear(preset);
});
