import { describe, expect, it } from 'vitest';
import { meetings } from '../../../../src/features/meetings/meetings-command';
import { meetingsView, rotateFeed } from '../../../../src/features/meetings/views';
import type { BotServices } from '../../../../src/features/shared/services';
import { publicUrl } from '../../../../src/features/shared/urls';
import { ADELE, ALEX, booked, inChannel, ISAIAH, kindOf, personal, says, TACTICAL, TENANT, text, turnIn, world } from './setup';

const feedLink = (card: unknown) => /https:\/\/samverkan\.example\.se\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(text(card))?.[1];

describe('the list of meetings', () => {
  it("shows a convener the coming meetings and the group's calendar link; a member the meetings only", async () => {
    const w = await world();
    await booked(w);
    const forAlex = await meetingsView(w.deps, turnIn(w, inChannel(ALEX)));
    expect(kindOf(forAlex)).toBe('meeting-list');
    expect(text(forAlex)).toContain('10 dec');
    const token = feedLink(forAlex);
    expect(token).toBeDefined();
    expect((await w.stores.calendarFeeds.resolve(token!))?.groupId).toBe(TACTICAL);

    const forAdele = await meetingsView(w.deps, turnIn(w, personal(ADELE)));
    expect(text(forAdele)).toContain('10 dec');
    expect(feedLink(forAdele)).toBeUndefined();
  });

  it('tells someone in no group that they may not see any', async () => {
    const w = await world();
    expect(kindOf(await meetingsView(w.deps, turnIn(w, personal(ISAIAH))))).toBe('not-allowed');
  });
});

describe('a new calendar link', () => {
  it('replaces the old one, which stops working; only for conveners', async () => {
    const w = await world();
    const old = feedLink(await meetingsView(w.deps, turnIn(w, inChannel(ALEX))));
    const card = await rotateFeed(w.deps, turnIn(w, personal(ALEX)), TACTICAL);
    const fresh = feedLink(card);
    expect(text(card)).toContain(says('meetings.list.rotated').slice(0, 30));
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(old);
    expect(await w.stores.calendarFeeds.resolve(old!)).toBeUndefined();
    expect(kindOf(await rotateFeed(w.deps, turnIn(w, personal(ADELE)), TACTICAL))).toBe('not-allowed');
    expect((await w.stores.calendarFeeds.resolve(fresh!))?.tenantId).toBe(TENANT);
  });

  it("möten ny-länk in the group channel rotates that group's link", async () => {
    const w = await world();
    const old = feedLink(await meetingsView(w.deps, turnIn(w, inChannel(ALEX))));
    const turn = turnIn(w, inChannel(ALEX));
    await meetings({
      turn,
      info: turn.info,
      services: w.deps as unknown as BotServices,
      command: { name: 'meetings', action: 'newLink' } as never,
    });
    expect(turn.sent).toHaveLength(1);
    expect(feedLink(turn.sent[0])).not.toBe(old);
    expect(await w.stores.calendarFeeds.resolve(old!)).toBeUndefined();
  });
});

describe('a public address', () => {
  it('is PUBLIC_URL without its trailing slash, else the host and port', () => {
    expect(publicUrl({ PUBLIC_URL: 'https://x.example/', HOST: 'h', PORT: 1 }, '/calendar/a.ics')).toBe('https://x.example/calendar/a.ics');
    expect(publicUrl({ PUBLIC_URL: undefined, HOST: '127.0.0.1', PORT: 3978 }, '/minutes/b.html')).toBe(
      'http://127.0.0.1:3978/minutes/b.html',
    );
  });
});
