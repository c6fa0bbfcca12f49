/**
 * TEST ONLY. The command side of the fake MongoDB server: an in-memory database that answers
 * the commands the Node driver sends for what the mongo store does (insert, find,
 * findAndModify, update, delete, aggregate, index and collection admin), evaluating filters,
 * sorts, projections, update operators and pipelines with mingo, an independent implementation
 * of MongoDB's query language. Replies have the server's documented shapes, including write
 * errors with code 11000 and `keyPattern`/`keyValue` for broken unique indexes.
 *
 * What it is not: a MongoDB. Each command runs to completion before the next starts (a real
 * server interleaves within a command: two upserts can both miss and one then fails with a
 * duplicate key, which the fake only produces through `failNext`); there are no replica sets,
 * transactions (commit and abort are accepted and do nothing), sessions, write concerns,
 * collations, TTL monitors or index-backed plans; BSON type ordering and string comparison
 * follow mingo (JavaScript order), which equals MongoDB's binary order for the ASCII ids and
 * strings the store compares.
 */
import { Aggregator, Query, find, update as applyUpdate } from 'mingo';
import mongoose from 'mongoose';

const { BSON } = mongoose.mongo;

type Doc = Record<string, unknown>;

interface IndexSpec {
  name: string;
  key: Record<string, number>;
  unique: boolean;
  [option: string]: unknown;
}

interface Collection {
  docs: Doc[];
  indexes: IndexSpec[];
}

export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Doc = {},
  ) {
    super(message);
  }

  reply(): Doc {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

function isRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function clone<T>(value: T): T {
  return BSON.deserialize(BSON.serialize({ v: value })).v as T;
}

function getPath(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

function keyOf(values: unknown[]): string {
  return BSON.EJSON.stringify({ k: values.map((v) => (v === undefined ? null : v)) }, { relaxed: false });
}

const ID_INDEX: IndexSpec = { name: '_id_', key: { _id: 1 }, unique: true };

/** The equality fields of a filter, which an upsert copies into the document it inserts. */
function equalityFields(filter: Doc): Doc {
  const fields: Doc = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isRecord(part)) Object.assign(fields, equalityFields(part));
    } else if (!key.startsWith('$')) {
      if (isRecord(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        if (Object.hasOwn(value, '$eq')) fields[key] = value['$eq'];
      } else {
        fields[key] = value;
      }
    }
  }
  return fields;
}

function isOperatorUpdate(update: unknown): update is Doc {
  return isRecord(update) && Object.keys(update).some((k) => k.startsWith('$'));
}

export class FakeEngine {
  private readonly databases = new Map<string, Map<string, Collection>>();
  private nextConnectionId = 1;

  private db(name: string): Map<string, Collection> {
    let db = this.databases.get(name);
    if (!db) {
      db = new Map();
      this.databases.set(name, db);
    }
    return db;
  }

  private collection(db: string, name: string, create: boolean): Collection | undefined {
    const database = this.db(db);
    let collection = database.get(name);
    if (!collection && create) {
      collection = { docs: [], indexes: [ID_INDEX] };
      database.set(name, collection);
    }
    return collection;
  }

  /** Throws E11000 when `doc` would share a unique key with another document. */
  private checkUnique(db: string, name: string, collection: Collection, doc: Doc, except?: Doc): void {
    for (const index of collection.indexes) {
      if (!index.unique) continue;
      // A partial index holds (and constrains) only the documents its filter matches.
      const partial = isRecord(index['partialFilterExpression']) ? new Query(index['partialFilterExpression']) : null;
      if (partial && !partial.test(doc)) continue;
      const paths = Object.keys(index.key);
      const key = keyOf(paths.map((p) => getPath(doc, p)));
      const clash = collection.docs.find(
        (other) => other !== except && (!partial || partial.test(other)) && keyOf(paths.map((p) => getPath(other, p))) === key,
      );
      if (clash) {
        const keyValue = Object.fromEntries(paths.map((p) => [p, getPath(doc, p) ?? null]));
        throw new CommandError(
          11000,
          'DuplicateKey',
          `E11000 duplicate key error collection: ${db}.${name} index: ${index.name} dup key: ${BSON.EJSON.stringify(keyValue)}`,
          { keyPattern: index.key, keyValue },
        );
      }
    }
  }

  private insertOne(db: string, name: string, collection: Collection, input: Doc): Doc {
    const doc = clone(input);
    if (doc['_id'] === undefined) doc['_id'] = new BSON.ObjectId();
    this.checkUnique(db, name, collection, doc);
    collection.docs.push(doc);
    return doc;
  }

  /** Applies `update` to a copy of `doc`; the copy replaces `doc` only if every unique index agrees. */
  private updateOne(db: string, name: string, collection: Collection, doc: Doc, update: unknown, arrayFilters?: Doc[]): Doc {
    let next: Doc;
    if (isOperatorUpdate(update)) {
      next = clone(doc);
      const { $setOnInsert: _ignored, ...operators } = update;
      if (Object.keys(operators).length > 0) applyUpdate(next, clone(operators), arrayFilters);
    } else {
      next = { ...clone((update ?? {}) as Doc), _id: doc['_id'] };
    }
    if (BSON.EJSON.stringify(next['_id']) !== BSON.EJSON.stringify(doc['_id'])) {
      const message = "Performing an update on the path '_id' would modify the immutable field '_id'";
      throw new CommandError(66, 'ImmutableField', message);
    }
    this.checkUnique(db, name, collection, next, doc);
    collection.docs[collection.docs.indexOf(doc)] = next;
    return next;
  }

  private upsert(db: string, name: string, collection: Collection, filter: Doc, update: unknown): Doc {
    let doc: Doc;
    if (isOperatorUpdate(update)) {
      doc = clone(equalityFields(filter));
      const { $setOnInsert, ...operators } = update;
      const onInsert = isRecord($setOnInsert) ? clone($setOnInsert) : {};
      // An inserted document may take its _id from $setOnInsert; mingo (rightly) refuses $set of _id.
      if (onInsert['_id'] !== undefined) {
        doc['_id'] = onInsert['_id'];
        delete onInsert['_id'];
      }
      if (Object.keys(operators).length > 0) applyUpdate(doc, clone(operators));
      if (Object.keys(onInsert).length > 0) applyUpdate(doc, { $set: onInsert });
    } else {
      doc = { ...clone((update ?? {}) as Doc) };
      const id = equalityFields(filter)['_id'];
      if (id !== undefined && doc['_id'] === undefined) doc['_id'] = id;
    }
    return this.insertOne(db, name, collection, doc);
  }

  private matching(collection: Collection | undefined, filter: unknown, sort?: unknown): Doc[] {
    if (!collection) return [];
    const cursor = find(collection.docs, (filter ?? {}) as Doc);
    if (isRecord(sort) && Object.keys(sort).length > 0) cursor.sort(sort as Record<string, 1 | -1>);
    return cursor.all() as Doc[];
  }

  private project(docs: Doc[], projection: unknown): Doc[] {
    if (!isRecord(projection) || Object.keys(projection).length === 0) return docs.map(clone);
    return (find(docs, {}, projection).all() as Doc[]).map(clone);
  }

  private cursorReply(db: string, name: string, batch: Doc[]): Doc {
    return { cursor: { id: BSON.Long.fromNumber(0), ns: `${db}.${name}`, firstBatch: batch }, ok: 1 };
  }

  /** Runs one command and returns its reply document (errors become `ok: 0` replies). */
  run(body: Doc, helloExtra: Doc = {}): Doc {
    try {
      return this.dispatch(body, helloExtra);
    } catch (error) {
      if (error instanceof CommandError) return error.reply();
      return { ok: 0, errmsg: String((error as Error).message ?? error), code: 1, codeName: 'InternalError' };
    }
  }

  hello(extra: Doc = {}): Doc {
    return {
      helloOk: true,
      isWritablePrimary: true,
      ismaster: true,
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
      localTime: new Date(),
      logicalSessionTimeoutMinutes: 30,
      connectionId: this.nextConnectionId++,
      minWireVersion: 0,
      maxWireVersion: 21,
      readOnly: false,
      ok: 1,
      ...extra,
    };
  }

  private dispatch(body: Doc, helloExtra: Doc): Doc {
    const command = Object.keys(body)[0] ?? '';
    const db = String(body['$db'] ?? 'admin');
    const name = String(body[command]);
    switch (command) {
      case 'hello':
      case 'isMaster':
      case 'ismaster':
        return this.hello(helloExtra);
      case 'ping':
      case 'endSessions':
      case 'killCursors':
        return { ok: 1 };
      // Accepted so the driver's transactions run (a replica-set fake), but nothing is
      // isolated or rolled back: see fake-mongod.ts.
      case 'commitTransaction':
      case 'abortTransaction':
        return { ok: 1 };
      case 'buildInfo':
      case 'buildinfo':
        return { version: '7.0.0', versionArray: [7, 0, 0, 0], maxBsonObjectSize: 16 * 1024 * 1024, ok: 1 };
      case 'create': {
        if (this.collection(db, name, false)) throw new CommandError(48, 'NamespaceExists', `Collection ${db}.${name} already exists.`);
        this.collection(db, name, true);
        return { ok: 1 };
      }
      case 'drop': {
        if (!this.db(db).delete(name)) throw new CommandError(26, 'NamespaceNotFound', 'ns not found');
        return { ok: 1 };
      }
      case 'dropDatabase':
        this.databases.delete(db);
        return { ok: 1 };
      case 'listCollections': {
        const filter = isRecord(body['filter']) ? body['filter'] : {};
        const all = [...this.db(db).keys()].map((n) => ({ name: n, type: 'collection', options: {}, info: { readOnly: false } }));
        return this.cursorReply(db, '$cmd.listCollections', find(all, filter).all() as Doc[]);
      }
      case 'createIndexes':
        return this.createIndexes(db, name, body['indexes'] as IndexSpec[]);
      case 'listIndexes': {
        const collection = this.collection(db, name, false);
        if (!collection) throw new CommandError(26, 'NamespaceNotFound', `ns does not exist: ${db}.${name}`);
        const listed = collection.indexes.map(({ unique, ...index }) => ({
          v: 2,
          ...index,
          ...(unique && index.name !== '_id_' ? { unique: true } : {}),
        }));
        return this.cursorReply(db, name, listed);
      }
      case 'dropIndexes':
        return this.dropIndexes(db, name, body['index']);
      case 'insert':
        return this.insert(db, name, body['documents'] as Doc[], body['ordered'] !== false);
      case 'find': {
        const collection = this.collection(db, name, false);
        let docs = this.matching(collection, body['filter'], body['sort']);
        const skip = Number(body['skip'] ?? 0);
        const limit = Math.abs(Number(body['limit'] ?? 0));
        if (skip) docs = docs.slice(skip);
        if (limit) docs = docs.slice(0, limit);
        return this.cursorReply(db, name, this.project(docs, body['projection']));
      }
      case 'getMore':
        throw new CommandError(43, 'CursorNotFound', 'cursor id not found (the fake returns every result in the first batch)');
      case 'count': {
        const n = this.matching(this.collection(db, name, false), body['query']).length;
        return { n, ok: 1 };
      }
      case 'distinct': {
        const key = String(body['key']);
        const values: unknown[] = [];
        for (const doc of this.matching(this.collection(db, name, false), body['query'])) {
          const value = getPath(doc, key);
          if (!values.some((v) => keyOf([v]) === keyOf([value]))) values.push(value);
        }
        return { values, ok: 1 };
      }
      case 'aggregate': {
        const collection = this.collection(db, name, false);
        const result = new Aggregator(body['pipeline'] as Doc[]).run(clone(collection?.docs ?? [])) as Doc[];
        return this.cursorReply(db, name, result);
      }
      case 'update':
        return this.update(db, name, body['updates'] as Doc[], body['ordered'] !== false);
      case 'delete':
        return this.delete(db, name, body['deletes'] as Doc[]);
      case 'findAndModify':
        return this.findAndModify(db, name, body);
      default:
        throw new CommandError(59, 'CommandNotFound', `no such command: '${command}'`);
    }
  }

  private createIndexes(db: string, name: string, specs: IndexSpec[]): Doc {
    const created = !this.collection(db, name, false);
    const collection = this.collection(db, name, true) as Collection;
    const before = collection.indexes.length;
    for (const raw of specs) {
      const spec: IndexSpec = { ...raw, unique: raw.unique === true };
      const existing = collection.indexes.find((index) => index.name === spec.name);
      if (existing) {
        if (keyOf([existing.key, existing.unique]) !== keyOf([spec.key, spec.unique])) {
          throw new CommandError(86, 'IndexKeySpecsConflict', `An existing index has the same name (${spec.name}) but different options.`);
        }
        continue;
      }
      if (spec.unique) {
        const probe: Collection = { docs: [], indexes: [spec] };
        for (const doc of collection.docs) {
          this.checkUnique(db, name, probe, doc);
          probe.docs.push(doc);
        }
      }
      collection.indexes.push(spec);
    }
    return { createdCollectionAutomatically: created, numIndexesBefore: before, numIndexesAfter: collection.indexes.length, ok: 1 };
  }

  private dropIndexes(db: string, name: string, index: unknown): Doc {
    const collection = this.collection(db, name, false);
    if (!collection) throw new CommandError(26, 'NamespaceNotFound', `ns not found ${db}.${name}`);
    const names = index === '*' ? collection.indexes.map((i) => i.name).filter((n) => n !== '_id_') : Array.isArray(index) ? index : [index];
    for (const n of names) {
      const at = collection.indexes.findIndex((i) => i.name === n);
      if (at < 0 || n === '_id_') throw new CommandError(27, 'IndexNotFound', `index not found with name [${String(n)}]`);
      collection.indexes.splice(at, 1);
    }
    return { nIndexesWas: collection.indexes.length + names.length, ok: 1 };
  }

  private insert(db: string, name: string, documents: Doc[], ordered: boolean): Doc {
    const collection = this.collection(db, name, true) as Collection;
    let n = 0;
    const writeErrors: Doc[] = [];
    for (const [index, doc] of documents.entries()) {
      try {
        this.insertOne(db, name, collection, doc);
        n += 1;
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        writeErrors.push({ index, code: error.code, errmsg: error.message, ...error.extra });
        if (ordered) break;
      }
    }
    return { n, ...(writeErrors.length ? { writeErrors } : {}), ok: 1 };
  }

  private update(db: string, name: string, updates: Doc[], ordered: boolean): Doc {
    const collection = this.collection(db, name, true) as Collection;
    let n = 0;
    let nModified = 0;
    const upserted: Doc[] = [];
    const writeErrors: Doc[] = [];
    for (const [index, statement] of updates.entries()) {
      try {
        const filter = (statement['q'] ?? {}) as Doc;
        const targets = this.matching(collection, filter, statement['sort']);
        const chosen = statement['multi'] === true ? targets : targets.slice(0, 1);
        if (chosen.length === 0 && statement['upsert'] === true) {
          const doc = this.upsert(db, name, collection, filter, statement['u']);
          upserted.push({ index, _id: doc['_id'] });
          n += 1;
          continue;
        }
        for (const doc of chosen) {
          const next = this.updateOne(db, name, collection, doc, statement['u'], statement['arrayFilters'] as Doc[] | undefined);
          n += 1;
          if (keyOf([next]) !== keyOf([doc])) nModified += 1;
        }
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        writeErrors.push({ index, code: error.code, errmsg: error.message, ...error.extra });
        if (ordered) break;
      }
    }
    return { n, nModified, ...(upserted.length ? { upserted } : {}), ...(writeErrors.length ? { writeErrors } : {}), ok: 1 };
  }

  private delete(db: string, name: string, deletes: Doc[]): Doc {
    const collection = this.collection(db, name, false);
    let n = 0;
    for (const statement of deletes) {
      if (!collection) break;
      const targets = this.matching(collection, statement['q']);
      const chosen = Number(statement['limit']) === 1 ? targets.slice(0, 1) : targets;
      for (const doc of chosen) collection.docs.splice(collection.docs.indexOf(doc), 1);
      n += chosen.length;
    }
    return { n, ok: 1 };
  }

  private findAndModify(db: string, name: string, body: Doc): Doc {
    const collection = this.collection(db, name, true) as Collection;
    const filter = (body['query'] ?? {}) as Doc;
    const [target] = this.matching(collection, filter, body['sort']);
    const returnNew = body['new'] === true;
    const respond = (doc: Doc | null, lastErrorObject: Doc) => ({
      lastErrorObject,
      value: doc ? (this.project([doc], body['fields'])[0] ?? null) : null,
      ok: 1,
    });
    if (body['remove'] === true) {
      if (!target) return respond(null, { n: 0 });
      collection.docs.splice(collection.docs.indexOf(target), 1);
      return respond(target, { n: 1 });
    }
    if (!target) {
      if (body['upsert'] !== true) return respond(null, { n: 0, updatedExisting: false });
      const doc = this.upsert(db, name, collection, filter, body['update']);
      return respond(returnNew ? doc : null, { n: 1, updatedExisting: false, upserted: doc['_id'] });
    }
    const before = clone(target);
    const after = this.updateOne(db, name, collection, target, body['update'], body['arrayFilters'] as Doc[] | undefined);
    return respond(returnNew ? after : before, { n: 1, updatedExisting: true });
  }

  /** Test helper: every document of a collection, as stored. */
  documents(db: string, name: string): Doc[] {
    return clone(this.collection(db, name, false)?.docs ?? []);
  }

  /** Test helper: the indexes of a collection, as stored. */
  indexes(db: string, name: string): IndexSpec[] {
    return clone(this.collection(db, name, false)?.indexes ?? []);
  }
}
