import { describe, expect, it } from 'vitest';
import { connectorOperation, errorKindOf, REDACTED, safeAttributes } from '../../src/telemetry';

describe('telemetry attributes', () => {
  it('keeps listed keys with plain values, drops other keys, redacts text and long digit runs', () => {
    expect(
      safeAttributes({
        command: 'help',
        verb: 'agenda.propose',
        'http.status': 429,
        outcome: 'refused',
        text: 'Kalle i 4B',
        'job.kind': 'delivery.meeting-card',
      }),
    ).toEqual({ command: 'help', verb: 'agenda.propose', 'http.status': 429, outcome: 'refused', 'job.kind': 'delivery.meeting-card' });
    expect(safeAttributes({ 'activity.name': '150312-1236' })).toEqual({ 'activity.name': REDACTED });
    expect(safeAttributes({ 'activity.name': '1503121236' })).toEqual({ 'activity.name': REDACTED });
    expect(safeAttributes({ 'activity.name': 'Vi behöver prata om Ali' })).toEqual({ 'activity.name': REDACTED });
    expect(safeAttributes({ 'activity.name': 'a'.repeat(81) })).toEqual({ 'activity.name': REDACTED });
    expect(safeAttributes({ 'fanout.sent': 1503121236 })).toEqual({ 'fanout.sent': REDACTED });
    expect(safeAttributes({ outcome: undefined, verb: null })).toEqual({});
  });

  it('names an error by its code or name, never its message', () => {
    expect(errorKindOf(Object.assign(new Error('Kalle 150312-1236'), { code: 'ConnectorTimeout' }))).toBe('ConnectorTimeout');
    expect(errorKindOf(new TypeError('Kalle 150312-1236'))).toBe('TypeError');
    expect(errorKindOf(Object.assign(new Error('x'), { code: 'Kalle Testsson was here' }))).toBe('Error');
    expect(errorKindOf('150312-1236')).toBe('unknown');
  });

  it('a connector URL becomes an operation without ids', () => {
    expect(
      connectorOperation('post', 'https://smba.trafficmanager.net/emea/v3/conversations/19:abc@thread.tacv2;messageid=171/activities/171'),
    ).toBe('POST v3/conversations/{id}/activities/{id}');
    expect(connectorOperation('GET', 'http://127.0.0.1:3978/v3/conversations/a:1XyZ/pagedmembers?continuationToken=x')).toBe(
      'GET v3/conversations/{id}/pagedmembers',
    );
    expect(connectorOperation(undefined, 'not a url')).toMatch(/^GET /);
  });
});
