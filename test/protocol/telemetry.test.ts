import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { metrics, trace } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { privacyScanner } from '../support/privacy-scan';
import { FLAGGED, FLAGGED_FRAGMENTS, SUBJECTS, writtenForms } from './consent.fixtures';

/**
 * Telemetry (issue 20, item 3): with APPLICATIONINSIGHTS_CONNECTION_STRING
 * set, the bot starts Azure Monitor's OpenTelemetry distribution and opens a
 * span per turn, card action, scheduled job and Bot Connector request, and
 * counts refusals by category, jobs, connector statuses. Nothing it exports
 * holds message text or an identifier.
 *
 * What is read: an in-memory span exporter and metric reader registered
 * through the distribution's own options, and everything the real Azure
 * Monitor exporter sends to its ingestion endpoint, which the connection
 * string points at a local HTTP server standing in for Application Insights.
 */

const TACTICAL = '19:channel-telemetry-tactical@thread.tacv2';
const TEAM = '19:team-telemetry@thread.tacv2';
const ADMIN = 'test-admin-token-0123456789abcdef';

const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
const ingested: string[] = [];
let ingestion: https.Server;
const TLS = path.join(__dirname, '..', 'fixtures', 'tls');
const tlsCheck = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
let t: TestBot;
let closed = false;

beforeAll(async () => {
  // The exporter makes every ingestion endpoint https; the stand-in serves a self-signed certificate
  // (test/fixtures/tls), which this test process alone is told to accept.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const tls = { key: readFileSync(path.join(TLS, 'localhost.key')), cert: readFileSync(path.join(TLS, 'localhost.crt')) };
  ingestion = https.createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      ingested.push(`${req.method} ${req.url}\n${(req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8')}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
  const port = (ingestion.address() as { port: number }).port;
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    env: {
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://127.0.0.1:${port}/`,
      SCHEDULER_TICK_MS: '0',
    },
    telemetry: { spanProcessors: [new SimpleSpanProcessor(spans)], metricReaders: [reader], sampleEverything: true },
  });
  await t.bot.services.channelLinks.link({
    tenantId: TENANT,
    conversationId: TACTICAL,
    groupId: 'samverkansgrupp',
    linkedBy: USERS.alex.aadObjectId,
    linkedAt: new Date().toISOString(),
  });
});

afterAll(async () => {
  if (!closed) await t?.close();
  await new Promise<void>((resolve) => ingestion?.close(() => resolve()));
  trace.disable();
  metrics.disable();
  if (tlsCheck === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsCheck;
});

async function post(activity: Record<string, unknown>): Promise<void> {
  expect((await t.post(activity)).status).toBe(200);
}

describe('telemetry through Azure Monitor (ingestion endpoint on a local stand-in; exporters in memory)', () => {
  it('a span per turn, card action, job and connector request; refusals and jobs counted; no text or identifier anywhere', async () => {
    const at = { serviceUrl: t.emulator.url };
    await post(personalMessage('hjälp', at));
    await post(actionExecute('language.set', { language: 'en' }, at));
    for (const text of Object.values(FLAGGED))
      await post(channelMessage(text, { ...at, channelId: TACTICAL, teamId: TEAM, user: USERS.adele }));
    await post(
      channelMessage(`Vi behöver prata om ${SUBJECTS.c.name} i 4B`, { ...at, channelId: TACTICAL, teamId: TEAM, user: USERS.adele }),
    );
    const run = await fetch(`${t.bot.url}/api/jobs/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ job: 'tick', now: new Date(Date.now() + 60_000).toISOString() }),
    });
    expect(run.status).toBe(200);
    await reader.forceFlush();

    const finished = spans.getFinishedSpans();
    const named = (name: string) => finished.filter((s) => s.name === name);
    expect(named('turn').length).toBeGreaterThanOrEqual(7);
    expect(named('turn').every((s) => typeof s.attributes.outcome === 'string')).toBe(true);
    expect(named('turn').some((s) => s.attributes.command === 'help')).toBe(true);
    expect(named('turn').filter((s) => s.attributes.outcome === 'refused').length).toBeGreaterThanOrEqual(Object.keys(FLAGGED).length);
    expect(named('card.action').map((s) => s.attributes.verb)).toContain('language.set');
    const connector = named('connector.request');
    expect(connector.length).toBeGreaterThanOrEqual(7);
    expect(connector.every((s) => /^(GET|POST|PUT|DELETE) v3\//.test(String(s.attributes['connector.operation'])))).toBe(true);
    expect(connector.some((s) => s.attributes['http.status'] === 200 || s.attributes['http.status'] === 201)).toBe(true);
    // A connector request runs inside its turn: the trace ties the reply to the message.
    const turnIds = new Set(named('turn').map((s) => s.spanContext().spanId));
    expect(connector.some((s) => s.parentSpanContext && turnIds.has(s.parentSpanContext.spanId))).toBe(true);
    expect(named('job').length).toBeGreaterThanOrEqual(1);
    expect(named('job').every((s) => typeof s.attributes['job.kind'] === 'string')).toBe(true);

    const points = metricExporter
      .getMetrics()
      .flatMap((r) => r.scopeMetrics)
      .flatMap((s) => s.metrics)
      .flatMap((m) => m.dataPoints.map((p) => ({ name: m.descriptor.name, attributes: p.attributes, value: p.value as number })));
    const refusals = points.filter((p) => p.name === 'samverkan.gate.refusals');
    expect(refusals.reduce((n, p) => n + p.value, 0)).toBeGreaterThanOrEqual(Object.keys(FLAGGED).length);
    expect(refusals.some((p) => p.attributes.category === 'personnummer')).toBe(true);
    expect(points.some((p) => p.name === 'samverkan.jobs' && p.value > 0)).toBe(true);
    expect(points.some((p) => p.name === 'samverkan.connector.requests' && p.value > 0)).toBe(true);

    // Everything exported, read whole: span names, attributes, events, status; metric points; what reached "Application Insights".
    // Closing shuts the distribution down, which flushes the Azure Monitor exporter to the stand-in.
    closed = true;
    await t.close();
    const leaks = privacyScanner({
      twelves: Object.values(SUBJECTS).map((s) => s.twelve),
      names: Object.values(SUBJECTS).map((s) => s.name),
      texts: [...Object.values(FLAGGED), ...FLAGGED_FRAGMENTS, ...Object.values(SUBJECTS).flatMap((s) => writtenForms(s.twelve))],
      now: new Date(),
    });
    const exported = [
      ...finished.map((s) =>
        JSON.stringify({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links }),
      ),
      ...points.map((p) => JSON.stringify(p)),
      ...ingested,
    ];
    expect(ingested.length).toBeGreaterThan(0);
    expect(ingested.join('\n')).toMatch(/"name":\s*"turn"|turn/);
    const found = exported.flatMap((text, i) => leaks(`export ${i}`, text));
    expect(found).toEqual([]);
  });
});
