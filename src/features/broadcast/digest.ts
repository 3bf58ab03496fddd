import { broadcastReadLines, type Broadcast, type BroadcastReadLine } from '../../domain/broadcast/broadcast';
import type { Organisation } from '../../domain/organisation';
import type { BroadcastStore } from '../../storage/broadcasts';

/**
 * The read rates a manager's digest shows (§11): the broadcasts of the last
 * DIGEST_BROADCAST_DAYS that went to anyone in the groups they oversee,
 * newest first, with how many of those people read each, counts only. A read
 * rate grows for weeks after a send, so a broadcast shows in about four
 * weekly digests rather than one. One run (the weekly fan-out, or one
 * `sammanfattning`) reads the tenant's broadcasts once (one range of its
 * partition) and the readers of each recent one once.
 */

export const DIGEST_BROADCAST_DAYS = 30;
/** At most this many broadcasts in a digest; the rest are counted. */
export const DIGEST_BROADCASTS_MAX = 5;

export type BroadcastReadDeps = { organisation: Organisation; broadcasts: Pick<BroadcastStore, 'list' | 'readers'> };

export interface DigestBroadcasts {
  lines: BroadcastReadLine[];
  /** Broadcasts left out beyond DIGEST_BROADCASTS_MAX. */
  more: number;
}

export class BroadcastReadFacts {
  private recent?: Promise<Array<{ broadcast: Broadcast; readers: ReadonlySet<string> }>>;
  private readonly since: string;

  constructor(
    private readonly deps: BroadcastReadDeps,
    now: Date,
  ) {
    this.since = new Date(now.getTime() - DIGEST_BROADCAST_DAYS * 86_400_000).toISOString();
  }

  private read(tenantId: string) {
    this.recent ??= (async () => {
      const all = await this.deps.broadcasts.list(tenantId);
      const recent = all.filter((b) => b.sentAt >= this.since);
      return Promise.all(
        recent.map(async (broadcast) => ({ broadcast, readers: new Set(await this.deps.broadcasts.readers(tenantId, broadcast.id)) })),
      );
    })();
    return this.recent;
  }

  /** The read rates among `groupIds`' members of the recent broadcasts (the tenant's: the organisation file's, else `tenantId`). */
  async forGroups(tenantId: string, groupIds: ReadonlySet<string>): Promise<DigestBroadcasts> {
    const org = this.deps.organisation;
    const lines = broadcastReadLines(org, await this.read(org.tenantId ?? tenantId), groupIds, this.since);
    return { lines: lines.slice(0, DIGEST_BROADCASTS_MAX), more: Math.max(0, lines.length - DIGEST_BROADCASTS_MAX) };
  }
}
