/**
 * The three servers the HTTP benchmark compares, started in a child process so the load
 * generator does not share its event loop:
 * - a bare node:http handler returning fixed JSON (the ceiling),
 * - a do-nothing tRPC query on the same Fastify adapter (tRPC's own cost),
 * - our authenticated read: publishable key + learner token, one record by tenant and id.
 * Prints one JSON line with the ports and credentials, then serves until killed.
 */
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { initTRPC } from '@trpc/server';
import Fastify from 'fastify';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { provisionTenant } from '../tenancy/provision.js';

async function bareServer(): Promise<number> {
  const body = JSON.stringify({ result: { data: { ok: true } } });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function noopTrpcServer(): Promise<number> {
  const t = initTRPC.create();
  const router = t.router({ noop: t.procedure.query(() => ({ ok: true })) });
  const app = Fastify({ logger: false, routerOptions: { maxParamLength: 5000 } });
  await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

async function interviewStudioServer() {
  const dir = mkdtempSync(join(tmpdir(), 'is-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    PUBLIC_URL: 'http://127.0.0.1',
    DATA_DIR: dir,
    TOKEN_SIGNING_SECRET: 'bench-signing-secret-with-at-least-32-chars',
    LOG_LEVEL: 'warn',
    SEED_DEMO_TENANT: 'false',
    RATE_LIMIT_PER_KEY_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_LEARNER_PER_MINUTE: '100000000',
  });
  const { app, deps } = await buildApp(config);
  const { tenant, publishableKey, secretKey } = await provisionTenant(deps.store, {
    name: 'Bench University',
    allowedOrigins: ['http://127.0.0.1'],
    // The institution pays: the free tier must not stop a load test.
    settings: { billingMode: 'sponsored' },
  });
  const signed = await deps.tokens.sign(
    { tenantId: tenant.id, externalId: 'bench-learner', email: null, name: null, guest: false, keyId: secretKey.record.id },
    86_400,
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const headers = { 'content-type': 'application/json', 'x-api-key': publishableKey.key, authorization: `Bearer ${signed.token}` };
  const call = async <T>(path: string, input: unknown): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${port}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
  // The learner's first use, as through the widget: the age confirmation, then a session.
  await call('privacy.confirmAge', { minimumAge: 16, confirmed: true });
  const session = await call<{ id: string; questions: { id: string }[] }>('session.create', {
    role: 'Software engineer',
    seniority: 'graduate',
    interviewType: 'behavioural',
    questionCount: 1,
    mode: 'practice',
  });
  return {
    port,
    publishableKey: publishableKey.key,
    token: signed.token,
    sessionId: session.id,
    questionId: session.questions[0]!.id,
  };
}

const [bare, noop, studio] = await Promise.all([bareServer(), noopTrpcServer(), interviewStudioServer()]);
console.log(JSON.stringify({ bare, noop, studio }));
