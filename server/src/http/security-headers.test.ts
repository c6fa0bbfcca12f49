/**
 * Security headers (privacy policy section 9) on every page the server serves: its own pages
 * get a strict CSP that nobody may frame, every response gets nosniff, a referrer policy and
 * (behind https) HSTS, while the widget bundle stays loadable by a script tag on partner pages.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN_A, type TestApp } from '../test-support/test-app.js';
import { DEMO_CSP, registerDemoPage } from './demo-page.js';
import { HSTS, NON_PAGE_CSP, PAGE_CSP } from './security-headers.js';
import { registerWidgetAssets } from './widget-assets.js';

describe('security headers', () => {
  let t: TestApp;
  const dist = mkdtempSync(join(tmpdir(), 'widget-dist-'));
  beforeAll(async () => {
    writeFileSync(join(dist, 'widget.js'), 'void 0;');
    t = await createTestApp();
    registerWidgetAssets(t.app, { distDir: dist });
    // Registered after buildApp, as main.ts does: the headers still apply.
    registerDemoPage(t.app, { tenantName: 'Demo University', publishableKey: t.a.pk, publicUrl: 'http://localhost:3000' });
    t.app.get('/test-page', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>x</title>'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const expectBaseHeaders = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('microphone=()');
    expect(headers['strict-transport-security']).toBeUndefined();
  };

  it("gives the server's own pages a strict CSP that forbids framing", async () => {
    const page = await t.app.inject({ url: '/test-page' });
    expectBaseHeaders(page.headers);
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(PAGE_CSP).not.toContain('unsafe-inline');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('keeps a page’s own stricter policy (the demo page) and adds the rest', async () => {
    const demo = await t.app.inject({ url: '/' });
    expect(demo.statusCode).toBe(200);
    expect(demo.headers['content-security-policy']).toBe(DEMO_CSP);
    expectBaseHeaders(demo.headers);
  });

  it('covers API answers, errors, health checks and unknown paths', async () => {
    for (const response of [
      await t.app.inject({ url: '/trpc/tenant.config', headers: { 'x-api-key': t.a.pk, origin: ORIGIN_A } }),
      await t.app.inject({ url: '/trpc/learner.me', headers: { 'x-api-key': t.a.pk } }),
      await t.app.inject({ url: '/healthz' }),
      await t.app.inject({ url: '/no/such/page' }),
    ]) {
      expectBaseHeaders(response.headers);
      expect(response.headers['content-security-policy']).toBe(NON_PAGE_CSP);
    }
  });

  it('sets no cookies: sign-in uses tokens and analytics runs on the server', async () => {
    for (const url of ['/', '/test-page', '/healthz', '/trpc/tenant.config']) {
      const response = await t.app.inject({ url, headers: { 'x-api-key': t.a.pk, origin: ORIGIN_A } });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('does not stop partner pages from loading the widget by script tag', async () => {
    const script = await t.app.inject({ url: '/widget.js', headers: { origin: 'https://partner.example' } });
    expect(script.statusCode).toBe(200);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.headers['access-control-allow-origin']).toBe('*');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    // A CSP on a script response does not apply to the page that includes it.
    expect(script.headers['content-security-policy']).toBe(NON_PAGE_CSP);
  });
});

describe('HSTS', () => {
  it('is sent when PUBLIC_URL is https, on every response', async () => {
    const t = await createTestApp({ PUBLIC_URL: 'https://studio.example.edu' });
    try {
      for (const url of ['/healthz', '/no/such/page']) {
        expect((await t.app.inject({ url })).headers['strict-transport-security']).toBe(HSTS);
      }
    } finally {
      await t.close();
    }
  });
});
