import { configuredText, type CheckedText } from '../../src/domain/consent';

/**
 * Text for test fixtures that stand for rows the bot stored after its gate:
 * the same canonical form, without a gate to pass.
 */
export function checked(text: string): CheckedText {
  return configuredText(text);
}
