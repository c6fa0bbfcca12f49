/**
 * A real app on a real SQLite file in a temp dir, with two provisioned tenants, for tests that
 * go through HTTP (`app.inject`) or tRPC callers. Close it in afterAll/afterEach.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import type { DestinationStream } from 'pino';
import { buildApp, type BuiltApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { createCallerFactory } from '../trpc/init.js';
import { appRouter } from '../trpc/app-router.js';
import { createInnerContext, type Credentials } from '../trpc/context.js';
import { describeError } from '../trpc/error-formatter.js';
import { defaultPrivacySettings } from '../privacy/settings.js';
import { provisionTenant, type ProvisionedTenant } from '../tenancy/provision.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-with-at-least-32-characters';
export const ORIGIN_A = 'https://careers.alpha.example';
export const ORIGIN_B = 'https://jobs.beta.example';

const createCaller = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof createCaller>;

export interface TestTenant {
  tenant: ProvisionedTenant['tenant'];
  pk: string;
  sk: string;
  secretKeyId: string;
}

export interface TestApp extends BuiltApp {
  store: Store;
  config: Config;
  dir: string;
  a: TestTenant;
  b: TestTenant;
  /** A tRPC caller with the given credentials, through the same procedures as HTTP. */
  caller(credentials: Partial<Credentials>): AppCaller;
  /** The current time the app sees; move it with `advance`. */
  now(): Date;
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}, logDestination?: DestinationStream): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'is-test-'));
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, TOKEN_SIGNING_SECRET: TEST_SIGNING_SECRET, LOG_LEVEL: 'silent', ...env });
  const store = createSqliteStore({ file: join(dir, 'test.sqlite'), clock });
  const built = await buildApp(config, { store, clock, ...(logDestination ? { logDestination } : {}) });
  const toTestTenant = (p: ProvisionedTenant): TestTenant => ({
    tenant: p.tenant,
    pk: p.publishableKey.key,
    sk: p.secretKey.key,
    secretKeyId: p.secretKey.record.id,
  });
  // New tenants ask for the age confirmation by default. These two do not, so that tests about
  // something else need no confirmation first; privacy/age-gate.test.ts turns it on (and checks
  // the default).
  const privacy = { ...defaultPrivacySettings(), requireAgeConfirmation: false };
  const a = toTestTenant(await provisionTenant(store, { name: 'Alpha University', allowedOrigins: [ORIGIN_A], settings: { guestAccess: true, privacy } }));
  const b = toTestTenant(await provisionTenant(store, { name: 'Beta Jobs', allowedOrigins: [ORIGIN_B], settings: { privacy } }));
  return {
    ...built,
    store,
    config,
    dir,
    a,
    b,
    caller: (credentials) => createCaller(createInnerContext(built.deps, credentials)),
    now: clock,
    advance: (ms) => {
      offsetMs += ms;
    },
    async close() {
      await built.app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `appCode` a client would see for an error thrown by a caller (same formatter as HTTP). */
export function appCodeOf(error: unknown): string | undefined {
  if (error instanceof TRPCError) return describeError(error, true).data.appCode;
  return (error as { code?: string }).code;
}

/** Asserts the promise rejects with the given stable code. */
export async function expectAppError(promise: Promise<unknown>, code: string): Promise<void> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (caught === null) throw new Error(`expected ${code}, but the call succeeded`);
  const actual = appCodeOf(caught);
  if (actual !== code) throw new Error(`expected ${code}, got ${actual}: ${(caught as Error).message}`);
}
