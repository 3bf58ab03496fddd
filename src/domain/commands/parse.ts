import { z } from 'zod';
import { commandForWord, languageOfWord, SUBCOMMAND_WORDS, type CommandName } from './words';
import { isIsoDate as isRealDate } from '../organisation/dates';

export type Command =
  | { name: 'help' }
  | { name: 'group'; action: 'show' }
  /** `groupId` is what the user wrote: an id, a group's name, or something close; none shows the link form. */
  | { name: 'group'; action: 'link'; groupId?: string }
  | { name: 'schedule'; action: 'form' }
  | { name: 'schedule'; action: 'quick'; date: string; time: string; durationMinutes: number; location?: string }
  | { name: 'schedule'; action: 'move'; args: string }
  | { name: 'schedule'; action: 'cancel'; args: string }
  | { name: 'meetings'; action: 'list' }
  | { name: 'meetings'; action: 'newLink' }
  | { name: 'agenda'; action: 'show' }
  | { name: 'agenda'; action: 'propose'; text: string }
  | { name: 'minutes' }
  | { name: 'review' }
  | { name: 'consent'; action: 'form' }
  | { name: 'consent'; action: 'list' }
  | { name: 'consent'; action: 'withdraw'; caseRef: string }
  | { name: 'digest' }
  | { name: 'sip'; action: 'list' }
  | { name: 'sip'; action: 'new'; caseRef: string }
  | { name: 'language'; action: 'show' }
  /** `rapport 2026 [delår]`: the report to the boards for a year or its interim period. */
  | { name: 'report'; year: number; interim: boolean }
  | { name: 'language'; action: 'set'; language: 'sv' | 'en' }
  | { name: 'concern' }
  /** `query`: a role, an agency or a name to look for (gated like every command text); none lists everyone. */
  | { name: 'contacts'; query?: string }
  | { name: 'plan' }
  | { name: 'indicator' }
  | { name: 'broadcast' };

export type ParseResult =
  | { kind: 'command'; command: Command }
  /**
   * The word was a command but its arguments were not understood; `wordLanguage`
   * is the language the word was written in, so the usage can show the words
   * the user typed.
   */
  | { kind: 'invalid'; name: CommandName; problem: string; wordLanguage?: 'sv' | 'en' }
  | { kind: 'none' };

const MAX_COMMAND_TEXT = 4000;

export const quickScheduleSchema = z.object({
  date: z.string({ required_error: 'date' }).refine(isRealDate, 'date'),
  time: z.string({ required_error: 'time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time'),
  durationMinutes: z.coerce.number({ invalid_type_error: 'duration' }).int('duration').min(15, 'duration').max(480, 'duration').default(60),
  location: z.string().max(200, 'location').optional(),
});

/** A group as the user names it: its id or its name (words, digits, a few marks), or something close to one. */
const groupIdSchema = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} .,&()+\-_/'’]{0,99}$/u, 'groupId');
const caseRefSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,40}$/, 'caseRef');

/** Normalises what Teams delivers: NBSPs, zero-width characters, NFC. */
export function normaliseCommandText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ')
    .trim();
}

function startsWithWord(rest: string, words: readonly string[]): string | undefined {
  const lower = rest.toLocaleLowerCase('sv');
  for (const w of words) {
    if (lower === w) return '';
    if (lower.startsWith(`${w} `)) return rest.slice(w.length + 1).trim();
  }
  return undefined;
}

/**
 * Parses a message (bot mention already removed) into a command. The first
 * word, with or without a leading `/`, in any case and either language, names
 * the command; the rest are its arguments.
 */
export function parseCommand(input: string): ParseResult {
  if (typeof input !== 'string' || input.length === 0) return { kind: 'none' };
  const text = normaliseCommandText(input.length > MAX_COMMAND_TEXT ? input.slice(0, MAX_COMMAND_TEXT) : input);
  const m = /^\/?([\p{L}?]+)(?:\s+([\s\S]*))?$/u.exec(text);
  if (!m) return { kind: 'none' };
  const word = m[1]!.toLocaleLowerCase('sv');
  const name = commandForWord(word);
  if (!name) return { kind: 'none' };
  const rest = (m[2] ?? '').trim();
  const wordLanguage = languageOfWord(word);
  const invalid = (problem: string): ParseResult => ({ kind: 'invalid', name, problem, ...(wordLanguage ? { wordLanguage } : {}) });
  const ok = (command: Command): ParseResult => ({ kind: 'command', command });

  switch (name) {
    case 'report': {
      const [year, ...more] = rest.split(/\s+/);
      if (!year || !/^\d{4}$/.test(year)) return invalid('year');
      const tail = more.join(' ').toLocaleLowerCase('sv');
      if (tail && !(SUBCOMMAND_WORDS.reportInterim as readonly string[]).includes(tail)) return invalid('subcommand');
      return ok({ name, year: Number(year), interim: !!tail });
    }
    case 'plan':
    case 'indicator':
    case 'broadcast':
      // Arguments are not read: the card is where values are chosen.
      return ok({ name });
    case 'help':
    case 'minutes':
    case 'review':
    case 'digest':
      return ok({ name });
    case 'group': {
      if (!rest) return ok({ name, action: 'show' });
      const id = startsWithWord(rest, SUBCOMMAND_WORDS.groupLink);
      if (id === undefined) return invalid('subcommand');
      if (!id) return ok({ name, action: 'link' });
      const parsed = groupIdSchema.safeParse(id.replace(/\s+/g, ' '));
      return parsed.success ? ok({ name, action: 'link', groupId: parsed.data.toLocaleLowerCase('sv') }) : invalid('groupId');
    }
    case 'schedule': {
      if (!rest) return ok({ name, action: 'form' });
      const move = startsWithWord(rest, SUBCOMMAND_WORDS.scheduleMove);
      if (move !== undefined) return ok({ name, action: 'move', args: move });
      const cancel = startsWithWord(rest, SUBCOMMAND_WORDS.scheduleCancel);
      if (cancel !== undefined) return ok({ name, action: 'cancel', args: cancel });
      const [date, time, duration, ...loc] = rest.split(/\s+/);
      const parsed = quickScheduleSchema.safeParse({
        date,
        time: time && /^\d:\d\d$/.test(time) ? `0${time}` : time,
        durationMinutes: duration,
        location: loc.length ? loc.join(' ') : undefined,
      });
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'arguments');
      return ok({ name, action: 'quick', ...parsed.data });
    }
    case 'meetings': {
      if (!rest) return ok({ name, action: 'list' });
      return startsWithWord(rest, SUBCOMMAND_WORDS.meetingsNewLink) !== undefined ? ok({ name, action: 'newLink' }) : invalid('subcommand');
    }
    case 'agenda': {
      if (!rest) return ok({ name, action: 'show' });
      if (rest.startsWith('+')) {
        const t = rest.slice(1).trim();
        return t ? ok({ name, action: 'propose', text: t }) : invalid('text');
      }
      return invalid('subcommand');
    }
    case 'consent': {
      if (!rest) return ok({ name, action: 'form' });
      if (startsWithWord(rest, SUBCOMMAND_WORDS.consentList) !== undefined) return ok({ name, action: 'list' });
      const ref = startsWithWord(rest, SUBCOMMAND_WORDS.consentWithdraw);
      if (ref === undefined) return invalid('subcommand');
      const parsed = caseRefSchema.safeParse(ref);
      return parsed.success ? ok({ name, action: 'withdraw', caseRef: parsed.data.toUpperCase() }) : invalid('caseRef');
    }
    case 'sip': {
      if (!rest) return ok({ name, action: 'list' });
      const ref = startsWithWord(rest, SUBCOMMAND_WORDS.sipNew);
      if (ref === undefined) return invalid('subcommand');
      const parsed = caseRefSchema.safeParse(ref);
      return parsed.success ? ok({ name, action: 'new', caseRef: parsed.data.toUpperCase() }) : invalid('caseRef');
    }
    case 'language': {
      if (!rest) return ok({ name, action: 'show' });
      const choice = rest.toLocaleLowerCase('sv');
      if ((SUBCOMMAND_WORDS.languageSv as readonly string[]).includes(choice)) return ok({ name, action: 'set', language: 'sv' });
      if ((SUBCOMMAND_WORDS.languageEn as readonly string[]).includes(choice)) return ok({ name, action: 'set', language: 'en' });
      return invalid('language');
    }
    case 'concern':
      // Whatever follows the word is not kept or used: the card is the same for everyone.
      return ok({ name });
    case 'contacts':
      return rest ? ok({ name, query: rest.replace(/\s+/g, ' ').slice(0, 100) }) : ok({ name });
  }
}
