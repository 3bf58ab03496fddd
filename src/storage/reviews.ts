import type { TableClient } from '@azure/data-tables';
import type { StoredReviews } from '../domain/reviews/reviews';
import { decodeKey, encodeKey } from './keys';
import { isConflict, isNotFound, odata } from './tables';

/** Reviews recorded in Teams, one row per (tenant, document), appended with ETag-conditional writes. */
const NO_TENANT = '~none';
type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

export class ReviewStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, documentId: string): Promise<(StoredReviews & { etag?: string }) | undefined> {
    try {
      const e = await this.table.getEntity<Row>(encodeKey(tenantId || NO_TENANT), encodeKey(documentId));
      return { documentId, reviews: JSON.parse(String(e.reviews ?? '[]')), etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async all(tenantId: string): Promise<Map<string, StoredReviews>> {
    const out = new Map<string, StoredReviews>();
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(tenantId || NO_TENANT)}` } })) {
      const id = decodeKey(e.rowKey ?? '');
      out.set(id, { documentId: id, reviews: JSON.parse(String(e.reviews ?? '[]')) });
    }
    return out;
  }

  /** Adds a review; the same date and decision twice (a resent action) is recorded once. */
  async add(tenantId: string, documentId: string, review: StoredReviews['reviews'][number]): Promise<StoredReviews> {
    for (let i = 0; i < 8; i++) {
      const cur = await this.get(tenantId, documentId);
      const reviews = cur?.reviews ?? [];
      if (reviews.some((r) => r.date === review.date && (r.decisionRef ?? '') === (review.decisionRef ?? ''))) return { documentId, reviews };
      const next = [...reviews, review].sort((a, b) => a.date.localeCompare(b.date));
      const entity = { partitionKey: encodeKey(tenantId || NO_TENANT), rowKey: encodeKey(documentId), reviews: JSON.stringify(next) };
      try {
        if (cur) await this.table.updateEntity(entity, 'Replace', { etag: cur.etag });
        else await this.table.createEntity(entity);
        return { documentId, reviews: next };
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    throw Object.assign(new Error('review update kept conflicting'), { code: 'UpdateConflict' });
  }
}
