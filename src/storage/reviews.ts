import type { TableClient } from '@azure/data-tables';
import type { StoredReviews } from '../domain/reviews/reviews';
import { decodeKey, encodeKey, NO_TENANT } from './keys';
import { isConflict, isNotFound, odata } from './tables';

type Review = StoredReviews['reviews'][number];
const sameReview = (a: Review, b: Review) => a.date === b.date && (a.decisionRef ?? '') === (b.decisionRef ?? '');
function mergeReviews(own: Review[], legacy: Review[]): Review[] {
  return [...own, ...legacy.filter((l) => !own.some((o) => sameReview(o, l)))].sort((a, b) => a.date.localeCompare(b.date));
}
type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

/**
 * Reviews recorded in Teams, one row per (tenant, document), appended with
 * ETag-conditional writes; the tenant is the organisation file's.
 *
 * Rows written while the file named no tenant are in the `~none` partition
 * (production refuses such a file; outside production it is still where
 * an organisation without a tenant keeps its reviews). An organisation that
 * names its tenant reads those rows too, merged into its own — a deployment
 * serves one organisation, so they were its own — and the next review it
 * records writes them into its tenant's row. The `~none` row is left as it is.
 */
export class ReviewStore {
  constructor(private readonly table: TableClient) {}

  /** The document's reviews: the tenant's row (its etag, when there is one) with any `~none` row merged in. */
  async get(tenantId: string, documentId: string): Promise<(StoredReviews & { etag?: string }) | undefined> {
    const own = await this.row(tenantId || NO_TENANT, documentId);
    const legacy = tenantId ? await this.row(NO_TENANT, documentId) : undefined;
    if (!legacy) return own;
    return { documentId, reviews: mergeReviews(own?.reviews ?? [], legacy.reviews), etag: own?.etag };
  }

  private async row(partition: string, documentId: string): Promise<(StoredReviews & { etag?: string }) | undefined> {
    try {
      const e = await this.table.getEntity<Row>(encodeKey(partition), encodeKey(documentId));
      return { documentId, reviews: JSON.parse(String(e.reviews ?? '[]')), etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async all(tenantId: string): Promise<Map<string, StoredReviews>> {
    const out = await this.partition(tenantId || NO_TENANT);
    if (!tenantId) return out;
    for (const [id, legacy] of await this.partition(NO_TENANT)) {
      out.set(id, { documentId: id, reviews: mergeReviews(out.get(id)?.reviews ?? [], legacy.reviews) });
    }
    return out;
  }

  private async partition(partition: string): Promise<Map<string, StoredReviews>> {
    const out = new Map<string, StoredReviews>();
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(partition)}` } })) {
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
      if (reviews.some((r) => r.date === review.date && (r.decisionRef ?? '') === (review.decisionRef ?? '')))
        return { documentId, reviews };
      const next = [...reviews, review].sort((a, b) => a.date.localeCompare(b.date));
      const entity = { partitionKey: encodeKey(tenantId || NO_TENANT), rowKey: encodeKey(documentId), reviews: JSON.stringify(next) };
      try {
        // No etag: only a `~none` row so far, and the tenant's row is created with its reviews.
        if (cur?.etag) await this.table.updateEntity(entity, 'Replace', { etag: cur.etag });
        else await this.table.createEntity(entity);
        return { documentId, reviews: next };
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    throw Object.assign(new Error('review update kept conflicting'), { code: 'UpdateConflict' });
  }
}
