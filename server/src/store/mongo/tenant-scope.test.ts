/**
 * The tenant-scope plugin, with no server and no socket: models live on a mongoose connection
 * that is never opened, with command buffering off, so anything that got past the hooks would
 * fail at once with mongoose's "before initial connection" error. A violation must be thrown
 * instead, by the hook, before that. Filters and options are read through mongoose's query API
 * (`getFilter`, `getOptions`, `getUpdate`, `pipeline`) from a hook registered after the plugin.
 */
import mongoose, { Schema, type Aggregate, type Query } from 'mongoose';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSchemas, TENANT_SCOPED_MODELS } from './schemas.js';
import { inTenant, SCOPED_QUERY_OPERATIONS, TenantScopeViolation, tenantScopePlugin, type ScopedQueryOperation } from './tenant-scope.js';

// Never opened; a Mongoose instance of its own so that turning buffering off touches nothing else.
const isolated = new mongoose.Mongoose();
isolated.set('bufferCommands', false);
const connection = isolated.createConnection();
afterAll(() => connection.close());

interface Seen {
  operation: string;
  filter?: Record<string, unknown>;
  options?: Record<string, unknown>;
  update?: unknown;
  pipeline?: unknown[];
  docs?: unknown;
}
const seen: Seen[] = [];
beforeEach(() => {
  seen.length = 0;
});

/** Records what each operation would send, from a hook that runs after the plugin's. */
function recordAfterPlugin(schema: Schema): void {
  for (const operation of SCOPED_QUERY_OPERATIONS) {
    schema.pre(operation, { document: false, query: true }, function (this: Query<unknown, unknown>) {
      seen.push({
        operation,
        filter: { ...(this.getFilter() as Record<string, unknown>) },
        options: { ...(this.getOptions() as Record<string, unknown>) },
        update: this.getUpdate(),
      });
    });
  }
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    seen.push({ operation: 'aggregate', pipeline: [...this.pipeline()], options: { ...this.options } });
  });
  schema.pre('insertMany', function (docs: unknown) {
    seen.push({ operation: 'insertMany', docs });
  });
  schema.pre('bulkWrite', function (ops) {
    seen.push({ operation: 'bulkWrite', docs: ops });
  });
}

const thingSchema = new Schema({ tenantId: { type: String, immutable: true }, name: String, n: Number }, { collection: 'things' });
thingSchema.plugin(tenantScopePlugin);
recordAfterPlugin(thingSchema);
const Thing = connection.model('Thing', thingSchema);

type Options = Record<string, unknown> | undefined;
/** One call per query operation; `options` carries (or not) the tenant binding. */
const calls: Record<ScopedQueryOperation, (options: Options) => Promise<unknown>> = {
  countDocuments: (o) => Thing.countDocuments({ name: 'x' }, o).exec(),
  deleteMany: (o) => Thing.deleteMany({ name: 'x' }, o).exec(),
  deleteOne: (o) => Thing.deleteOne({ name: 'x' }, o).exec(),
  distinct: (o) => Thing.distinct('name', { n: 1 }, o).exec(),
  estimatedDocumentCount: (o) => Thing.estimatedDocumentCount(o).exec(),
  find: (o) => Thing.find({ name: 'x' }, null, o).exec(),
  findOne: (o) => Thing.findOne({ name: 'x' }, null, o).exec(),
  findOneAndDelete: (o) => Thing.findOneAndDelete({ name: 'x' }, o).exec(),
  findOneAndReplace: (o) => Thing.findOneAndReplace({ name: 'x' }, { name: 'y' }, o).exec(),
  findOneAndUpdate: (o) => Thing.findOneAndUpdate({ name: 'x' }, { $set: { n: 2 } }, o).exec(),
  replaceOne: (o) => Thing.replaceOne({ name: 'x' }, { name: 'y' }, o).exec(),
  updateMany: (o) => Thing.updateMany({ name: 'x' }, { $set: { n: 2 } }, o).exec(),
  updateOne: (o) => Thing.updateOne({ name: 'x' }, { $set: { n: 2 } }, o).exec(),
};

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

/** The error mongoose throws when a command gets past every hook: proof that the hooks passed. */
const NOT_CONNECTED = /before initial connection is complete/;

describe('tenant-scope plugin: query operations', () => {
  it.each(SCOPED_QUERY_OPERATIONS)('%s without a tenant throws a violation before any I/O', async (operation) => {
    const error = await rejection(calls[operation](undefined));
    expect(error).toBeInstanceOf(TenantScopeViolation);
    expect(error.message).toContain(`Thing.${operation}`);
    expect(seen).toEqual([]); // nothing after the plugin ran
  });

  it.each(SCOPED_QUERY_OPERATIONS.filter((op) => op !== 'estimatedDocumentCount'))(
    '%s with inTenant() gets { tenantId } in its filter, and the binding option is consumed',
    async (operation) => {
      const error = await rejection(calls[operation](inTenant('ten_a')));
      expect(error.message).toMatch(NOT_CONNECTED);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.filter).toMatchObject({ tenantId: 'ten_a' });
      expect(seen[0]?.options).not.toHaveProperty('tenantId');
    },
  );

  it('estimatedDocumentCount is refused even with a tenant: it cannot be filtered', async () => {
    expect(await rejection(calls.estimatedDocumentCount(inTenant('ten_a')))).toBeInstanceOf(TenantScopeViolation);
  });

  it('a filter naming the tenant as a plain string is accepted as the binding', async () => {
    const error = await rejection(Thing.findOne({ tenantId: 'ten_a', name: 'x' }).exec());
    expect(error.message).toMatch(NOT_CONNECTED);
    expect(seen[0]?.filter).toEqual({ tenantId: 'ten_a', name: 'x' });
  });

  it('keeps the caller filter, including $or, and ANDs the tenant at the top level', async () => {
    await rejection(Thing.find({ $or: [{ name: 'x' }, { n: 1 }] }, null, inTenant('ten_a')).exec());
    expect(seen[0]?.filter).toEqual({ $or: [{ name: 'x' }, { n: 1 }], tenantId: 'ten_a' });
  });

  it.each([
    ['another tenant in the filter', { tenantId: 'ten_b' }, inTenant('ten_a')],
    ['an operator on tenantId', { tenantId: { $in: ['ten_a', 'ten_b'] } }, undefined],
    ['$ne on tenantId', { tenantId: { $ne: 'ten_b' } }, undefined],
    ['an empty tenant id', {}, { tenantId: '' }],
    ['a tenant id that is not a string', {}, { tenantId: 42 }],
  ])('refuses %s', async (_label, filter, options) => {
    expect(await rejection(Thing.find(filter, null, options).exec())).toBeInstanceOf(TenantScopeViolation);
    expect(seen).toEqual([]);
  });

  it.each([
    ['$set', { $set: { tenantId: 'ten_b' } }],
    ['a plain field', { tenantId: 'ten_b' }],
    ['$unset', { $unset: { tenantId: '' } }],
    ['$rename to tenantId', { $rename: { name: 'tenantId' } }],
    ['$setOnInsert of another tenant', { $setOnInsert: { tenantId: 'ten_b' } }],
  ])('refuses an update that changes tenantId through %s', async (_label, update) => {
    const error = await rejection(Thing.updateOne({ name: 'x' }, update as never, inTenant('ten_a')).exec());
    expect(error).toBeInstanceOf(TenantScopeViolation);
  });

  it('refuses a pipeline update, which could compute any field (even where mongoose allows pipelines)', async () => {
    const pipeline = [{ $set: { name: 'y' } }] as never;
    const error = await rejection(Thing.updateOne({ name: 'x' }, pipeline, inTenant('ten_a', { updatePipeline: true })).exec());
    expect(error).toBeInstanceOf(TenantScopeViolation);
  });

  it('a replacement keeps the tenant (it is added when missing)', async () => {
    await rejection(Thing.replaceOne({ name: 'x' }, { name: 'y' }, inTenant('ten_a')).exec());
    expect(seen[0]?.update).toMatchObject({ name: 'y', tenantId: 'ten_a' });
    expect(await rejection(Thing.replaceOne({ name: 'x' }, { name: 'y', tenantId: 'ten_b' }, inTenant('ten_a')).exec())).toBeInstanceOf(
      TenantScopeViolation,
    );
  });

  it('crossTenant lets a read span tenants, names no tenant, and never reaches the driver', async () => {
    const error = await rejection(Thing.findOne({ name: 'x' }, null, { crossTenant: 'test' }).exec());
    expect(error.message).toMatch(NOT_CONNECTED);
    expect(seen[0]?.filter).toEqual({ name: 'x' });
    expect(seen[0]?.options).not.toHaveProperty('crossTenant');
  });

  it('crossTenant is refused for writes and without a reason', async () => {
    expect(await rejection(Thing.updateOne({ name: 'x' }, { $set: { n: 1 } }, { crossTenant: 'test' } as never).exec())).toBeInstanceOf(
      TenantScopeViolation,
    );
    expect(await rejection(Thing.deleteMany({}, { crossTenant: 'test' }).exec())).toBeInstanceOf(TenantScopeViolation);
    expect(await rejection(Thing.find({}, null, { crossTenant: '' }).exec())).toBeInstanceOf(TenantScopeViolation);
  });

  it('document.updateOne and findById are query operations too, so they need the tenant', async () => {
    expect(await rejection(Thing.findById('abc').exec())).toBeInstanceOf(TenantScopeViolation);
    const doc = Thing.hydrate({ _id: new mongoose.Types.ObjectId(), tenantId: 'ten_a', name: 'x' });
    expect(await rejection(doc.updateOne({ $set: { n: 1 } }).exec())).toBeInstanceOf(TenantScopeViolation);
  });
});

describe('tenant-scope plugin: aggregate, insertMany, bulkWrite', () => {
  it('aggregate without a tenant throws before any I/O', async () => {
    expect(await rejection(Thing.aggregate([{ $match: { name: 'x' } }]).exec())).toBeInstanceOf(TenantScopeViolation);
    expect(seen).toEqual([]);
  });

  it('aggregate with .option({ tenantId }) starts with $match on the tenant; the option is consumed', async () => {
    const error = await rejection(Thing.aggregate([{ $group: { _id: '$name', n: { $sum: 1 } } }]).option({ tenantId: 'ten_a' }).exec());
    expect(error.message).toMatch(NOT_CONNECTED);
    expect(seen[0]?.pipeline?.[0]).toEqual({ $match: { tenantId: 'ten_a' } });
    expect(seen[0]?.options).not.toHaveProperty('tenantId');
  });

  it('aggregate may name the tenant in a leading $match instead', async () => {
    const error = await rejection(Thing.aggregate([{ $match: { tenantId: 'ten_a' } }]).exec());
    expect(error.message).toMatch(NOT_CONNECTED);
  });

  it.each(['$lookup', '$unionWith', '$graphLookup', '$out', '$merge'])('aggregate refuses %s, which leaves the tenant', async (stage) => {
    const pipeline = [{ [stage]: { from: 'other' } }] as never;
    expect(await rejection(Thing.aggregate(pipeline).option({ tenantId: 'ten_a' }).exec())).toBeInstanceOf(TenantScopeViolation);
  });

  it('insertMany refuses a document without a tenant, before any I/O', async () => {
    const error = await rejection(Thing.insertMany([{ tenantId: 'ten_a', name: 'x' }, { name: 'y' }]));
    expect(error).toBeInstanceOf(TenantScopeViolation);
    expect(error.message).toContain('document 1');
    expect(seen).toEqual([]);
  });

  it('insertMany with every document tenanted gets past the plugin', async () => {
    const error = await rejection(Thing.insertMany([{ tenantId: 'ten_a', name: 'x' }]));
    expect(error).not.toBeInstanceOf(TenantScopeViolation);
    expect(seen.map((s) => s.operation)).toEqual(['insertMany']);
  });

  it.each([
    ['an insert without a tenant', [{ insertOne: { document: { name: 'x' } } }]],
    ['an update without a tenant filter', [{ updateOne: { filter: { name: 'x' }, update: { $set: { n: 1 } } } }]],
    ['a delete without a tenant filter', [{ deleteMany: { filter: {} } }]],
    ['a replace into another tenant', [{ replaceOne: { filter: { tenantId: 'ten_a' }, replacement: { tenantId: 'ten_b' } } }]],
    ['an update moving a document to another tenant', [{ updateOne: { filter: { tenantId: 'ten_a' }, update: { $set: { tenantId: 'ten_b' } } } }]],
  ])('bulkWrite refuses %s, before any I/O', async (_label, ops) => {
    expect(await rejection(Thing.bulkWrite(ops as never))).toBeInstanceOf(TenantScopeViolation);
    expect(seen).toEqual([]);
  });

  it('bulkWrite with every operation tenanted gets past the plugin', async () => {
    const ops = [
      { insertOne: { document: { tenantId: 'ten_a', name: 'x' } } },
      { updateOne: { filter: { tenantId: 'ten_a', name: 'x' }, update: { $set: { n: 1 } } } },
    ];
    const error = await rejection(Thing.bulkWrite(ops as never));
    expect(error).not.toBeInstanceOf(TenantScopeViolation);
    expect(seen.map((s) => s.operation)).toEqual(['bulkWrite']);
  });
});

describe('tenant-scope plugin on the store models', () => {
  const schemas = buildSchemas(() => new Date(0));
  const models = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, connection.model(`Store${name}`, schema)]),
  );

  it.each(TENANT_SCOPED_MODELS)('%s refuses a query without a tenant', async (name) => {
    const model = models[name] as mongoose.Model<unknown>;
    expect(await rejection(model.find({}).exec())).toBeInstanceOf(TenantScopeViolation);
    expect(await rejection(model.aggregate([]).exec())).toBeInstanceOf(TenantScopeViolation);
  });

  it.each(Object.keys(schemas).filter((name) => !(TENANT_SCOPED_MODELS as readonly string[]).includes(name)))(
    '%s is global (tenants, webhook events, leases) and is not scoped',
    async (name) => {
      const model = models[name] as mongoose.Model<unknown>;
      expect((await rejection(model.find({}).exec())).message).toMatch(NOT_CONNECTED);
    },
  );

  it('every tenant-scoped schema has an immutable, required tenantId', () => {
    for (const name of TENANT_SCOPED_MODELS) {
      const path = (schemas[name] as Schema).path('tenantId');
      expect(path.options, name).toMatchObject({ required: true, immutable: true });
    }
  });
});

describe('the adapter source never bypasses mongoose middleware', () => {
  const folder = dirname(fileURLToPath(import.meta.url));
  const sources = readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    // Code only: the comments that explain these rules name the very things they forbid.
    .map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') }));

  it.each([
    ['raw collection access', /\.collection\.(?!collectionName)\w+\(/],
    ['connection.db (except the ping in connection.ts)', /connection\.db\b/],
    ['skipping middleware', /middleware:\s*false/],
    ['change streams', /\.watch\(/],
  ])('no %s', (_label, pattern) => {
    const offenders = sources
      .filter(({ file }) => !(file === 'connection.ts' && String(pattern).includes('connection')))
      .filter(({ text }) => pattern.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
