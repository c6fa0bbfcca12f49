import type Database from 'better-sqlite3';
import type { Page, PageRequest } from '../records.js';
import { clampLimit, decodeCursor, encodeCursor } from '../paging.js';

interface PageableRow {
  id: string;
  created_at: string;
}

/**
 * Prepares a newest-first paged query from `select`, a `SELECT … WHERE …` whose WHERE clause
 * ends where the cursor condition can be ANDed on. Two statements (first page, later pages) keep
 * both on an index range instead of an `@cursor IS NULL OR …` filter.
 */
export function preparePagedQuery<Params extends Record<string, unknown>, Row extends PageableRow, T>(
  db: Database.Database,
  select: string,
  toRecord: (row: Row) => T,
): (params: Params, page: PageRequest) => Page<T> {
  const order = 'ORDER BY created_at DESC, id DESC LIMIT @limit';
  const first = db.prepare<Record<string, unknown>, Row>(`${select} ${order}`);
  const after = db.prepare<Record<string, unknown>, Row>(
    `${select} AND (created_at, id) < (@afterCreatedAt, @afterId) ${order}`,
  );

  return (params, page) => {
    const limit = clampLimit(page.limit);
    const position = page.cursor ? decodeCursor(page.cursor) : null;
    // One extra row tells whether a next page exists without a second query.
    const bind = { ...params, limit: limit + 1 };
    const rows = position
      ? after.all({ ...bind, afterCreatedAt: position.createdAt, afterId: position.id })
      : first.all(bind);
    const hasMore = rows.length > limit;
    const items = hasMore ? rows.slice(0, limit) : rows;
    const last = items.at(-1);
    return {
      items: items.map(toRecord),
      nextCursor: hasMore && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    };
  };
}
