import { describe, expect, it } from 'vitest';
import { errorCard, notAllowedCard } from '../../src/cards/common';
import { helpCard } from '../../src/features/help/card';
import { cardProblems, cardsIn, expectValidCard } from '../support/cards';

const good = () => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', id: 'error', text: 'Något gick fel', wrap: true }],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Koppla',
      verb: 'group.link',
      data: { groupId: 'operativ' },
      fallback: { type: 'Action.Submit', title: 'Koppla', data: { groupId: 'operativ', verb: 'group.link' } },
    },
  ],
});

describe('expectValidCard', () => {
  it('accepts a minimal correct card', () => {
    expect(cardProblems(good())).toEqual([]);
    expect(() => expectValidCard(good())).not.toThrow();
  });

  it('accepts the cards the bot renders today', () => {
    for (const locale of ['sv', 'en'] as const) {
      expectValidCard(
        helpCard(locale, { entries: ['help', 'group', 'groupLink', 'schedule', 'consent'], roles: ['Chef'], quickActions: true }),
      );
      expectValidCard(helpCard(locale, { entries: ['help'], roles: [], quickActions: false }));
      expectValidCard(errorCard(locale, 'error.storage'));
      expectValidCard(notAllowedCard(locale, 'notConvener', ['Alex Wilber']));
    }
  });

  it('refuses an unknown element type (object model parse event)', () => {
    const card = good();
    card.body.push({ type: 'Carousel3D', text: 'x' } as never);
    expect(() => expectValidCard(card)).toThrow(/adaptivecards parse: .*Carousel3D/);
  });

  it('refuses an invalid property value (object model parse event)', () => {
    const card = good();
    card.body.push({ type: 'TextBlock', text: 'x', size: 'Enormous' } as never);
    expect(cardProblems(card).join('\n')).toMatch(/Invalid value "Enormous" for property "size"/);
  });

  it('refuses duplicate ids (object model validation)', () => {
    const card = good();
    card.body.push({ type: 'TextBlock', id: 'error', text: 'again' } as never);
    expect(cardProblems(card).join('\n')).toMatch(/adaptivecards validation: .*Duplicate Id "error"/);
  });

  it('refuses a version other than 1.5', () => {
    expect(cardProblems({ ...good(), version: '1.6' })).toContain('version is "1.6", not "1.5"');
    expect(cardProblems({ ...good(), version: '1.4' })).toContain('version is "1.4", not "1.5"');
  });

  it('refuses a first body element without a known kind', () => {
    const noId = good();
    delete (noId.body[0] as { id?: string }).id;
    expect(cardProblems(noId).join('\n')).toMatch(/first body element's id is undefined/);
    const unknown = good();
    unknown.body[0]!.id = 'weather';
    expect(() => expectValidCard(unknown)).toThrow(/"weather", not a card kind/);
  });

  it('refuses an Action.Execute without fallback, with a non-Submit fallback, or with a different verb', () => {
    const none = good();
    delete (none.actions[0] as { fallback?: unknown }).fallback;
    expect(cardProblems(none).join('\n')).toMatch(/"group.link" has no Action.Submit fallback/);

    const drop = good();
    (drop.actions[0] as { fallback: unknown }).fallback = 'drop';
    expect(cardProblems(drop).join('\n')).toMatch(/has no Action.Submit fallback/);

    const other = good();
    other.actions[0]!.fallback.data.verb = 'group.unlink';
    expect(cardProblems(other).join('\n')).toMatch(/fallback of "group.link" carries verb "group.unlink"/);
  });

  it('finds Action.Execute nested in containers and ShowCards', () => {
    const card = good();
    card.body.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'Mer',
          card: { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.Execute', title: 'Ok', verb: 'agenda.publish' }] },
        },
      ],
    } as never);
    expect(cardProblems(card).join('\n')).toMatch(/"agenda.publish" has no Action.Submit fallback/);
  });

  it('refuses what is not a card at all', () => {
    expect(() => expectValidCard(null)).toThrow(/not a JSON object/);
    expect(() => expectValidCard({ ...good(), type: 'HeroCard' })).toThrow(/not "AdaptiveCard"/);
  });

  it('checks the 1.5 JSON schema (vendored in test/fixtures/adaptive-cards/)', () => {
    // A TextBlock without text passes the object model's parse but not the schema.
    const card = good();
    card.body.push({ type: 'TextBlock', wrap: true } as never);
    expect(cardProblems(card).join('\n')).toMatch(/^schema: /m);
  });

  it('finds cards in activities and in invoke responses', () => {
    const card = good();
    expect(
      cardsIn({
        type: 'message',
        attachments: [
          { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
          { contentType: 'text/plain', content: 'x' },
        ],
      }),
    ).toEqual([card]);
    expect(cardsIn({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card })).toEqual([card]);
    expect(cardsIn({ type: 'message', text: 'hej' })).toEqual([]);
  });
});
