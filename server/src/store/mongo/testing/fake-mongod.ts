/**
 * TEST ONLY. A fake MongoDB server on 127.0.0.1 that speaks the documented wire protocol
 * (OP_QUERY for the driver's first handshake, OP_MSG for everything after it) and answers as a
 * standalone MongoDB 7.0 would, backed by `FakeEngine`. The real mongoose and the real Node
 * driver connect to it with an ordinary `mongodb://` URI, so the whole adapter path (option
 * handling, casting, hooks, command building, BSON, reply parsing, error classes) runs as in
 * production; only the server is stood in for. See fake-engine.ts for what it cannot show.
 *
 * Test hooks: `commands` records every command received; `failNext` makes the next matching
 * command (optionally: on one collection) answer with a given error, which stands in for a
 * crash at that point; `stop()`/`start()` drop and restore the server (its data kept) to
 * exercise connection loss.
 *
 * `{ replicaSet: 'rs0' }` makes it answer `hello` as the primary of a replica set, so the driver
 * sends transactions (lsid, txnNumber, autocommit: false, commitTransaction). The fake accepts
 * them but has no isolation and no rollback: every write applies at once, and an abort undoes
 * nothing. It only shows which commands a transaction holds, never that it is atomic.
 */
import { createServer, type Server, type Socket } from 'node:net';
import mongoose from 'mongoose';
import { FakeEngine } from './fake-engine.js';

const { BSON } = mongoose.mongo;

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;
const MORE_TO_COME = 1 << 1;
const CHECKSUM_PRESENT = 1 << 0;

type Doc = Record<string, unknown>;

export interface RecordedCommand {
  name: string;
  db: string;
  body: Doc;
}

interface Failure {
  command: string;
  collection: string | undefined;
  reply: Doc;
}

export interface FakeMongoOptions {
  /** Answer `hello` as the primary of this replica set (see above). */
  replicaSet?: string;
}

function readCString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  return [buffer.toString('utf8', offset, end), end + 1];
}

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.alloc(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(requestId, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

export class FakeMongoServer {
  readonly engine = new FakeEngine();
  readonly commands: RecordedCommand[] = [];
  private readonly failures: Failure[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private requestIds = 1;
  private port = 0;

  constructor(private readonly options: FakeMongoOptions = {}) {}

  /** Starts listening on an ephemeral port (or the same port again after `stop`). */
  async start(): Promise<this> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  /** Closes the listener and every open connection, as a crashed or unreachable server would. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A connection string for `db`; the driver options keep failures quick in tests. */
  uri(db: string, options = 'serverSelectionTimeoutMS=2000&heartbeatFrequencyMS=500'): string {
    return `mongodb://127.0.0.1:${this.port}/${db}?directConnection=true&${options}`;
  }

  /**
   * The next `command` (e.g. 'findAndModify'), on `collection` when given, answers `reply` (an
   * `ok: 0` error document) instead of running.
   */
  failNext(command: string, reply: Doc, collection?: string): void {
    this.failures.push({ command, collection, reply });
  }

  commandsNamed(name: string): RecordedCommand[] {
    return this.commands.filter((c) => c.name === name);
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const length = pending.readInt32LE(0);
        if (pending.length < length) break;
        const message = pending.subarray(0, length);
        pending = pending.subarray(length);
        const reply = this.handle(message);
        if (reply && !socket.destroyed) socket.write(reply);
      }
    });
  }

  private handle(message: Buffer): Buffer | null {
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    if (opCode === OP_QUERY) {
      // flags(4) fullCollectionName(cstring) numberToSkip(4) numberToReturn(4) query(doc)
      const [namespace, afterName] = readCString(message, 20);
      const query = BSON.deserialize(message.subarray(afterName + 8));
      const command = (query['$query'] as Doc | undefined) ?? query;
      const reply = this.execute({ ...command, $db: namespace.split('.')[0] });
      return this.opReply(requestId, reply);
    }
    if (opCode === OP_MSG) {
      const flags = message.readUInt32LE(16);
      const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
      let offset = 20;
      let body: Doc = {};
      const sequences: Record<string, Doc[]> = {};
      while (offset < end) {
        const kind = message.readUInt8(offset);
        offset += 1;
        if (kind === 0) {
          const size = message.readInt32LE(offset);
          body = BSON.deserialize(message.subarray(offset, offset + size));
          offset += size;
        } else {
          const size = message.readInt32LE(offset);
          const sectionEnd = offset + size;
          const [identifier, docsAt] = readCString(message, offset + 4);
          const docs: Doc[] = [];
          let at = docsAt;
          while (at < sectionEnd) {
            const docSize = message.readInt32LE(at);
            docs.push(BSON.deserialize(message.subarray(at, at + docSize)));
            at += docSize;
          }
          sequences[identifier] = docs;
          offset = sectionEnd;
        }
      }
      const reply = this.execute({ ...body, ...sequences });
      return flags & MORE_TO_COME ? null : this.opMsg(requestId, reply);
    }
    // Nothing else is negotiated (no compression is offered), so this is a client bug.
    return this.opMsg(requestId, { ok: 0, errmsg: `unsupported opCode ${opCode}`, code: 2, codeName: 'BadValue' });
  }

  private execute(body: Doc): Doc {
    const name = Object.keys(body)[0] ?? '';
    if (!['hello', 'isMaster', 'ismaster'].includes(name)) {
      this.commands.push({ name, db: String(body['$db']), body });
    }
    const failure = this.failures.findIndex(
      (f) => f.command === name && (f.collection === undefined || f.collection === body[name]),
    );
    if (failure >= 0) {
      const [{ reply }] = this.failures.splice(failure, 1) as [Failure];
      return reply;
    }
    return this.engine.run(body, this.helloExtra());
  }

  private helloExtra(): Doc {
    const setName = this.options.replicaSet;
    if (!setName) return {};
    const me = `127.0.0.1:${this.port}`;
    return { setName, setVersion: 1, hosts: [me], primary: me, me, secondary: false };
  }

  private opReply(responseTo: number, reply: Doc): Buffer {
    const doc = BSON.serialize(reply);
    const fields = Buffer.alloc(20);
    fields.writeInt32LE(0, 0); // responseFlags
    fields.writeBigInt64LE(0n, 4); // cursorID
    fields.writeInt32LE(0, 12); // startingFrom
    fields.writeInt32LE(1, 16); // numberReturned
    const length = 16 + fields.length + doc.length;
    return Buffer.concat([header(length, this.requestIds++, responseTo, OP_REPLY), fields, doc]);
  }

  private opMsg(responseTo: number, reply: Doc): Buffer {
    const doc = BSON.serialize(reply);
    const flags = Buffer.alloc(5); // flagBits (0) + section kind 0
    const length = 16 + flags.length + doc.length;
    return Buffer.concat([header(length, this.requestIds++, responseTo, OP_MSG), flags, doc]);
  }
}

export async function startFakeMongo(options: FakeMongoOptions = {}): Promise<FakeMongoServer> {
  return new FakeMongoServer(options).start();
}
