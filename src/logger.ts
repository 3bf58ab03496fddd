import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

// Anything shaped like a personnummer or samordningsnummer is masked in the
// final log line, whatever code path put it there: defence in depth behind
// the rule that message text is never logged.
// GUID-shaped ids (tenant, Entra object ids) are matched first and kept:
// their all-digit groups (`00000000-0000`, a 12-digit tail) look like one.
const PERSONNUMMER_SHAPE =
  /(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12,}|(?<![0-9])(?:[0-9]{2})?[0-9]{6}[-+ ]?[0-9]{4}(?![0-9])/g;

export function scrubLine(line: string): string {
  return line.replace(PERSONNUMMER_SHAPE, (m) => (m.length >= 36 && m[8] === '-' ? m : '[redacted]'));
}

export interface LoggerOptions {
  level: string;
  pretty?: boolean;
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base: pino.LoggerOptions = {
    level: options.level,
    base: { app: 'samverkan' },
    redact: {
      paths: ['text', '*.text', 'activity.text', 'req.headers.authorization', 'headers.authorization', 'password', '*.password'],
      censor: '[redacted]',
    },
    hooks: { streamWrite: scrubLine },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (o: object) => DestinationStream;
    return pino(base, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', sync: true }));
  }
  return pino(base);
}
