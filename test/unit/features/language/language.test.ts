import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { answersTurn, decideLocale, turnInfo as infoOf } from '../../../../src/bot/turn';
import { SamverkanTurnState } from '../../../../src/bot/turn-state';
import { Proactive } from '../../../../src/bot/proactive';
import { errorCard } from '../../../../src/cards/common';
import { parseCommand } from '../../../../src/domain/commands/parse';
import { loadOrganisation, type Organisation } from '../../../../src/domain/organisation';
import { parseOrganisation } from '../../../../src/domain/organisation/parse';
import { chooseLanguage, showLanguage } from '../../../../src/features/language';
import { t } from '../../../../src/i18n';
import { createLogger } from '../../../../src/logger';
import type { ConversationReferenceStore } from '../../../../src/storage/conversation-references';
import type { PreferenceStore } from '../../../../src/storage/preferences';
import { MemoryConversationReferenceStore, MemoryPreferenceStore, restError } from '../../../support/memory';
import { fakeTurn, turnInfo } from '../../../support/turn';

const TENANT = 'tenant-a';
const ALEX = '00000000-0000-0000-0000-0000000000020';
const MEGAN = '00000000-0000-0000-0000-0000000000021';
const logger = createLogger({ level: 'silent' });

function demo(language?: 'sv' | 'en' | null): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const org = { ...r.organisation, tenantId: TENANT };
  if (language === null) delete org.language;
  else if (language) org.language = language;
  return org;
}

/** An activity as Teams (or the Agents Playground, always en-US) sends it. */
function activity(over: Partial<Activity> & { user?: string; kind?: 'personal' | 'channel' } = {}): Partial<Activity> {
  const { user = ALEX, kind = 'personal', ...rest } = over;
  return {
    type: 'message',
    text: 'hjälp',
    locale: 'en-US',
    channelId: 'msteams',
    id: `a-${Math.random()}`,
    from: { id: `29:${user}`, name: 'Someone', aadObjectId: user },
    recipient: { id: '28:bot', name: 'Samverkan' },
    conversation: {
      id: kind === 'personal' ? `a:${user}` : '19:c@thread.tacv2',
      conversationType: kind,
      tenantId: TENANT,
      isGroup: kind !== 'personal',
      name: '',
    },
    channelData: { tenant: { id: TENANT } },
    ...rest,
  };
}

const contextOf = (a: Partial<Activity>) => new TurnContext(new TestAdapter(), a);

describe('the words', () => {
  it.each([
    ['språk', { name: 'language', action: 'show' }],
    ['language', { name: 'language', action: 'show' }],
    ['/Språk', { name: 'language', action: 'show' }],
    ['sprak english', { name: 'language', action: 'set', language: 'en' }],
    ['språk English', { name: 'language', action: 'set', language: 'en' }],
    ['språk en', { name: 'language', action: 'set', language: 'en' }],
    ['LANGUAGE SWEDISH', { name: 'language', action: 'set', language: 'sv' }],
    ['language sv', { name: 'language', action: 'set', language: 'sv' }],
    ['språk svenska', { name: 'language', action: 'set', language: 'sv' }],
    ['language engelska', { name: 'language', action: 'set', language: 'en' }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual({ kind: 'command', command });
  });

  it('an unknown language is a mistake, told in the words the user typed', () => {
    expect(parseCommand('språk tyska')).toEqual({ kind: 'invalid', name: 'language', problem: 'language', wordLanguage: 'sv' });
    expect(parseCommand('language german')).toEqual({ kind: 'invalid', name: 'language', problem: 'language', wordLanguage: 'en' });
    expect(parseCommand('boka i morgon')).toMatchObject({ kind: 'invalid', wordLanguage: 'sv' });
    expect(parseCommand('schedule tomorrow')).toMatchObject({ kind: 'invalid', wordLanguage: 'en' });
  });
});

describe('the organisation file', () => {
  it('the local demo speaks Swedish by default; a file may say English; one without says nothing', () => {
    expect(demo().language).toBe('sv');
    const en = parseOrganisation('extends: local-demo\nlanguage: en\n', 'org.yaml', {
      resolvePreset: () => ({ text: 'id: x\nname: X\n', fileName: 'x.yaml' }),
    });
    expect(en.ok && en.organisation.language).toBe('en');
    const none = parseOrganisation('id: x\nname: X\n', 'x.yaml');
    expect(none.ok && none.organisation.language).toBeUndefined();
    const bad = parseOrganisation('id: x\nname: X\nlanguage: de\n', 'x.yaml');
    expect(bad.ok ? [] : bad.errors).toEqual(['x.yaml: language: bad language "de" (expected sv or en)']);
  });
});

describe('the turn’s language', () => {
  it('the Playground’s en-US gets the organisation’s Swedish; a user’s own choice wins; without either, Teams decides', async () => {
    const preferences = new MemoryPreferenceStore();
    const deps = (organisation: Organisation) => ({ organisation, preferences: preferences as unknown as PreferenceStore, logger });

    expect(await decideLocale(contextOf(activity()), deps(demo()), true)).toBe('sv');
    await preferences.setLanguage(TENANT, ALEX, 'en', '2026-12-02T00:00:00Z');
    const alex = contextOf(activity());
    expect(await decideLocale(alex, deps(demo()), true)).toBe('en');
    expect(await decideLocale(contextOf(activity({ user: MEGAN })), deps(demo()), true)).toBe('sv');
    expect(await decideLocale(contextOf(activity({ user: MEGAN })), deps(demo(null)), true)).toBe('en');
    expect(await decideLocale(contextOf(activity({ user: MEGAN, locale: 'sv-SE' })), deps(demo(null)), true)).toBe('sv');
  });

  it('says where the language came from, for the language card', async () => {
    const preferences = new MemoryPreferenceStore();
    const deps = { organisation: demo(), preferences: preferences as unknown as PreferenceStore, logger };
    const ctx = contextOf(activity());
    await decideLocale(ctx, deps, true);
    expect(infoOf(ctx).localeSource).toBe('organisation');
    const chosen = contextOf(activity({ user: MEGAN }));
    await preferences.setLanguage(TENANT, MEGAN, 'sv', '2026-12-02T00:00:00Z');
    await decideLocale(chosen, deps, true);
    expect(infoOf(chosen).localeSource).toBe('user');
    const turn = fakeTurn(infoOf(ctx), { organisation: demo(), channelLinks: undefined as never });
    expect(JSON.stringify(showLanguage(turn))).toContain(t('sv', 'language.source.organisation'));
  });

  it('reads the choice once per activity, and not at all when not asked to', async () => {
    const preferences = new MemoryPreferenceStore();
    const deps = { organisation: demo(), preferences: preferences as unknown as PreferenceStore, logger };
    const ctx = contextOf(activity());
    await decideLocale(ctx, deps, true);
    await decideLocale(ctx, deps, true);
    expect(preferences.reads).toBe(1);
    await decideLocale(contextOf(activity()), deps, false);
    expect(preferences.reads).toBe(1);
  });

  it('a read that fails answers in the organisation’s language instead of failing the turn', async () => {
    const preferences = { get: async () => Promise.reject(restError(503, 'ServerBusy', 'busy')) } as unknown as PreferenceStore;
    expect(await decideLocale(contextOf(activity()), { organisation: demo(), preferences, logger }, true)).toBe('sv');
  });

  it('only turns the bot answers read the choice: an ordinary channel message between people costs no read', async () => {
    expect(answersTurn(contextOf(activity({ kind: 'channel', text: 'vi ses på mötet' })))).toBe(false);
    expect(answersTurn(contextOf(activity({ kind: 'channel', type: 'messageUpdate' })))).toBe(false);
    expect(answersTurn(contextOf(activity({ text: 'hej' })))).toBe(true);
    expect(answersTurn(contextOf(activity({ type: 'invoke', name: 'adaptiveCard/action' })))).toBe(true);
    expect(answersTurn(contextOf(activity({ type: 'installationUpdate', action: 'add' })))).toBe(true);

    const preferences = new MemoryPreferenceStore();
    const services = { organisation: demo(), preferences: preferences as unknown as PreferenceStore, logger };
    const ordinary = contextOf(activity({ kind: 'channel', text: 'vi ses på mötet' }));
    await new SamverkanTurnState(services).load(ordinary);
    expect(preferences.reads).toBe(0);
    const addressed = contextOf(activity({ text: 'hjälp' }));
    await new SamverkanTurnState(services).load(addressed);
    expect(preferences.reads).toBe(1);
  });
});

describe('språk / language', () => {
  it('keeps the choice for this user only, and answers in the language chosen', async () => {
    const preferences = new MemoryPreferenceStore();
    const deps = { preferences: preferences as unknown as PreferenceStore, now: () => new Date('2026-12-02T05:00:00Z') };
    const turn = fakeTurn(turnInfo({ tenantId: TENANT, aadObjectId: ALEX, userId: `29:${ALEX}` }), {
      organisation: demo(),
      channelLinks: undefined as never,
    });
    const card = JSON.stringify(await chooseLanguage(deps, turn, 'en'));
    expect(card).toContain(t('en', 'language.changed', { language: t('en', 'language.names.en') }));
    expect(card).toContain('"verb":"language.set"');
    expect(card).toContain('"language":"sv"');
    expect((await preferences.get(TENANT, ALEX))?.language).toBe('en');
    expect(await preferences.get(TENANT, MEGAN)).toBeUndefined();
  });

  it('with no argument, says the language, why, and how to change it, in the user’s language', () => {
    const turn = fakeTurn(turnInfo({ locale: 'en', localeSource: 'teams' }), { organisation: demo(), channelLinks: undefined as never });
    const card = JSON.stringify(showLanguage(turn));
    expect(card).toContain(t('en', 'language.current', { language: 'English' }));
    expect(card).toContain(t('en', 'language.source.teams'));
    expect(card).toContain('language swedish');
  });
});

describe('proactive messages', () => {
  it('a personal chat gets the user’s own choice; a channel the organisation’s language, whatever Teams said last', async () => {
    const references = new MemoryConversationReferenceStore();
    const preferences = new MemoryPreferenceStore();
    const ref = (conversationId: string, type: 'personal' | 'channel', user?: string) =>
      references.save({
        tenantId: TENANT,
        conversationId,
        conversationType: type,
        userAadObjectId: user,
        reference: { conversation: { id: conversationId }, locale: 'en-US' },
        updatedAt: '2026-12-01T00:00:00Z',
      });
    await ref('a:alex', 'personal', ALEX);
    await ref('a:megan', 'personal', MEGAN);
    await ref('19:c@thread.tacv2', 'channel');
    await preferences.setLanguage(TENANT, ALEX, 'en', '2026-12-01T00:00:00Z');
    const adapter = { continueConversationAsync: async () => {} };
    const proactive = new Proactive(adapter, 'bot', references as unknown as ConversationReferenceStore, {
      preferences: preferences as unknown as PreferenceStore,
      organisationDefault: 'sv',
    });
    expect((await proactive.personal(TENANT, ALEX))?.locale).toBe('en');
    expect((await proactive.personal(TENANT, MEGAN))?.locale).toBe('sv');
    expect((await proactive.conversation(TENANT, '19:c@thread.tacv2'))?.locale).toBe('sv');
    // Without an organisation default, the language the conversation last spoke, as before.
    const teams = new Proactive(adapter, 'bot', references as unknown as ConversationReferenceStore);
    expect((await teams.conversation(TENANT, '19:c@thread.tacv2'))?.locale).toBe('en');
  });
});

describe('mistakes told from faults (defect 15)', () => {
  const title = (card: ReturnType<typeof errorCard>) => JSON.stringify(card);
  it('a command written wrong is "Så skriver du det" with the usage, never "Något gick fel"', () => {
    const card = title(errorCard('sv', 'error.usage', { usage: t('sv', 'usage.schedule') }));
    expect(card).toContain(t('sv', 'error.usageTitle'));
    expect(card).not.toContain(t('sv', 'error.title'));
    expect(card).toContain('boka 2026-12-10 13:00 90');
    expect(title(errorCard('en', 'error.usage', { usage: 'x' }))).toContain('How to write it');
  });

  it('something that cannot be done is not a fault either; storage and the bot’s own failures are', () => {
    expect(title(errorCard('sv', 'meetings.quick.noGroup'))).toContain(t('sv', 'error.mistakeTitle'));
    expect(title(errorCard('sv', 'meetings.quick.noGroup'))).not.toContain(t('sv', 'error.title'));
    expect(title(errorCard('sv', 'error.badData', { problems: 'x' }))).toContain(t('sv', 'error.badDataTitle'));
    for (const key of ['error.storage', 'error.storagePartial', 'error.generic'])
      expect(title(errorCard('sv', key))).toContain(t('sv', 'error.title'));
  });

  it('the strings that read oddly now say who does what', () => {
    expect(t('en', 'meetings.list.empty')).not.toContain('schedule with schedule');
    expect(t('en', 'meetings.list.empty')).toContain('**schedule**');
    expect(t('sv', 'meetings.list.empty')).toContain('**boka**');
    expect(t('en', 'gate.howConsent')).toContain('by writing **consent** to me');
    expect(t('sv', 'gate.howConsent')).toContain('genom att skriva **samtycke** till mig');
  });
});
