import type { StoredReviews } from '../../../src/domain/reviews/reviews';
import { decodeKey, encodeKey } from '../../../src/storage/keys';
import type { ReviewStore } from '../../../src/storage/reviews';
import { isConflict, isNotFound } from '../../../src/storage/tables';
import { MemoryTable, type Public } from './table';

/**
 * ReviewStore (src/storage/reviews.ts): one row per (tenant, document),
 * ETag-conditional appends kept in date order, a repeated review recorded
 * once, and the `~none` partition's rows merged into a named tenant's.
 */

const NO_TENANT = '~none';

type Review = StoredReviews['reviews'][number];
const sameReview = (a: Review, b: Review) => a.date === b.date && (a.decisionRef ?? '') === (b.decisionRef ?? '');
function mergeReviews(own: Review[], legacy: Review[]): Review[] {
  return [...own, ...legacy.filter((l) => !own.some((o) => sameReview(o, l)))].sort((a, b) => a.date.localeCompare(b.date));
}

export class MemoryReviewStore implements Public<ReviewStore> {
  readonly table = new MemoryTable();

  async get(tenantId: string, documentId: string): Promise<(StoredReviews & { etag?: string }) | undefined> {
    const own = await this.row(tenantId || NO_TENANT, documentId);
    const legacy = tenantId ? await this.row(NO_TENANT, documentId) : undefined;
    if (!legacy) return own;
    return { documentId, reviews: mergeReviews(own?.reviews ?? [], legacy.reviews), etag: own?.etag };
  }

  private async row(partition: string, documentId: string): Promise<(StoredReviews & { etag?: string }) | undefined> {
    try {
      const e = await this.table.getEntity(encodeKey(partition), encodeKey(documentId));
      return { documentId, reviews: JSON.parse(String(e.reviews ?? '[]')), etag: e.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async all(tenantId: string): Promise<Map<string, StoredReviews>> {
    const out = this.partition(tenantId || NO_TENANT);
    if (!tenantId) return out;
    for (const [id, legacy] of this.partition(NO_TENANT)) {
      out.set(id, { documentId: id, reviews: mergeReviews(out.get(id)?.reviews ?? [], legacy.reviews) });
    }
    return out;
  }

  private partition(partition: string): Map<string, StoredReviews> {
    const out = new Map<string, StoredReviews>();
    const p = encodeKey(partition);
    for (const e of this.table.listEntities((e) => e.partitionKey === p)) {
      const id = decodeKey(e.rowKey);
      out.set(id, { documentId: id, reviews: JSON.parse(String(e.reviews ?? '[]')) });
    }
    return out;
  }

  async add(tenantId: string, documentId: string, review: StoredReviews['reviews'][number]): Promise<StoredReviews> {
    for (let i = 0; i < 8; i++) {
      const cur = await this.get(tenantId, documentId);
      const reviews = cur?.reviews ?? [];
      if (reviews.some((r) => r.date === review.date && (r.decisionRef ?? '') === (review.decisionRef ?? '')))
        return { documentId, reviews };
      const next = [...reviews, review].sort((a, b) => a.date.localeCompare(b.date));
      const entity = { partitionKey: encodeKey(tenantId || NO_TENANT), rowKey: encodeKey(documentId), reviews: JSON.stringify(next) };
      try {
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
