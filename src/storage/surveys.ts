import { createHash, randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { encodeKey, tenantKey } from './keys';
import { isConflict, odata } from './tables';

/**
 * The yearly survey's answers (`survey.answer`), one partition per tenant and
 * survey. An answer is a row of values alone (`a|<random id>`: no person, no
 * token, no time); the token it was given with is kept as its hash in a row
 * of its own (`u|<hash>`). Both are written in one transaction, so a token
 * answers once: a second answer finds its row and writes nothing.
 */

type Row = Record<string, unknown> & { rowKey?: string };

const partition = (tenantId: string, surveyId: string) => `${tenantKey(tenantId)}|${encodeKey(surveyId)}`;
const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64url');

export class SurveyStore {
  constructor(private readonly table: TableClient) {}

  /** Stores one person's answers under their token; false when the token has answered before. */
  async answer(tenantId: string, surveyId: string, token: string, values: readonly number[]): Promise<boolean> {
    const pk = partition(tenantId, surveyId);
    try {
      await this.table.submitTransaction([
        ['create', { partitionKey: pk, rowKey: `u|${tokenHash(token)}` }],
        ['create', { partitionKey: pk, rowKey: `a|${randomUUID()}`, values: values.join(',') }],
      ]);
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /** Whether the token has answered. */
  async answered(tenantId: string, surveyId: string, token: string): Promise<boolean> {
    const filter = odata`PartitionKey eq ${partition(tenantId, surveyId)} and RowKey eq ${`u|${tokenHash(token)}`}`;
    for await (const _ of this.table.listEntities<Row>({ queryOptions: { filter, select: ['RowKey'] } })) return true;
    return false;
  }

  /** Every answer of a survey, each an array of values (0: left unanswered), in no order that says who. */
  async answers(tenantId: string, surveyId: string): Promise<number[][]> {
    const pk = partition(tenantId, surveyId);
    const out: number[][] = [];
    const filter = odata`PartitionKey eq ${pk} and RowKey ge ${'a|'} and RowKey lt ${'a}'}`;
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } }))
      out.push(
        String(e.values ?? '')
          .split(',')
          .map((v) => Number(v) || 0),
      );
    return out;
  }
}
