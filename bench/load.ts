import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { startAzurite } from '../src/storage/azurite';
import { ChannelLinkStore } from '../src/storage/channel-links';
import { TABLES, TableStore } from '../src/storage/tables';
import { ConnectorEmulator } from '../test/support/connector-emulator';
import { actionExecute, channelMessage, CHANNEL, TENANT, USERS } from '../test/support/activities';
import { fmt, summarise } from './stats';

/**
 * `npm run bench:load` (issue 8): 100 ordinary channel messages a second for
 * LOAD_SECONDS (600) with commands and card actions mixed in, against the
 * real bot on Azurite. Reports p50/p99 turn latency per minute and overall,
 * errors, and the bot's heap (after a collection) from start to end.
 */

const RATE = Number(process.env.LOAD_RATE ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 600);
const MESSAGES = [
  'Hej alla! Påminner om att vi ses på torsdag klockan 13 i stora konferensrummet. Ta gärna med era synpunkter på rutinen för hög frånvaro.',
  'Jag har uppdaterat underlaget om kompetensplanen för nästa läsår; förslag på datum för utbildningsdagen tas emot.',
  'Styrgruppen tar upp sommarens samverkan på nästa möte, och vi återkommer med en kontaktlista innan skolavslutningen.',
  'Tack för ett bra möte i går. Protokollet kommer under veckan.',
];
const COMMANDS = ['hjälp', 'grupp', 'möten', 'dagordning', 'översyn'];
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

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

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const emulator = await new ConnectorEmulator().start();
  const prefix = `load${Date.now().toString(36)}`;
  const store = new TableStore(azurite.connectionString, prefix);
  await store.ensureTables([TABLES.channelLinks]);
  await new ChannelLinkStore(store.client(TABLES.channelLinks)).link({
    tenantId: TENANT,
    conversationId: CHANNEL.channelId,
    groupId: 'operativ',
    linkedBy: 'bench',
    linkedAt: new Date().toISOString(),
  });
  const heap: Array<[number, number, number]> = [];
  // Whether the samples were taken right after a full collection (they include garbage otherwise).
  let collected = false;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'support', 'samverkan-bot.ts')],
    {
      env: {
        ...process.env,
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX: prefix,
        IDENTIFIER_KEY: 'bench-identifier-key-0123456789abcdef',
        MEMORY_EVERY_MS: '15000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started0 = performance.now();
  const port = await new Promise<number>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
      for (const h of d.toString().matchAll(/HEAP (\d+) (\d+) (gc|nogc)/g)) {
        heap.push([(performance.now() - started0) / 1000, Number(h[1]), Number(h[2])]);
        collected = h[3] === 'gc';
      }
    });
  });
  const url = `http://127.0.0.1:${port}/api/messages`;
  const perMinute: number[][] = [];
  const all: number[] = [];
  let errors = 0;
  /** What each error was: an HTTP status, or the client's error code (a reset connection, a timeout). */
  const errorKinds: Record<string, number> = {};
  let commands = 0;
  let actions = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  const total = RATE * SECONDS;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let body: string;
    if (i % 50 === 25) {
      commands++;
      body = JSON.stringify(channelMessage(COMMANDS[((i / 50) % COMMANDS.length) | 0]!, { serviceUrl: emulator.url, mention: true }));
    } else if (i % 100 === 60) {
      actions++;
      body = JSON.stringify(actionExecute('digest.open', { view: 'reviews' }, { serviceUrl: emulator.url, user: USERS.alex }));
    } else {
      body = JSON.stringify(channelMessage(MESSAGES[i % MESSAGES.length]!, { serviceUrl: emulator.url }));
    }
    const t0 = performance.now();
    const minute = Math.floor((t0 - started) / 60_000);
    inflight.push(
      post(url, body)
        .then((status) => {
          if (status >= 400) {
            errors++;
            errorKinds[`HTTP ${status}`] = (errorKinds[`HTTP ${status}`] ?? 0) + 1;
          }
          const ms = performance.now() - t0;
          (perMinute[minute] ??= []).push(ms);
          all.push(ms);
        })
        .catch((err: NodeJS.ErrnoException) => {
          errors++;
          const kind = err.code ?? err.name ?? 'error';
          errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
        }),
    );
    if (inflight.length > 5000) await Promise.all(inflight.splice(0, 2500));
  }
  await Promise.all(inflight);
  await new Promise((r) => setTimeout(r, 16_000));
  child.kill('SIGTERM');
  await emulator.stop();
  await azurite.stop();
  const o = summarise(all);
  console.log(
    JSON.stringify(
      {
        rate: RATE,
        seconds: SECONDS,
        requests: all.length,
        commands,
        actions,
        errors,
        errorKinds,
        overall: { p50: o.p50, p90: o.p90, p99: o.p99, max: o.max },
        perMinute: perMinute.map((m, i) => {
          const s = summarise(m);
          return { minute: i + 1, n: s.n, p50: Number(fmt(s.p50)), p99: Number(fmt(s.p99)) };
        }),
        heapAfterGc: collected,
        heapMB: heap.map(([t, h, r]) => ({
          atSecond: Math.round(t),
          heapUsed: Number((h / 1048576).toFixed(1)),
          rss: Number((r / 1048576).toFixed(1)),
        })),
        repliesSent: emulator.sent.length,
      },
      null,
      1,
    ),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
