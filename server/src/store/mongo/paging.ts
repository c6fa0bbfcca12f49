import type { Model } from 'mongoose';
import type { Page, PageRequest } from '../records.js';
import { clampLimit, decodeCursor, encodeCursor } from '../paging.js';
import { inTenant } from './tenant-scope.js';
import { toDate } from './transform.js';

/** Query options for a whole newest-first list (the same order the pages use). */
export const newestFirst = { sort: { createdAt: -1, _id: -1 } } as const;

interface PageableDoc {
  _id: string;
  createdAt: Date;
}

/**
 * One newest-first page of a tenant's documents matching `filter`, ordered by (createdAt, _id)
 * so the cursor is exact even when many documents share a timestamp. Served by the
 * `{ tenantId, …, createdAt: -1, _id: -1 }` indexes.
 */
export async function findPage<D extends PageableDoc, T>(
  model: Model<D>,
  tenantId: string,
  filter: Record<string, unknown>,
  page: PageRequest,
  toRecord: (doc: D) => T,
): Promise<Page<T>> {
  const limit = clampLimit(page.limit);
  const position = page.cursor ? decodeCursor(page.cursor) : null;
  const after = position
    ? (() => {
        const createdAt = toDate(position.createdAt, 'The page cursor');
        return { $or: [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: position.id } }] };
      })()
    : {};
  // One extra document tells whether a next page exists without a second query.
  const docs = await model
    .find({ ...filter, ...after }, null, inTenant(tenantId, { sort: { createdAt: -1, _id: -1 }, limit: limit + 1 }))
    .lean<D[]>();
  const hasMore = docs.length > limit;
  const items = hasMore ? docs.slice(0, limit) : docs;
  const last = items.at(-1);
  return {
    items: items.map(toRecord),
    nextCursor: hasMore && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last._id }) : null,
  };
}
