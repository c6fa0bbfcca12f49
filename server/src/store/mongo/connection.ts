/**
 * Opening the connection and telling whether it can serve. Commands are never buffered: while
 * MongoDB cannot be reached an operation fails (UNAVAILABLE, retryable) after server selection
 * gives up, instead of queueing in process memory, and `ping` fails so /readyz reports it.
 */
import mongoose, { type Connection, type ConnectOptions } from 'mongoose';
import { unavailable } from './errors.js';

/** How long an operation waits for a usable server when the URI does not say. */
export const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5_000;
/** How long /readyz waits for the ping before calling the store unavailable. */
export const PING_TIMEOUT_MS = 2_000;

/** Where connection events go: the app's pino logger fits. */
export interface StoreLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Options the adapter sets; anything given in the URI itself (`?serverSelectionTimeoutMS=`) wins. */
export function connectOptions(uri: string, autoIndex: boolean, dbName?: string): ConnectOptions {
  const options: ConnectOptions = {
    bufferCommands: false,
    autoIndex,
    // Collections come with their indexes: created at start-up with autoIndex, else by db:sync-indexes.
    autoCreate: autoIndex,
    ...(dbName ? { dbName } : {}),
  };
  if (!/[?&]serverSelectionTimeoutMS=/i.test(uri)) options.serverSelectionTimeoutMS = DEFAULT_SERVER_SELECTION_TIMEOUT_MS;
  return options;
}

/** Mask credentials before a URI reaches a log line or an error message. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/** Logs connection changes, and keeps an `error` event from ever being an uncaught exception. */
export function watchConnection(connection: Connection, logger?: StoreLogger): void {
  connection.on('error', (error: unknown) => logger?.error({ err: error }, 'MongoDB connection error'));
  connection.on('disconnected', () =>
    logger?.warn({}, 'MongoDB disconnected; operations fail with UNAVAILABLE until it is back'),
  );
  connection.on('reconnected', () => logger?.info({}, 'MongoDB reconnected'));
}

export interface OpenOptions {
  autoIndex: boolean;
  dbName?: string | undefined;
  logger?: StoreLogger | undefined;
}

export async function openConnection(uri: string, { autoIndex, dbName, logger }: OpenOptions): Promise<Connection> {
  let connection: Connection;
  try {
    connection = mongoose.createConnection(uri, connectOptions(uri, autoIndex, dbName));
  } catch (error) {
    // A malformed URI or option: not retryable, and the message says what is wrong.
    throw new Error(`MONGODB_URI is not usable (${redactUri(uri)}): ${(error as Error).message}`, { cause: error });
  }
  watchConnection(connection, logger);
  try {
    await connection.asPromise();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw unavailable(error, `Could not connect to MongoDB at ${redactUri(uri)}: ${(error as Error).message}`);
  }
  return connection;
}

/**
 * Whether the server can run multi-document transactions: a replica-set member (`hello` names
 * its `setName`) or a mongos (`msg: 'isdbgrid'`). A standalone server cannot. Asked once at
 * connect; a deployment does not change kind under a running server.
 */
export async function supportsTransactions(connection: Connection): Promise<boolean> {
  const db = connection.db;
  if (!db) throw unavailable(undefined, 'The MongoDB store is not connected.');
  try {
    const hello = await db.admin().command({ hello: 1 });
    return typeof hello['setName'] === 'string' || hello['msg'] === 'isdbgrid';
  } catch (error) {
    throw unavailable(error);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the server answers a ping; rejects with UNAVAILABLE otherwise. */
export async function pingConnection(connection: Connection): Promise<void> {
  const db = connection.db;
  if (connection.readyState !== mongoose.ConnectionStates.connected || !db) {
    throw unavailable(undefined, 'The MongoDB store is not connected.');
  }
  try {
    await withTimeout(db.admin().ping(), PING_TIMEOUT_MS);
  } catch (error) {
    throw unavailable(error);
  }
}
