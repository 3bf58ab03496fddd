import { findGroup, type GoverningDocument } from '../../domain/organisation';
import { reviewRow, type ReviewRow } from '../../domain/reviews/reviews';
import type { BotServices } from '../shared/services';

/** What the reviews feature reads and writes: the organisation's documents, their stored reviews, the reminders' jobs and the conveners' chats. */
export type ReviewsDeps = Pick<BotServices, 'organisation' | 'reviews' | 'scheduler' | 'channel' | 'now' | 'logger'>;

/** Reviews are kept per organisation: its tenant, or none when the organisation file names none. */
export function orgTenant(deps: Pick<ReviewsDeps, 'organisation'>): string {
  return deps.organisation.tenantId ?? '';
}

/** The name of the group that owns a document, shown on its rows and reminders. */
export function ownerName(deps: Pick<ReviewsDeps, 'organisation'>, doc: GoverningDocument): string {
  return findGroup(deps.organisation, doc.ownerGroup)?.name ?? doc.ownerGroup;
}

/** Each document with its last review and next due date, read in one go. */
export async function rowsFor(
  deps: Pick<ReviewsDeps, 'organisation' | 'reviews' | 'now'>,
  docs: GoverningDocument[],
): Promise<ReviewRow[]> {
  const stored = await deps.reviews.all(orgTenant(deps));
  const now = deps.now();
  return docs.map((d) => reviewRow(d, stored.get(d.id), now, deps.organisation.timeZone));
}
