import { startAzurite } from '../src/storage/azurite';
import { startTestBot } from '../test/support/bot-harness';
import { personalMessage, channelMessage } from '../test/support/activities';
import { fmt, summarise } from './stats';

/**
 * Protocol round trip: an activity POSTed over real HTTP to the bot, through
 * botbuilder and teams-ai, TurnState read from Azurite, the reply card sent
 * to the connector emulator. Timed from the POST to the emulator's receipt.
 */
export async function runRoundTripBench(iterations = 400) {
  const azurite = await startAzurite();
  const t = await startTestBot({ connectionString: azurite.connectionString, env: { LOG_LEVEL: 'warn' } });
  try {
    const oneTrip = async (text: string) => {
      const before = t.emulator.sent.length;
      const start = process.hrtime.bigint();
      const res = await t.post(personalMessage(text, { serviceUrl: t.emulator.url }));
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      await t.emulator.waitFor(() => true, 5000, before);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    for (let i = 0; i < 50; i++) await oneTrip('hjälp');
    const help: number[] = [];
    for (let i = 0; i < iterations; i++) help.push(await oneTrip('hjälp'));

    // An ordinary channel message the bot only reads (no reply): POST to 200.
    const silent: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      const res = await t.post(channelMessage('Vi ses på mötet i morgon klockan nio.', { serviceUrl: t.emulator.url }));
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      silent.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { helpRoundTrip: summarise(help), channelMessage: summarise(silent) };
  } finally {
    await t.close();
    await azurite.stop();
  }
}

if (require.main === module) {
  runRoundTripBench()
    .then((r) => {
      for (const [name, s] of Object.entries(r)) {
        console.log(`${name.padEnd(16)} n=${s.n} p50=${fmt(s.p50)} ms p90=${fmt(s.p90)} ms p99=${fmt(s.p99)} ms max=${fmt(s.max)} ms`);
      }
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
