import { describe, expect, it } from 'vitest';
import { helpEntriesFor } from '../../../src/features/help/entries';
import { fakeTurn } from '../../support/turn';
import { ADELE, ALEX, inChannel, MEGAN, OPERATIVE_CHANNEL, personal, TACTICAL_CHANNEL, world } from '../features/consent/setup';

describe('sip on the help card', async () => {
  const w = await world();
  const entries = (info: Parameters<typeof fakeTurn>[0]) => helpEntriesFor(w.deps, fakeTurn(info, w.deps));

  it('is offered to operative members in personal chat and in the operative channel', async () => {
    expect(await entries(personal(MEGAN))).toContain('sip');
    expect(await entries(inChannel(MEGAN, OPERATIVE_CHANNEL))).toContain('sip');
  });

  it('is not offered outside operative groups: a tactical member, nor a convener in the tactical channel', async () => {
    expect(await entries(personal(ADELE))).not.toContain('sip');
    expect(await entries(inChannel(ALEX, TACTICAL_CHANNEL))).not.toContain('sip');
  });
});
