/**
 * Tenant scoping by construction. Every schema holding tenant records uses this plugin; its
 * hooks run inside mongoose before any command is sent, so a query that is not bound to one
 * tenant throws here and never reaches the database.
 *
 * How a query is bound:
 * - query operations take the option `{ tenantId }` (see `inTenant`): the hook removes the
 *   option (it never reaches the driver) and ANDs `tenantId` into the filter. A filter that
 *   already holds the same tenant id as a plain string is accepted as well; a different one,
 *   or an operator (`$in`, `$ne`, …) on `tenantId`, is a violation.
 * - `aggregate` takes the same option (`.option({ tenantId })`) and gets a leading
 *   `$match: { tenantId }`; stages that read or write other collections are refused.
 * - `insertMany` and `bulkWrite` carry no query to bind, so every document and every filter
 *   they hold must name its tenant itself.
 * - Updates may not touch `tenantId` (the path is also `immutable` in every schema).
 * - A read that must span tenants (finding an API key by its hash, a refund's payment, the
 *   background jobs' scans) says so with `{ crossTenant: '<reason>' }`; writes never may: a
 *   write that follows such a read names the tenant of the document it read.
 *
 * What no plugin can guard: `Model.collection`, `connection.db` and `{ middleware: false }`
 * bypass mongoose middleware, and `Model.watch()` has none. The adapter uses none of them for
 * tenant data (a test scans its source for them).
 */
import type { Aggregate, PipelineStage, Query, Schema } from 'mongoose';

/** Thrown before any I/O when a tenant-scoped model is used without a tenant. A programming error. */
export class TenantScopeViolation extends Error {
  override readonly name = 'TenantScopeViolation';
  constructor(
    readonly model: string,
    readonly operation: string,
    detail: string,
  ) {
    super(`Tenant scope violation on ${model}.${operation}: ${detail}`);
  }
}

/** Every query operation that has mongoose query middleware. */
export const SCOPED_QUERY_OPERATIONS = [
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'distinct',
  'estimatedDocumentCount',
  'find',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
] as const;
export type ScopedQueryOperation = (typeof SCOPED_QUERY_OPERATIONS)[number];

const CROSS_TENANT_READS = new Set<string>(['countDocuments', 'distinct', 'find', 'findOne', 'aggregate']);
const REPLACEMENTS = new Set<string>(['replaceOne', 'findOneAndReplace']);
const UPDATES = new Set<string>(['findOneAndUpdate', 'updateMany', 'updateOne']);
/** Stages that read or write another collection, outside the tenant filter. */
const ESCAPING_STAGES = ['$lookup', '$graphLookup', '$unionWith', '$out', '$merge'];
const UPDATE_OPERATORS_ON_PATHS = [
  '$set', '$unset', '$rename', '$inc', '$mul', '$min', '$max',
  '$currentDate', '$push', '$addToSet', '$pull', '$pop', '$pullAll', '$bit',
];

/** The query options that bind an operation to one tenant. */
export function inTenant<T extends object = Record<never, never>>(tenantId: string, options?: T): T & TenantBinding {
  return { ...(options as T), tenantId };
}

export type TenantBinding = {
  tenantId: string;
  /**
   * Never set here. Declared because TypeScript refuses an options object sharing no property
   * with the driver's all-optional option types (updateOne's `UpdateOptions`); every one of
   * them has `comment`.
   */
  comment?: unknown;
};

type Doc = Record<string, unknown>;

function isRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The tenant a filter is pinned to, or a reason why it is not pinned to exactly one. */
function filterTenant(filter: unknown): { tenantId: string } | { problem: string } | null {
  if (!isRecord(filter) || !Object.hasOwn(filter, 'tenantId')) return null;
  const value = filter['tenantId'];
  if (isTenantId(value)) return { tenantId: value };
  return { problem: `the filter's tenantId must be one tenant id, got ${JSON.stringify(value)}` };
}

/** Whether an update (operators or a replacement) would write `tenantId`. */
function updateTouchesTenant(update: unknown, tenantId: string): boolean {
  if (Array.isArray(update)) return true; // pipeline updates can compute any field
  if (!isRecord(update)) return false;
  for (const [key, value] of Object.entries(update)) {
    if (key === 'tenantId' && value !== tenantId) return true;
    if (UPDATE_OPERATORS_ON_PATHS.includes(key) && isRecord(value)) {
      if (Object.keys(value).some((path) => path === 'tenantId' || path.startsWith('tenantId.'))) return true;
      if (key === '$rename' && Object.values(value).includes('tenantId')) return true;
    }
    if (key === '$setOnInsert' && isRecord(value) && Object.hasOwn(value, 'tenantId') && value['tenantId'] !== tenantId) {
      return true;
    }
  }
  return false;
}

function scopeQuery(query: Query<unknown, unknown>, operation: ScopedQueryOperation): void {
  const model = query.model.modelName;
  const violation = (detail: string) => new TenantScopeViolation(model, operation, detail);
  const options = query.getOptions() as Doc;
  const bound = options['tenantId'];
  const crossTenant = options['crossTenant'];
  // The binding options are ours, not the driver's: they must not travel with the command.
  delete options['tenantId'];
  delete options['crossTenant'];

  const filter = query.getFilter() as Doc;
  const inFilter = filterTenant(filter);
  if (inFilter && 'problem' in inFilter) throw violation(inFilter.problem);

  let tenantId: string;
  if (bound !== undefined) {
    if (!isTenantId(bound)) throw violation(`the tenantId option must be a tenant id, got ${JSON.stringify(bound)}`);
    if (inFilter && inFilter.tenantId !== bound) throw violation('the filter names another tenant than the tenantId option');
    tenantId = bound;
  } else if (inFilter) {
    tenantId = inFilter.tenantId;
  } else if (crossTenant !== undefined) {
    if (!isTenantId(crossTenant)) throw violation('crossTenant must state why the read spans tenants');
    if (!CROSS_TENANT_READS.has(operation)) throw violation('only reads may span tenants');
    return;
  } else {
    throw violation('no tenant: pass inTenant(tenantId) as the query options');
  }
  if (operation === 'estimatedDocumentCount') throw violation('it counts every tenant; use countDocuments');

  query.setQuery({ ...filter, tenantId });

  const update = query.getUpdate();
  if (REPLACEMENTS.has(operation)) {
    if (!isRecord(update) || (Object.hasOwn(update, 'tenantId') && update['tenantId'] !== tenantId)) {
      throw violation('the replacement names another tenant');
    }
    query.setUpdate({ ...update, tenantId });
  } else if (UPDATES.has(operation) && updateTouchesTenant(update, tenantId)) {
    throw violation('an update may not change tenantId');
  }
}

function scopeAggregate(aggregate: Aggregate<unknown>): void {
  const model = aggregate.model()?.modelName ?? 'unknown';
  const violation = (detail: string) => new TenantScopeViolation(model, 'aggregate', detail);
  const options = aggregate.options as Doc;
  const bound = options['tenantId'];
  const crossTenant = options['crossTenant'];
  delete options['tenantId'];
  delete options['crossTenant'];
  const pipeline = aggregate.pipeline();

  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? '';
    if (ESCAPING_STAGES.includes(name)) throw violation(`${name} reads or writes outside the tenant`);
  }
  if (bound !== undefined) {
    if (!isTenantId(bound)) throw violation(`the tenantId option must be a tenant id, got ${JSON.stringify(bound)}`);
    pipeline.unshift({ $match: { tenantId: bound } } as PipelineStage);
    return;
  }
  const first = pipeline[0] as Doc | undefined;
  const inFilter = first && isRecord(first['$match']) ? filterTenant(first['$match']) : null;
  if (inFilter && 'tenantId' in inFilter) return;
  if (inFilter) throw violation(inFilter.problem);
  if (crossTenant !== undefined && isTenantId(crossTenant)) return;
  throw violation('no tenant: pass .option({ tenantId }) or start with $match: { tenantId }');
}

function requireDocumentTenant(model: string, operation: string, doc: unknown, where: string): string {
  const tenantId = isRecord(doc) ? doc['tenantId'] : undefined;
  if (!isTenantId(tenantId)) throw new TenantScopeViolation(model, operation, `${where} has no tenantId`);
  return tenantId;
}

function scopeBulkWrite(model: string, ops: unknown[]): void {
  ops.forEach((op, index) => {
    const [kind, body] = isRecord(op) ? (Object.entries(op)[0] ?? ['', null]) : ['', null];
    const where = `operation ${index} (${kind})`;
    if (!isRecord(body)) throw new TenantScopeViolation(model, 'bulkWrite', `${where} is not an operation`);
    if (kind === 'insertOne') {
      requireDocumentTenant(model, 'bulkWrite', body['document'], where);
      return;
    }
    const inFilter = filterTenant(body['filter']);
    if (!inFilter) throw new TenantScopeViolation(model, 'bulkWrite', `${where} has no tenantId in its filter`);
    if ('problem' in inFilter) throw new TenantScopeViolation(model, 'bulkWrite', `${where}: ${inFilter.problem}`);
    if (kind === 'replaceOne') {
      const replacement = body['replacement'];
      if (isRecord(replacement) && Object.hasOwn(replacement, 'tenantId') && replacement['tenantId'] !== inFilter.tenantId) {
        throw new TenantScopeViolation(model, 'bulkWrite', `${where} replaces the document with another tenant's`);
      }
    } else if (updateTouchesTenant(body['update'], inFilter.tenantId)) {
      throw new TenantScopeViolation(model, 'bulkWrite', `${where} changes tenantId`);
    }
  });
}

/** The mongoose plugin. Apply it to a schema before the model is compiled. */
export function tenantScopePlugin(schema: Schema): void {
  for (const operation of SCOPED_QUERY_OPERATIONS) {
    schema.pre(operation, { document: false, query: true }, function (this: Query<unknown, unknown>) {
      scopeQuery(this, operation);
    });
  }
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    scopeAggregate(this);
  });
  schema.pre('insertMany', function (docs: unknown) {
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((doc, index) => requireDocumentTenant(this.modelName, 'insertMany', doc, `document ${index}`));
  });
  schema.pre('bulkWrite', function (ops) {
    scopeBulkWrite(this.modelName, ops);
  });
}
