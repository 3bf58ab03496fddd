import { spawn, type ChildProcess } from 'node:child_process';
import { meetingIdFor } from '../../src/domain/meetings/meeting';
import { TableStore } from '../../src/storage/tables';
import path from 'node:path';
import { FLAGGED, SUBJECTS } from '../protocol/consent.fixtures';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from './activities';
import { LOG_DIR } from './bot-harness';
import { cardKind, cardOf, type ConnectorEmulator, type SentActivity } from './connector-emulator';

/**
 * A scripted day of Samverkan (issue 8's fault run): two groups linked to
 * their channels, meetings booked, answered, agendas proposed by card and
 * by command and published, a consent recorded and its case put on the
 * operative agenda, minutes saved and finalised, a review recorded, the
 * digest asked for, and the timers of three weeks run: the weekly digests,
 * the agenda, day-before and minutes reminders, an action's due date and
 * the review reminders.
 *
 * Run by whole bot processes (test/support/bot-process.ts) on one Azurite.
 * `kills` SIGKILLs the process at chosen points; the driver then does what
 * Teams and a timer would: starts a new process, resends the activity that
 * got no answer (same activity id) and ticks the scheduler again until the
 * dead process's leases have run out. The end state — every stored row,
 * normalised, and what reached the connector — can then be compared with
 * an uninterrupted run's.
 */

export const DAY_NOW = '2026-11-22T10:00:00.000Z';
const TOKEN = 'test-admin-token-0123456789abcdef';
const TEAM = '19:team-day@thread.tacv2';
const TACTICAL = '19:channel-day-tactical@thread.tacv2';
const OPERATIVE = '19:channel-day-operative@thread.tacv2';
export const LEASE_MS = 1500;
/** How many ticks, half a lease apart, a step may take to settle after a kill. */
const SETTLE_TICKS = 40;

interface Context {
  serviceUrl: string;
  caseRef?: string;
}

interface Step {
  name: string;
  /** An activity to POST to /api/messages, or a scheduler tick at `tick`. */
  activity?: (c: Context) => Record<string, any>;
  tick?: string;
  /** Reads what the step answered (the case reference a consent got). */
  after?: (body: string, c: Context) => void;
}

const at = (i: number) => new Date(Date.parse(DAY_NOW) + i * 1000).toISOString();

/** Fixed activity ids and timestamps: the same script gives the same ids in every run. */
function fixed<T extends Record<string, any>>(a: T, i: number): T {
  return { ...a, id: `day-activity-${i}`, timestamp: at(i) };
}

function inChannel(text: string, channelId: string, user: TestUser, c: Context) {
  return channelMessage(text, { serviceUrl: c.serviceUrl, mention: true, channelId, teamId: TEAM, user });
}

function cardAction(verb: string, data: Record<string, string>, user: TestUser, c: Context, channelId?: string) {
  const conversation = channelId ? { id: channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT } : undefined;
  const a = actionExecute(verb, data, { serviceUrl: c.serviceUrl, user, conversation }) as Record<string, any>;
  if (channelId) a.channelData = { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: channelId } };
  return a;
}

const TACTICAL_MEETING = meetingIdFor('samverkansgrupp', 'day-activity-4', 0);
const OPERATIVE_MEETING = meetingIdFor('operativ', 'day-activity-5', 0);

export function scriptedDay(): Step[] {
  const steps: Step[] = [
    { name: 'alex opens the personal chat', activity: (c) => personalMessage('hjälp', { serviceUrl: c.serviceUrl }) },
    { name: 'megan opens the personal chat', activity: (c) => personalMessage('hjälp', { serviceUrl: c.serviceUrl, user: USERS.megan }) },
    { name: 'link the tactical channel', activity: (c) => inChannel('grupp koppla samverkansgrupp', TACTICAL, USERS.alex, c) },
    { name: 'link the operative channel', activity: (c) => inChannel('grupp koppla operativ', OPERATIVE, USERS.alex, c) },
    { name: 'book the tactical meeting', activity: (c) => inChannel('boka 2026-12-10 13:00 90 Nämndrummet', TACTICAL, USERS.alex, c) },
    { name: 'book the operative meeting', activity: (c) => inChannel('boka 2026-12-08 09:00 60 Skolan', OPERATIVE, USERS.alex, c) },
    {
      name: 'adele answers yes',
      activity: (c) => cardAction('meeting.rsvp', { meetingId: TACTICAL_MEETING, answer: 'yes' }, USERS.adele, c, TACTICAL),
    },
    {
      name: 'alex answers maybe',
      activity: (c) => cardAction('meeting.rsvp', { meetingId: TACTICAL_MEETING, answer: 'maybe' }, USERS.alex, c, TACTICAL),
    },
    {
      name: 'megan answers yes',
      activity: (c) => cardAction('meeting.rsvp', { meetingId: OPERATIVE_MEETING, answer: 'yes' }, USERS.megan, c, OPERATIVE),
    },
    {
      name: 'adele proposes on the card',
      activity: (c) =>
        cardAction('agenda.propose', { meetingId: TACTICAL_MEETING, text: 'Rutin vid hög frånvaro' }, USERS.adele, c, TACTICAL),
    },
    { name: 'alex proposes by command', activity: (c) => inChannel('dagordning + Kompetensdag i mars (15 min)', TACTICAL, USERS.alex, c) },
    {
      name: 'megan records a consent',
      activity: (c) =>
        cardAction(
          'consent.record',
          {
            subjectPersonnummer: SUBJECTS.a.twelve.replace(/^(\d{8})/, '$1-'),
            subjectName: SUBJECTS.a.name,
            groupIds: 'operativ',
            validFrom: '',
            validUntil: '2027-06-30',
            parties: 'guardian1,guardian2',
            purpose: 'Samordning kring skolgång och stöd',
            informationCategories: 'Skolgång, hälsa',
            exclusions: '',
            form: 'written',
            documentRef: 'Dnr SN 2026/14',
          },
          USERS.megan,
          c,
        ),
      after: (body, c) => {
        const ref = /SAM-[A-Z0-9]{8}/.exec(body)?.[0];
        if (!ref) throw new Error('the consent step answered no case reference');
        c.caseRef = ref;
      },
    },
    {
      name: 'megan puts the case on the operative agenda',
      activity: (c) =>
        cardAction(
          'agenda.propose',
          { meetingId: OPERATIVE_MEETING, text: `${c.caseRef} uppföljning av skolgång (10 min)` },
          USERS.megan,
          c,
          OPERATIVE,
        ),
    },
    { name: 'a case under its consent in the operative channel', activity: (c) => inChannel(FLAGGED.aAbsence, OPERATIVE, USERS.megan, c) },
    { name: 'the same case refused in the tactical channel', activity: (c) => inChannel(FLAGGED.aAbsence, TACTICAL, USERS.adele, c) },
    { name: 'alex lists the meetings', activity: (c) => inChannel('möten', TACTICAL, USERS.alex, c) },
    {
      name: 'alex publishes the tactical agenda',
      activity: (c) => cardAction('agenda.publish', { meetingId: TACTICAL_MEETING }, USERS.alex, c, TACTICAL),
    },
    { name: 'digest, week 48', tick: '2026-11-23T06:31:00Z' },
    {
      name: 'alex records a review',
      activity: (c) =>
        cardAction(
          'review.complete',
          { documentId: 'riktlinje-samverkan', 'date_riktlinje-samverkan': '2026-11-20', 'decisionRef_riktlinje-samverkan': 'SN 2026/99' },
          USERS.alex,
          c,
        ),
    },
    { name: 'digest, week 49', tick: '2026-11-30T06:31:00Z' },
    { name: 'agenda reminder (operative)', tick: '2026-12-03T08:01:00Z' },
    { name: 'day before (operative)', tick: '2026-12-07T08:01:00Z' },
    { name: 'agenda reminder (tactical, published: none)', tick: '2026-12-07T08:02:00Z' },
    { name: 'alex asks for the digest', activity: (c) => personalMessage('sammanfattning', { serviceUrl: c.serviceUrl }) },
    { name: 'day before (tactical)', tick: '2026-12-09T08:01:00Z' },
    {
      name: 'alex saves the tactical minutes',
      activity: (c) =>
        cardAction(
          'minutes.save',
          {
            meetingId: TACTICAL_MEETING,
            attendees: 'alex.wilber,adele.vance',
            guests: 'Eva Ek, rektor',
            decisions: 'Rutinen antas.',
            actions: 'Uppdatera rutinen; Alex Wilber; 2026-12-16',
          },
          USERS.alex,
          c,
          TACTICAL,
        ),
    },
    {
      name: 'alex finalises the tactical minutes',
      activity: (c) =>
        cardAction(
          'minutes.finalize',
          {
            meetingId: TACTICAL_MEETING,
            attendees: 'alex.wilber,adele.vance',
            guests: 'Eva Ek, rektor',
            decisions: 'Rutinen antas.',
            actions: 'Uppdatera rutinen; Alex Wilber; 2026-12-16',
          },
          USERS.alex,
          c,
          TACTICAL,
        ),
    },
    { name: 'minutes check (operative) and digest, week 51', tick: '2026-12-14T06:31:00Z' },
    { name: 'minutes check day', tick: '2026-12-11T08:01:00Z' },
    { name: 'minutes check, later', tick: '2026-12-15T08:01:00Z' },
    { name: 'the action is due', tick: '2026-12-16T08:01:00Z' },
    { name: 'digest, week 52', tick: '2026-12-21T06:31:00Z' },
  ];
  return steps;
}

export interface BotProcess {
  child: ChildProcess;
  url: string;
}

export function startBotProcess(env: {
  connectionString: string;
  prefix: string;
  now?: string;
  leaseMs?: number;
  logFile?: string;
}): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/bot-process.ts'], {
    env: {
      ...process.env,
      NODE_OPTIONS: '--disable-warning=DEP0111',
      PREFIX: env.prefix,
      CONN: env.connectionString,
      NOW: env.now ?? DAY_NOW,
      ...(env.logFile ? { LOG_FILE: env.logFile } : {}),
      // A connector request may take at most half a fan-out lease (the configuration insists it is shorter).
      ...(env.leaseMs ? { LEASE_MS: String(env.leaseMs), BOT_ENV_CONNECTOR_TIMEOUT_MS: String(Math.floor(env.leaseMs / 2)) } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code, signal) => reject(new Error(`bot process exited ${code ?? signal}`)));
  });
}

export interface Kill {
  /** Index of the step during which the process is killed… */
  step: number;
  /** …this long after the step's request was sent (it may have finished by then). */
  delayMs: number;
}

export interface DayResult {
  /** Every stored row, normalised (see normaliseRow), by table. */
  state: Record<string, Array<Record<string, unknown>>>;
  /** Messages with an idempotency key: key → deliveries. */
  keyed: Map<string, number>;
  /** Messages without one (answers within a turn), normalised, with counts. */
  unkeyed: Map<string, number>;
  /**
   * What each card the bot updated in place shows at the end (its last
   * update), by conversation, kind and meeting: a resend may update a card
   * once more on the way, but the card must end as it would have.
   */
  cards: Map<string, string>;
  /** Kills that landed while a step was still running. */
  killsMidStep: number;
  kills: number;
  restarts: number;
  resends: number;
  ms: number;
  /** Per step: the time its request took in this run (ms). */
  stepMs: number[];
}

async function post(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

function kill(p: BotProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.child.once('exit', () => resolve());
    p.child.kill('SIGKILL');
  });
}

/**
 * Runs the scripted day. Between the steps nothing waits for the bot but
 * the step's own answer, as in Teams.
 */
export async function runScriptedDay(o: {
  connectionString: string;
  prefix: string;
  emulator: ConnectorEmulator;
  kills?: Kill[];
  /** Bot processes on the one storage: activities go to them in turn (a round-robin proxy), ticks to all at once. */
  processes?: number;
}): Promise<DayResult> {
  const started = Date.now();
  await new TableStore(o.connectionString, o.prefix).ensureTables();
  const c: Context = { serviceUrl: o.emulator.url };
  let n = 0;
  // Each process logs to the folder the privacy scan reads (test/protocol/zz-privacy.test.ts).
  const start = () =>
    startBotProcess({
      connectionString: o.connectionString,
      prefix: o.prefix,
      leaseMs: LEASE_MS,
      logFile: path.join(LOG_DIR, `${o.prefix}-${++n}.jsonl`),
    });
  const bots: BotProcess[] = [];
  for (let p = 0; p < (o.processes ?? 1); p++) bots.push(await start());
  let next = 0;
  const result = { kills: 0, killsMidStep: 0, restarts: 0, resends: 0, stepMs: [] as number[] };
  const steps = scriptedDay();
  try {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const planned = (o.kills ?? []).filter((k) => k.step === i);
      const stepStarted = performance.now();
      let attempt = 0;
      let settles = 0;
      for (;;) {
        const killer = planned[attempt];
        // An activity goes to the next process; a tick to every process at the same moment (a kill takes the first).
        const index = step.activity ? next++ % bots.length : 0;
        const bot = bots[index]!;
        let timer: NodeJS.Timeout | undefined;
        let killed: Promise<void> | undefined;
        if (killer) {
          timer = setTimeout(() => {
            killed = kill(bot);
          }, killer.delayMs);
        }
        let answered: { status: number; body: string } | undefined;
        try {
          if (step.activity) {
            answered = await post(bot.url, '/api/messages', fixed(step.activity(c), i));
          } else {
            const answers = await Promise.all(
              bots.map((b) => post(b.url, '/api/jobs/run', { job: 'tick', now: step.tick }, { authorization: `Bearer ${TOKEN}` })),
            );
            answered = answers.find((a) => a.status >= 500 || !settled(a.body)) ?? answers[0];
          }
        } catch {
          answered = undefined; // the connection died with the process
        }
        if (killer) {
          // The planned kill happens now at the latest (between this step and the next, if the step was quicker).
          clearTimeout(timer);
          if (!killed) {
            killed = kill(bot);
          } else if (!answered) {
            result.killsMidStep += 1;
          }
          await killed;
          result.kills += 1;
          bots[index] = await start();
          result.restarts += 1;
        }
        if (answered && answered.status < 500) {
          if (step.after) step.after(answered.body, c);
          if (!step.tick || settled(answered.body)) break;
          // Work left under a dead process's lease, or a send retried after its backoff: tick again once it has run
          // out. A digest killed mid-fan-out on a slow machine took more than 20 such ticks (15 s) to settle in CI.
          await new Promise((r) => setTimeout(r, LEASE_MS / 2));
          if (++settles > SETTLE_TICKS) throw new Error(`step ${i} (${step.name}): jobs still leased after ${SETTLE_TICKS} ticks`);
          continue;
        }
        // No answer (or a 5xx): Teams resends the activity, the timer ticks again.
        attempt += 1;
        result.resends += 1;
        if (attempt > 10) throw new Error(`step ${i} (${step.name}) did not complete`);
      }
      result.stepMs.push(performance.now() - stepStarted);
    }
    // A last tick after every lease has run out: nothing is left running anywhere.
    await new Promise((r) => setTimeout(r, LEASE_MS + 200));
    const last = steps.filter((s) => s.tick).at(-1)!.tick!;
    await Promise.all(bots.map((b) => post(b.url, '/api/jobs/run', { job: 'tick', now: last }, { authorization: `Bearer ${TOKEN}` })));
  } finally {
    await Promise.all(bots.map(kill));
  }
  const state = await snapshot(o.connectionString, o.prefix, o.emulator.url);
  const keyed = new Map<string, number>();
  const unkeyed = new Map<string, number>();
  const cards = new Map<string, string>();
  for (const a of o.emulator.sent) {
    const key = a.body?.channelData?.samverkan?.idempotencyKey;
    if (typeof key === 'string') keyed.set(key, (keyed.get(key) ?? 0) + 1);
    else if (a.method === 'PUT') {
      const card = cardOf(a);
      const meetingId = /"meetingId":"([^"]+)"/.exec(JSON.stringify(card ?? {}))?.[1] ?? '';
      cards.set(`${a.conversationId} ${cardKind(a) ?? ''} ${meetingId}`, describe(a, o.emulator.url));
    } else {
      const k = describe(a, o.emulator.url);
      unkeyed.set(k, (unkeyed.get(k) ?? 0) + 1);
    }
  }
  return { ...result, state, keyed, unkeyed, cards, ms: Date.now() - started };
}

/** A tick's answer: true when nothing due was left to another process (leased there) or failed. */
function settled(body: string): boolean {
  let answer: { skipped: number; failed: number; byKind: Record<string, { skipped: number }> };
  try {
    answer = JSON.parse(body) as { skipped: number; failed: number; byKind: Record<string, { skipped: number }> };
  } catch {
    return false;
  }
  const skippedByHandlers = Object.values(answer.byKind ?? {}).reduce((n, k) => n + k.skipped, 0);
  return answer.skipped - skippedByHandlers <= 0 && answer.failed === 0;
}

const VOLATILE: Record<string, string[]> = {
  JobIds: ['createdAt'],
  // Leases, attempts and the real time they ran at differ after a crash; what was done does not.
  Jobs: ['leaseOwner', 'leaseUntil', 'attempts', 'doneAt', 'lastError', 'notBefore', 'createdAt'],
  JobState: ['updatedAt'],
  Outbox: ['leaseOwner', 'leaseUntil', 'attempts', 'notBefore', 'lastError', 'sentAt'],
};

function normalise(value: unknown, serviceUrl: string): unknown {
  if (typeof value !== 'string') return value;
  // The emulator's ids count requests, which resends change; the service URL's port differs per run.
  return value
    .split(serviceUrl)
    .join('<serviceUrl>')
    .replace(/emu-\d+/g, 'emu-#');
}

/** Secrets drawn at random (a calendar link, a printable minutes link) and the hashes rows are found by. */
const RANDOM_FIELDS = new Set(['token', 'printToken']);
const HASH_KEYED = new Set(['CalendarFeeds', 'MinutesPrint']);

export function normaliseRow(table: string, row: Record<string, unknown>, serviceUrl: string): Record<string, unknown> {
  const drop = new Set(['etag', 'timestamp', 'odata.etag', 'odata.metadata', ...(VOLATILE[table] ?? [])]);
  // A group's change mark for the day (Figures, partition x|…): that it changed is the state; the real time is not.
  if (table === 'Figures' && String(row.partitionKey).startsWith('x|')) drop.add('at');
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row).sort()) {
    if (drop.has(k)) continue;
    const random = RANDOM_FIELDS.has(k) || (k === 'rowKey' && HASH_KEYED.has(table) && /^[0-9a-f]{64}$/.test(String(row[k])));
    out[k] = random ? (row[k] ? '<random>' : '') : normalise(row[k], serviceUrl);
  }
  return out;
}

/** Deterministic kill points: `count` steps drawn by a seeded generator, each killed after up to 1.2 × its time in `stepMs`. */
export function killPlan(seed: number, count: number, stepMs: number[]): Kill[] {
  let x = seed >>> 0;
  const rnd = () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const steps = new Set<number>();
  while (steps.size < Math.min(count, stepMs.length)) steps.add(Math.floor(rnd() * stepMs.length));
  return [...steps].sort((a, b) => a - b).map((step) => ({ step, delayMs: Math.round(rnd() * 1.2 * stepMs[step]!) }));
}

/** Every row of every table with this prefix, normalised and sorted; day tables of jobs grouped under "Jobs". */
export async function snapshot(
  connectionString: string,
  prefix: string,
  serviceUrl: string,
): Promise<Record<string, Array<Record<string, unknown>>>> {
  const store = new TableStore(connectionString, prefix);
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for await (const t of store.service().listTables()) {
    const name = t.name ?? '';
    if (!name.startsWith(prefix)) continue;
    const bare = name.slice(prefix.length);
    const table = /^Jobs\d{8}$/.test(bare) ? 'Jobs' : bare;
    const rows: Array<Record<string, unknown>> = [];
    for await (const e of store.client(bare).listEntities()) {
      // The digest's lines cache (Figures, partition l|…) is derived and re-computable: what it holds depends on
      // when a digest was last asked for and the real time it was computed, not on what was done.
      if (table === 'Figures' && String((e as { partitionKey?: string }).partitionKey).startsWith('l|')) continue;
      rows.push(normaliseRow(table, e as Record<string, unknown>, serviceUrl));
    }
    (out[table] ??= []).push(...rows);
  }
  for (const rows of Object.values(out)) rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return out;
}

function describe(a: SentActivity, serviceUrl: string): string {
  const body = { ...a.body };
  delete body.id;
  delete body.timestamp;
  delete body.replyToId;
  // The calendar link's token is drawn at random.
  const text = (normalise(JSON.stringify(body), serviceUrl) as string).replace(
    /\/calendar\/[A-Za-z0-9_-]{20,}\.ics/g,
    '/calendar/<random>.ics',
  );
  // A proactive send answers the synthetic activity botbuilder makes up for the turn, a random id.
  const path = (normalise(a.path, serviceUrl) as string).replace(/\/activities\/[0-9a-f]{8}-[0-9a-f-]{27}$/, '/activities/<proactive>');
  return `${a.method} ${path} ${text}`;
}

/**
 * Where a run's end state differs from another's: per table, the rows that
 * differ; keyed messages missing, extra or delivered more than once; turn
 * answers and card updates that one run sent and the other did not (a
 * resent turn may answer again, so their counts may differ). Empty when the
 * end states are the same.
 */
export function differences(got: DayResult, want: DayResult): string[] {
  const out: string[] = [];
  const clip = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}…` : s);
  for (const table of new Set([...Object.keys(got.state), ...Object.keys(want.state)])) {
    const g = (got.state[table] ?? []).map((r) => JSON.stringify(r));
    const w = (want.state[table] ?? []).map((r) => JSON.stringify(r));
    const onlyGot = g.filter((r) => !w.includes(r));
    const onlyWant = w.filter((r) => !g.includes(r));
    if (g.length !== w.length || onlyGot.length || onlyWant.length) {
      out.push(
        `${table}: ${g.length} rows, expected ${w.length}${onlyGot.length ? `; unexpected ${clip(onlyGot.join(' | '))}` : ''}${onlyWant.length ? `; expected ${clip(onlyWant.join(' | '))}` : ''}`,
      );
    }
  }
  for (const k of want.keyed.keys()) if (!got.keyed.has(k)) out.push(`keyed message ${k} not delivered`);
  for (const [k, n] of got.keyed) {
    if (!want.keyed.has(k)) out.push(`keyed message ${k} not expected`);
    if (n !== 1) out.push(`keyed message ${k} delivered ${n} times`);
  }
  // A card's texts say more than its first few hundred characters of JSON.
  const texts = (k: string) => [...k.matchAll(/"(?:text|value)":"([^"]{1,120})"/g)].map((m) => m[1]).join(' · ');
  for (const k of want.unkeyed.keys())
    if (!got.unkeyed.has(k)) out.push(`answer not sent: ${clip(k.split(' ').slice(0, 2).join(' '))} ${clip(texts(k))}`);
  for (const k of got.unkeyed.keys())
    if (!want.unkeyed.has(k)) out.push(`answer not expected: ${clip(k.split(' ').slice(0, 2).join(' '))} ${clip(texts(k))}`);
  for (const [card, k] of want.cards) {
    const g = got.cards.get(card);
    if (g === undefined) out.push(`card never updated: ${card}`);
    else if (g !== k) out.push(`card ${card} ends as ${clip(texts(g))}, expected ${clip(texts(k))}`);
  }
  for (const card of got.cards.keys()) if (!want.cards.has(card)) out.push(`card updated that should not be: ${card}`);
  return out;
}
