import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubLine } from '../../src/logger';

class Lines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    for (const l of chunk.toString().split('\n')) if (l) this.lines.push(l);
    cb();
  }
}

describe('scrubLine', () => {
  it.each([
    '19781122-1234',
    '781122-1234',
    '7811221234',
    '197811221234',
    '781122+1234',
    '781122 1234',
    '20150312-1235',
    '701063-2391', // samordningsnummer (day + 60)
  ])('masks %s wherever it stands', (pnr) => {
    for (const line of [pnr, `x ${pnr} y`, `{"msg":"${pnr}"}`, `a=${pnr};`, `(${pnr})`]) {
      const out = scrubLine(line);
      expect(out, line).not.toContain(pnr);
      expect(out, line).toContain('[redacted]');
    }
  });

  it('masks several in one line', () => {
    expect(scrubLine('781122-1234 och 19900101-0017')).toBe('[redacted] och [redacted]');
  });

  it('masks one glued to letters, and one next to a GUID that it keeps', () => {
    expect(scrubLine('pnr19781122-1234abcd')).toBe('pnr[redacted]abcd');
    expect(scrubLine('00000000-0000-0000-0000-000000000001 19781122-1234')).toBe('00000000-0000-0000-0000-000000000001 [redacted]');
    expect(scrubLine('id=12345678-1234-5678-1234-567812345678,pnr=781122-1234')).toBe(
      'id=12345678-1234-5678-1234-567812345678,pnr=[redacted]',
    );
  });

  it.each([
    '{"level":30,"time":1712345678901,"pid":12345,"msg":"bot listening"}',
    '2026-03-10T12:00:00.000Z',
    '19:abc@thread.tacv2;messageid=1712345',
    'port 3978, 56150',
    '00000000-0000-0000-0000-0000000000020',
    '{"tenantId":"00000000-0000-0000-0000-000000000001"}',
    'aad 12345678-1234-5678-1234-567812345678 ok',
    '12345678901234',
    '1234-5678',
    'version 4.23.3',
  ])('leaves %s alone', (line) => {
    expect(scrubLine(line)).toBe(line);
  });
});

describe('createLogger', () => {
  it('masks personnummer in every written line and redacts message text fields', () => {
    const out = new Lines();
    const logger = createLogger({ level: 'debug', destination: out });
    logger.info({ text: 'hemligt meddelande', activity: { text: 'också hemligt' } }, 'message received');
    logger.warn('subject 19781122-1234 mentioned');
    logger.error({ err: { message: 'lookup failed for 781122-1234' } }, 'failed');
    logger.info({ password: 'pw', headers: { authorization: 'Bearer abc' } }, 'secrets');
    const all = out.lines.join('\n');
    expect(out.lines).toHaveLength(4);
    expect(all).not.toMatch(/hemligt|19781122-1234|781122-1234|Bearer abc|"pw"/);
    expect(all.match(/\[redacted\]/g)!.length).toBeGreaterThanOrEqual(6);
    for (const line of out.lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('respects the level', () => {
    const out = new Lines();
    const logger = createLogger({ level: 'warn', destination: out });
    logger.info('hidden');
    logger.warn('shown');
    expect(out.lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});
