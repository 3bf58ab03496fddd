import type { MetricReader } from '@opentelemetry/sdk-metrics';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Starts OpenTelemetry with Azure Monitor's distribution when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set. Only the bot's own spans and
 * metrics are collected (src/telemetry/index.ts): the distribution's
 * automatic instrumentations are all off, because the HTTP one would record
 * request URLs (a minutes page's token, a calendar feed's key) and the log
 * ones would copy log lines, whose privacy the logger keeps but an exporter
 * would not know about.
 */
export interface AzureMonitorOptions {
  connectionString: string;
  /** Extra processors and readers (the privacy test reads the export through in-memory ones). */
  spanProcessors?: SpanProcessor[];
  metricReaders?: MetricReader[];
  /** Keep every span (tests); the default samples at most 5 traces a second, the distribution's own default. */
  sampleEverything?: boolean;
}

export async function startAzureMonitor(options: AzureMonitorOptions): Promise<() => Promise<void>> {
  // Loaded only when configured: the distribution is large and most runs (local, tests) do not need it.
  const monitor = await import('@azure/monitor-opentelemetry');
  process.env.OTEL_SERVICE_NAME ??= 'samverkan';
  // The exporter's own usage statistics ("statsbeat") go to a Microsoft endpoint of their own, outside the
  // resource the municipality chose; off unless the operator turns them on.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT ??= 'true';
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED ??= 'true';
  const off = { enabled: false };
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: options.connectionString },
    enableLiveMetrics: false,
    enablePerformanceCounters: false,
    ...(options.sampleEverything ? { samplingRatio: 1, tracesPerSecond: 0 } : {}),
    instrumentationOptions: {
      http: off,
      azureSdk: off,
      mongoDb: off,
      mySql: off,
      postgreSql: off,
      redis: off,
      redis4: off,
      bunyan: off,
      winston: off,
      console: off,
    },
    spanProcessors: options.spanProcessors ?? [],
    metricReaders: options.metricReaders ?? [],
  });
  return () => monitor.shutdownAzureMonitor();
}
