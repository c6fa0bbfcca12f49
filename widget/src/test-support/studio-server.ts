/**
 * A real Interview Studio server for browser tests: `buildApp` on a temp SQLite file, one
 * provisioned tenant whose allowed origin is the server's own, the built widget at
 * `/widget.js`, the demo pages, the demo checkout and the dev outbox, listening on a loopback
 * port that is also its PUBLIC_URL (checkout links point back at it). The tenant has a new
 * tenant's defaults, so learners confirm their age first (`confirmAge` in page-helpers.ts).
 * Tests add their own pages through `routes`. Requires `npm run build` (the widget's dist)
 * first, as `npm test` does.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuiltApp } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/config.js';
import { registerDemoPage } from '../../../server/src/http/demo-page.js';
import { defaultWidgetDistDir, registerWidgetAssets } from '../../../server/src/http/widget-assets.js';
import type { Branding, Tenant, TenantSettings } from '../../../server/src/store/records.js';
import { createSqliteStore } from '../../../server/src/store/sqlite/index.js';
import type { Store } from '../../../server/src/store/store.js';
import { provisionTenant } from '../../../server/src/tenancy/provision.js';

export interface StudioServerOptions {
  guestAccess?: boolean;
  branding?: Partial<Branding>;
  settings?: Partial<Omit<TenantSettings, 'branding' | 'allowedOrigins'>>;
  env?: Record<string, string>;
  /** Extra routes (test pages); called before the server listens. */
  routes?(app: FastifyInstance, server: { publishableKey: () => string }): void;
}

export interface StudioServer {
  url: string;
  publishableKey: string;
  tenant: Tenant;
  store: Store;
  app: FastifyInstance;
  deps: BuiltApp['deps'];
  /** Adds an origin the tenant's publishable key is accepted from (a second "partner" site). */
  allowOrigin(origin: string): Promise<void>;
  /** Changes the tenant's settings (free tier, guest access, branding…). */
  updateSettings(patch: Partial<TenantSettings>): Promise<void>;
  /** A learner token for `externalId`, valid for `ttlSeconds` (as the tenant's backend would mint). */
  mintToken(externalId: string, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

export const TEST_SIGNING_SECRET = 'widget-test-signing-secret-with-32-plus-characters';

/** A loopback port nobody listens on (the server's PUBLIC_URL must be known before it listens). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startStudioServer(options: StudioServerOptions = {}): Promise<StudioServer> {
  const dist = defaultWidgetDistDir();
  if (!existsSync(join(dist, 'widget.js')) || !existsSync(join(dist, 'embed', 'core.js'))) {
    throw new Error(`The widget is not built (${dist}). Run \`npm run build\` (or \`npm run build -w widget\`) before the browser tests.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'is-widget-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    TOKEN_SIGNING_SECRET: TEST_SIGNING_SECRET,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: url,
    ...options.env,
  });
  const store = createSqliteStore({ file: join(dir, 'widget-test.sqlite') });
  const { app, deps } = await buildApp(config, { store });
  const provisioned = await provisionTenant(store, {
    name: 'Demo University',
    allowedOrigins: [],
    settings: { guestAccess: options.guestAccess ?? true, ...options.settings },
  });
  let tenant = provisioned.tenant;
  if (options.branding) {
    tenant = await store.updateTenant(tenant.id, { settings: { ...tenant.settings, branding: { ...tenant.settings.branding, ...options.branding } } });
  }
  const publishableKey = provisioned.publishableKey.key;

  registerWidgetAssets(app);
  registerDemoPage(app, { tenantName: tenant.name, publishableKey, publicUrl: url });
  options.routes?.(app, { publishableKey: () => publishableKey });

  await app.listen({ host: '127.0.0.1', port });
  tenant = await store.updateTenant(tenant.id, { settings: { ...tenant.settings, allowedOrigins: [url] } });
  deps.authCache.invalidateTenant(tenant.id);

  const server: StudioServer = {
    url,
    publishableKey,
    tenant,
    store,
    app,
    deps,
    async allowOrigin(origin) {
      const current = (await store.getTenant(tenant.id))!;
      await store.updateTenant(tenant.id, { settings: { ...current.settings, allowedOrigins: [...current.settings.allowedOrigins, origin] } });
      deps.authCache.invalidateTenant(tenant.id);
    },
    async updateSettings(patch) {
      const current = (await store.getTenant(tenant.id))!;
      server.tenant = await store.updateTenant(tenant.id, { settings: { ...current.settings, ...patch } });
      // Changed behind the app's back: drop its cached copy, as admin.settings.update does.
      deps.authCache.invalidateTenant(tenant.id);
    },
    async mintToken(externalId, ttlSeconds = 900) {
      const { token } = await deps.tokens.sign(
        { tenantId: tenant.id, externalId, email: null, name: null, guest: false, keyId: null },
        ttlSeconds,
      );
      return token;
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A second origin (another loopback port) serving one page, as a partner site would. */
export async function startPartnerSite(page: (origin: string) => { html: string; headers?: Record<string, string> }): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const site = createServer((request, response) => {
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const { html, headers } = page(origin);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}
