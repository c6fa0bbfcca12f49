/**
 * A real Interview Studio server for tests of the SDK as users run it: the Fastify app on a
 * random local port, a SQLite file in a temp folder, and one provisioned tenant.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// From the server's source, not the package: at run time `@interview-studio/server` is its
// build (dist/), which may be stale or missing when only the SDK was built.
import { buildApp } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/config.js';
import { createSqliteStore } from '../../../server/src/store/sqlite/index.js';
import { defaultPrivacySettings } from '../../../server/src/privacy/settings.js';
import { provisionTenant } from '../../../server/src/tenancy/provision.js';

export interface TestServer {
  /** Base URL, such as `http://127.0.0.1:41234` (no `/trpc`). */
  url: string;
  publishableKey: string;
  secretKey: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * The 16+ confirmation on first use (on for real tenants). Tests about packaging and
   * transport turn it off; flows that go through it confirm the age as the widget would.
   */
  requireAgeConfirmation?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'is-sdk-server-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO_TENANT: 'false',
    TOKEN_SIGNING_SECRET: 'sdk-tests-signing-secret-0123456789abcdef',
  });
  const store = createSqliteStore({ file: join(dataDir, 'interview-studio.sqlite') });
  const { app } = await buildApp(config, { store });
  const tenant = await provisionTenant(store, {
    name: 'SDK Test Co',
    allowedOrigins: ['https://sdk-test.example'],
    settings: { privacy: { ...defaultPrivacySettings(), requireAgeConfirmation: options.requireAgeConfirmation ?? false } },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    publishableKey: tenant.publishableKey.key,
    secretKey: tenant.secretKey.key,
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
