/**
 * Indexes: declared on the schemas (schemas.ts), built at start-up in development (autoIndex)
 * and by `npm run db:sync-indexes` on deploy in production, where building indexes from every
 * starting instance would be slow and racy.
 */
import type { Model } from 'mongoose';
import type { StoreModels } from './models.js';
import { buildSchemas } from './schemas.js';

export interface DeclaredIndex {
  collection: string;
  name: string;
  keys: Record<string, 1 | -1>;
  unique: boolean;
  /** Only documents matching this are in the index (and, when unique, constrained by it). */
  partial: Record<string, unknown> | null;
}

/** Every index the schemas declare (besides `_id`), in a stable order; no connection needed. */
export function declaredIndexes(): DeclaredIndex[] {
  const schemas = buildSchemas(() => new Date(0));
  return Object.values(schemas).flatMap((schema) =>
    schema.indexes().map(([keys, options]) => ({
      collection: String(schema.get('collection')),
      name: String(options['name']),
      keys: keys as Record<string, 1 | -1>,
      unique: options['unique'] === true,
      partial: (options['partialFilterExpression'] as Record<string, unknown> | undefined) ?? null,
    })),
  );
}

export interface IndexChanges {
  collection: string;
  toCreate: string[];
  toDrop: string[];
}

function each(models: StoreModels): Model<unknown>[] {
  return Object.values(models) as Model<unknown>[];
}

/** diffIndexes names indexes to drop, and gives the key pattern of those to create. */
function indexName(model: Model<unknown>, spec: unknown): string {
  if (typeof spec === 'string') return spec;
  const declared = model.schema.indexes().find(([keys]) => JSON.stringify(keys) === JSON.stringify(spec));
  return String(declared?.[1]['name'] ?? JSON.stringify(spec));
}

/** What `syncIndexes` would do, without doing it. */
export async function diffIndexes(models: StoreModels): Promise<IndexChanges[]> {
  const changes: IndexChanges[] = [];
  for (const model of each(models)) {
    const diff = await model.diffIndexes();
    changes.push({
      collection: String(model.schema.get('collection')),
      toCreate: (diff.toCreate as unknown[]).map((spec) => indexName(model, spec)),
      toDrop: (diff.toDrop as unknown[]).map((spec) => indexName(model, spec)),
    });
  }
  return changes;
}

/**
 * Makes the database's indexes exactly the declared ones: creates the missing and drops those
 * no schema declares any more (an index added by hand is dropped too: declare it instead).
 * Unique indexes fail to build while duplicates exist; the error names the collection.
 */
export async function syncIndexes(models: StoreModels): Promise<IndexChanges[]> {
  const before = await diffIndexes(models);
  for (const model of each(models)) await model.syncIndexes();
  return before;
}
