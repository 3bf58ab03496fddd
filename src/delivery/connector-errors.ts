/** What a failed Bot Connector call says: its HTTP status and how long Teams asks to wait (Retry-After). */

export function connectorStatus(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

export function retryAfterMs(err: unknown): number | undefined {
  const e = err as { response?: { headers?: { get?: (k: string) => string | undefined | null } | Record<string, string> } };
  const headers = e?.response?.headers;
  const raw =
    typeof (headers as { get?: unknown })?.get === 'function'
      ? (headers as { get: (k: string) => string | null | undefined }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
