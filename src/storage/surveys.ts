import { createHash } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ALL, addToTally, emptyTally, type SurveyTally } from '../domain/survey/survey';
import { decodeKey, encodeKey, tenantKey } from './keys';
import { isConflict, isNotFound, odata } from './tables';

/**
 * The yearly survey's answers (`survey.answer`), one partition per tenant and
 * survey. Nothing in it says who answered what:
 *
 * - sending the survey issues each person's token: `i|<hash>` (issued, kept)
 *   and `o|<hash>` (open), both keyed by the token's hash only;
 * - an answer deletes the open row and adds its values to the tallies
 *   (`t|*` for everyone, `t|<group>` for each group of the respondent: how
 *   many answered, and per statement how many answered 1…5), in one
 *   transaction. A used token leaves no row written at the time of the
 *   answer, and no row holds one person's answers, so neither the time nor
 *   the groups of an answer can be traced to the person.
 *
 * Rows `a|<random id>` (one answer's values) were written before the tallies;
 * they are still counted in everyone's tally.
 */

type Row = Record<string, unknown> & { rowKey?: string; etag?: string };

const partition = (tenantId: string, surveyId: string) => `${tenantKey(tenantId)}|${encodeKey(surveyId)}`;
const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64url');
const tallyKey = (groupId: string) => `t|${groupId === ALL ? ALL : encodeKey(groupId)}`;

/** A tally as a row's fields: `n`, and `c` the counts, statements by `;`, values by `,`. */
const encodeTally = (t: SurveyTally) => ({ n: t.respondents, c: t.counts.map((c) => c.join(',')).join(';') });
function decodeTally(e: Row): SurveyTally {
  return {
    respondents: Number(e.n) || 0,
    counts: String(e.c ?? '')
      .split(';')
      .filter((s) => s !== '')
      .map((s) => {
        const c = s.split(',').map((v) => Number(v) || 0);
        return [0, 1, 2, 3, 4].map((i) => c[i] ?? 0);
      }),
  };
}

/** How often an answer is tried again when another answer changed a tally at the same time. */
const RETRIES = 12;

export class SurveyStore {
  constructor(private readonly table: TableClient) {}

  /** Issues a person's token for a survey (when the survey is sent); a token issued before stays as it is, used or not. */
  async issue(tenantId: string, surveyId: string, token: string): Promise<void> {
    const pk = partition(tenantId, surveyId);
    const h = tokenHash(token);
    try {
      await this.table.submitTransaction([
        ['create', { partitionKey: pk, rowKey: `i|${h}` }],
        ['create', { partitionKey: pk, rowKey: `o|${h}` }],
      ]);
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }

  /**
   * Adds one person's answers to everyone's tally and to each of `groupIds`'
   * and uses up their token, in one transaction; false when the token was
   * never issued or has answered before.
   */
  async answer(
    tenantId: string,
    surveyId: string,
    token: string,
    values: readonly number[],
    groupIds: readonly string[] = [],
  ): Promise<boolean> {
    const pk = partition(tenantId, surveyId);
    const open = `o|${tokenHash(token)}`;
    const keys = [...new Set([ALL, ...groupIds])].map(tallyKey);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.table.getEntity(pk, open);
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
      const current = new Map((await this.tallyRows(pk)).map((e) => [String(e.rowKey), e]));
      const actions: TransactionAction[] = [['delete', { partitionKey: pk, rowKey: open }]];
      for (const rowKey of keys) {
        const cur = current.get(rowKey);
        const next = encodeTally(addToTally(cur ? decodeTally(cur) : emptyTally(values.length), values));
        actions.push(
          cur
            ? ['update', { partitionKey: pk, rowKey, ...next }, 'Replace', { etag: String(cur.etag) }]
            : ['create', { partitionKey: pk, rowKey, ...next }],
        );
      }
      try {
        await this.table.submitTransaction(actions);
        return true;
      } catch (err) {
        // The open row gone: the same token answered meanwhile.
        if (isNotFound(err)) return false;
        // A tally changed or was created by another answer meanwhile: read again.
        if (isConflict(err) && attempt < RETRIES) continue;
        throw err;
      }
    }
  }

  /** Whether the token has answered (issued and used up). */
  async answered(tenantId: string, surveyId: string, token: string): Promise<boolean> {
    const pk = partition(tenantId, surveyId);
    const h = tokenHash(token);
    const has = async (rowKey: string) => {
      try {
        await this.table.getEntity(pk, rowKey);
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    };
    const [issued, open] = await Promise.all([has(`i|${h}`), has(`o|${h}`)]);
    return issued && !open;
  }

  /** A survey's tallies: everyone's (`ALL`) and each group's that any member answered; one range read of the partition. */
  async tallies(tenantId: string, surveyId: string): Promise<Map<string, SurveyTally>> {
    const pk = partition(tenantId, surveyId);
    const out = new Map<string, SurveyTally>();
    for (const e of await this.tallyRows(pk)) {
      const key = String(e.rowKey).slice(2);
      out.set(key === ALL ? ALL : decodeKey(key), decodeTally(e));
    }
    // Answers kept one a row before the tallies count in everyone's.
    const filter = odata`PartitionKey eq ${pk} and RowKey ge ${'a|'} and RowKey lt ${'a}'}`;
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      const values = String(e.values ?? '')
        .split(',')
        .map((v) => Number(v) || 0);
      out.set(ALL, addToTally(out.get(ALL) ?? emptyTally(values.length), values));
    }
    return out;
  }

  private async tallyRows(pk: string): Promise<Row[]> {
    const rows: Row[] = [];
    const filter = odata`PartitionKey eq ${pk} and RowKey ge ${'t|'} and RowKey lt ${'t}'}`;
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) rows.push(e);
    return rows;
  }
}
