import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { startAzurite } from '../src/storage/azurite';
import { ChannelLinkStore } from '../src/storage/channel-links';
import { TABLES, TableStore } from '../src/storage/tables';
import { ConnectorEmulator } from '../test/support/connector-emulator';
import { channelMessage, CHANNEL, TENANT } from '../test/support/activities';
import { fmt, summarise } from './stats';

const MESSAGES = [
  'Hej alla! Påminner om att vi ses på torsdag klockan 13 i stora konferensrummet. Ta gärna med era synpunkter på rutinen för hög frånvaro som vi började diskutera förra gången, så kan vi fatta beslut om den.',
  'Jag har uppdaterat underlaget om kompetensplanen för nästa läsår. Skolan och socialtjänsten vill båda ha en gemensam utbildningsdag om orosanmälningar under hösten; förslag på datum tas emot.',
  'Vi har fått frågor från flera rektorer om hur samverkan ska fungera under sommaren. Styrgruppen tar upp det på nästa möte, och vi återkommer med en tydlig kontaktlista innan skolavslutningen.',
  'Tack för ett bra möte i går. Protokollet kommer under veckan. Till nästa gång: alla tar med statistik över antal ärenden per skola under terminen, så följer vi upp indikatorerna i handlingsplanen.',
];

function startProcess(file: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Open-loop load: one message every 1000/rate ms, whatever the answers do. */
async function load(url: string, serviceUrl: string, rate: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const total = rate * seconds;
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = JSON.stringify(channelMessage(MESSAGES[i % MESSAGES.length]!, { serviceUrl }));
    const t0 = performance.now();
    inflight.push(
      post(url, body)
        .then((status) => {
          if (status >= 400) errors++;
          latencies.push(performance.now() - t0);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inflight);
  return { latencies, errors };
}

/**
 * Turn latency of an ordinary channel message (the consent gate plus the
 * storage reads of a turn) at 100 messages a second, against a minimal
 * teams-ai bot measured in the same run, alternating A B A B.
 */
export async function runTurnLatencyBench(rate = 100, seconds = 15, rounds = 2) {
  const azurite = await startAzurite();
  const emulator = await new ConnectorEmulator().start();
  const prefix = `bench${Date.now().toString(36)}`;
  const store = new TableStore(azurite.connectionString, prefix);
  await store.ensureTables([TABLES.channelLinks]);
  await new ChannelLinkStore(store.client(TABLES.channelLinks)).link({
    tenantId: TENANT,
    conversationId: CHANNEL.channelId,
    groupId: 'operativ',
    linkedBy: 'bench',
    linkedAt: new Date().toISOString(),
  });
  const bot = await startProcess(path.join(__dirname, 'support', 'samverkan-bot.ts'), {
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: prefix,
    IDENTIFIER_KEY: 'bench-identifier-key-0123456789abcdef',
  });
  const minimal = await startProcess(path.join(__dirname, 'support', 'minimal-bot.ts'), {});
  const results = { samverkan: [] as number[], minimal: [] as number[] };
  const errors = { samverkan: 0, minimal: 0 };
  try {
    // Warm up both (JIT, connection pools).
    await load(`http://127.0.0.1:${bot.port}/api/messages`, emulator.url, 50, 3);
    await load(`http://127.0.0.1:${minimal.port}/api/messages`, emulator.url, 50, 3);
    for (let r = 0; r < rounds; r++) {
      const a = await load(`http://127.0.0.1:${bot.port}/api/messages`, emulator.url, rate, seconds);
      const b = await load(`http://127.0.0.1:${minimal.port}/api/messages`, emulator.url, rate, seconds);
      results.samverkan.push(...a.latencies);
      errors.samverkan += a.errors;
      results.minimal.push(...b.latencies);
      errors.minimal += b.errors;
    }
  } finally {
    bot.child.kill('SIGTERM');
    minimal.child.kill('SIGTERM');
    await emulator.stop();
    await azurite.stop();
  }
  const s = summarise(results.samverkan);
  const m = summarise(results.minimal);
  return {
    rate,
    seconds: seconds * rounds,
    samverkan: { ...s, errors: errors.samverkan },
    minimal: { ...m, errors: errors.minimal },
    ratioP50: s.p50 / m.p50,
    ratioP99: s.p99 / m.p99,
    repliesSent: emulator.sent.length,
  };
}

if (require.main === module) {
  runTurnLatencyBench()
    .then((r) => {
      console.log(`rate ${r.rate}/s for ${r.seconds} s each, alternating`);
      for (const name of ['samverkan', 'minimal'] as const) {
        const x = r[name];
        console.log(
          `${name.padEnd(10)} n=${x.n} p50=${fmt(x.p50)} ms p90=${fmt(x.p90)} ms p99=${fmt(x.p99)} ms max=${fmt(x.max)} ms errors=${x.errors}`,
        );
      }
      console.log(`ratio p50=${fmt(r.ratioP50)} p99=${fmt(r.ratioP99)}; replies sent: ${r.repliesSent}`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
