/**
 * The command vocabulary: every command has a Swedish and an English word.
 * Spellings without å, ä, ö are accepted too, for English keyboards.
 */
export const COMMAND_NAMES = [
  'help',
  'group',
  'schedule',
  'meetings',
  'agenda',
  'minutes',
  'review',
  'consent',
  'digest',
  'language',
  'report',
  'sip',
  'plan',
  'indicator',
  'concern',
  'contacts',
  'broadcast',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const COMMAND_WORDS: Record<CommandName, { sv: string; en: string; aliases: string[] }> = {
  help: { sv: 'hjälp', en: 'help', aliases: ['hjalp', 'hjälp?', '?'] },
  group: { sv: 'grupp', en: 'group', aliases: [] },
  schedule: { sv: 'boka', en: 'schedule', aliases: [] },
  meetings: { sv: 'möten', en: 'meetings', aliases: ['moten'] },
  agenda: { sv: 'dagordning', en: 'agenda', aliases: [] },
  minutes: { sv: 'protokoll', en: 'minutes', aliases: [] },
  review: { sv: 'översyn', en: 'review', aliases: ['oversyn'] },
  consent: { sv: 'samtycke', en: 'consent', aliases: [] },
  digest: { sv: 'sammanfattning', en: 'digest', aliases: [] },
  language: { sv: 'språk', en: 'language', aliases: ['sprak'] },
  report: { sv: 'rapport', en: 'report', aliases: [] },
  sip: { sv: 'sip', en: 'sip', aliases: [] },
  plan: { sv: 'plan', en: 'plan', aliases: ['handlingsplan', 'aktivitetsplan'] },
  indicator: { sv: 'indikator', en: 'indicator', aliases: ['indikatorer', 'indicators'] },
  concern: { sv: 'oro', en: 'concern', aliases: ['orosanmälan', 'orosanmalan'] },
  contacts: { sv: 'kontakt', en: 'contacts', aliases: ['kontakter', 'contact'] },
  broadcast: { sv: 'utskick', en: 'broadcast', aliases: [] },
};

export const SUBCOMMAND_WORDS = {
  groupLink: ['koppla', 'link'],
  consentList: ['lista', 'list'],
  consentWithdraw: ['återkalla', 'aterkalla', 'withdraw'],
  scheduleMove: ['flytta', 'move'],
  scheduleCancel: ['ställ in', 'stall in', 'cancel'],
  meetingsNewLink: ['ny-länk', 'ny-lank', 'new-link'],
  languageSv: ['svenska', 'swedish', 'sv'],
  languageEn: ['english', 'engelska', 'en'],
  reportInterim: ['delår', 'delar', 'interim'],
  sipNew: ['ny', 'new'],
} as const;

const WORD_TO_COMMAND = new Map<string, CommandName>();
for (const name of COMMAND_NAMES) {
  const w = COMMAND_WORDS[name];
  for (const word of [w.sv, w.en, ...w.aliases]) WORD_TO_COMMAND.set(word, name);
}

export function commandForWord(word: string): CommandName | undefined {
  return WORD_TO_COMMAND.get(word);
}

/**
 * The language a command word is written in: its Swedish word and the
 * spellings of it are Swedish, its English word English; undefined for a
 * word of neither (`?`).
 */
export function languageOfWord(word: string): 'sv' | 'en' | undefined {
  const name = commandForWord(word);
  if (!name) return undefined;
  const w = COMMAND_WORDS[name];
  if (word === w.en) return 'en';
  return word === w.sv || /\p{L}/u.test(word) ? 'sv' : undefined;
}
