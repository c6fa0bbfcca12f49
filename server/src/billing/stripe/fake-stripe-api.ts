/**
 * A local stand-in for the part of the Stripe API this server uses, speaking its wire format:
 * form-encoded `POST /v1/checkout/sessions` with a Bearer key and an `Idempotency-Key`
 * header, JSON answers and Stripe-shaped errors. It keeps every request for assertions, replays
 * the first answer for a repeated idempotency key (and refuses the key with other parameters,
 * as Stripe does), and builds the signed webhook events that follow a checkout. Tests only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** The form body decoded into nested objects and arrays (`a[b][0][c]=1`). */
  body: Record<string, unknown>;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  url: string;
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  client_reference_id: string | null;
  customer_email: string | null;
  customer_details: { email: string | null } | null;
  metadata: Record<string, string>;
  amount_total: number;
  currency: string;
  payment_intent: string | null;
  created: number;
}

/** Decodes Stripe's form encoding (`metadata[tenantId]=…`, `line_items[0][quantity]=1`). */
export function decodeStripeForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = /^\d+$/.test(path[i + 1] ?? '');
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[slot] = value;
      else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}

export interface FakeStripe {
  readonly port: number;
  /** For `new Stripe(key, fake.sdkOptions)` and the STRIPE_API_* variables. */
  readonly sdkOptions: { host: string; port: number; protocol: 'http' };
  readonly env: Record<string, string>;
  readonly requests: RecordedRequest[];
  readonly sessions: Map<string, FakeSession>;
  /** The next `count` requests answer `status` with a Stripe api_error. */
  failNext(count: number, status?: number): void;
  /** Marks the session paid (or unpaid for a delayed method) and returns its `checkout.session.completed` event. */
  completedEvent(sessionId: string, options?: { paymentStatus?: FakeSession['payment_status']; email?: string | null }): Stripe.Event;
  asyncEvent(sessionId: string, outcome: 'succeeded' | 'failed'): Stripe.Event;
  /** Closes the open session unpaid (the learner abandoned it) and returns its `checkout.session.expired` event. */
  expiredEvent(sessionId: string): Stripe.Event;
  /** A `charge.refunded` for the session's payment intent (metadata as Stripe copies it from the intent). */
  refundedEvent(sessionId: string, options?: { full?: boolean }): Stripe.Event;
  event(type: string, object: Record<string, unknown>): Stripe.Event;
  /** The body and `Stripe-Signature` header Stripe would send, signed with the real scheme. */
  sign(event: Stripe.Event, options?: { secret?: string; timestamp?: number }): { payload: string; signature: string };
  stop(): Promise<void>;
}

export const FAKE_STRIPE_KEY = 'sk_test_fake_0123456789';
export const FAKE_WEBHOOK_SECRET = 'whsec_fake_0123456789abcdef';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${Date.now()}` });
  res.end(JSON.stringify(body));
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, FakeSession>();
  const idempotent = new Map<string, { rawBody: string; status: number; body: unknown }>();
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let sequence = 0;
  const stripe = new Stripe(FAKE_STRIPE_KEY);

  function createSession(body: Record<string, unknown>): FakeSession {
    sequence += 1;
    const id = `cs_test_fake${String(sequence).padStart(6, '0')}`;
    const items = (body['line_items'] as Record<string, unknown>[] | undefined) ?? [];
    const priceData = items[0]?.['price_data'] as Record<string, string> | undefined;
    const session: FakeSession = {
      id,
      object: 'checkout.session',
      url: `https://checkout.stripe.test/c/pay/${id}`,
      mode: String(body['mode']),
      status: 'open',
      payment_status: 'unpaid',
      client_reference_id: (body['client_reference_id'] as string | undefined) ?? null,
      customer_email: (body['customer_email'] as string | undefined) ?? null,
      customer_details: null,
      metadata: (body['metadata'] as Record<string, string> | undefined) ?? {},
      amount_total: priceData ? Number(priceData['unit_amount']) : 999,
      currency: priceData?.['currency'] ?? 'gbp',
      payment_intent: null,
      created: Math.floor(Date.now() / 1000),
    };
    sessions.set(id, session);
    return session;
  }

  function handle(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const body = decodeStripeForm(rawBody);
    requests.push({ method: req.method ?? '', path, headers: req.headers, rawBody, body });
    if (!/^Bearer (sk|rk)_/.test(req.headers.authorization ?? '')) {
      return sendJson(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    if (failures.count > 0) {
      failures.count -= 1;
      return sendJson(res, failures.status, { error: { type: 'api_error', message: 'Fake Stripe was told to fail' } });
    }
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string') {
      const previous = idempotent.get(key);
      if (previous && previous.rawBody !== rawBody) {
        return sendJson(res, 400, {
          error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' },
        });
      }
      if (previous) return sendJson(res, previous.status, previous.body);
    }
    let status = 200;
    let answer: unknown;
    if (req.method === 'POST' && path === '/v1/checkout/sessions') answer = createSession(body);
    else if (req.method === 'GET' && path.startsWith('/v1/checkout/sessions/') && sessions.has(path.split('/')[4] ?? '')) {
      answer = sessions.get(path.split('/')[4] ?? '');
    } else {
      status = 404;
      answer = { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path}).` } };
    }
    if (typeof key === 'string') idempotent.set(key, { rawBody, status, body: answer });
    sendJson(res, status, answer);
  }

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let eventSequence = 0;

  const event = (type: string, object: Record<string, unknown>): Stripe.Event => {
    eventSequence += 1;
    return {
      id: `evt_fake_${String(eventSequence).padStart(6, '0')}_${Math.random().toString(36).slice(2, 8)}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    } as unknown as Stripe.Event;
  };

  const sessionOf = (id: string) => {
    const session = sessions.get(id);
    if (!session) throw new Error(`fake Stripe has no session ${id}`);
    session.payment_intent ??= `pi_fake_${id.slice(-6)}`;
    return session;
  };

  return {
    port,
    sdkOptions: { host: '127.0.0.1', port, protocol: 'http' },
    env: {
      STRIPE_SECRET_KEY: FAKE_STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
    },
    requests,
    sessions,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    completedEvent(sessionId, options = {}) {
      const session = sessionOf(sessionId);
      session.status = 'complete';
      session.payment_status = options.paymentStatus ?? 'paid';
      session.customer_details = { email: options.email === undefined ? session.customer_email : options.email };
      return event('checkout.session.completed', { ...session });
    },
    asyncEvent(sessionId, outcome) {
      const session = sessionOf(sessionId);
      session.payment_status = outcome === 'succeeded' ? 'paid' : 'unpaid';
      return event(`checkout.session.async_payment_${outcome}`, { ...session });
    },
    expiredEvent(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`fake Stripe has no session ${sessionId}`);
      if (session.status === 'complete') throw new Error(`fake Stripe: session ${sessionId} is complete and cannot expire`);
      // As Stripe sends it: no payment intent was ever confirmed, so none is named.
      session.status = 'expired';
      session.payment_status = 'unpaid';
      return event('checkout.session.expired', { ...session, url: null });
    },
    refundedEvent(sessionId, options = {}) {
      const session = sessionOf(sessionId);
      const full = options.full ?? true;
      return event('charge.refunded', {
        id: `ch_fake_${sessionId.slice(-6)}`,
        object: 'charge',
        amount: session.amount_total,
        amount_refunded: full ? session.amount_total : 100,
        currency: session.currency,
        payment_intent: session.payment_intent,
        metadata: { ...session.metadata },
        refunded: full,
        paid: true,
        status: 'succeeded',
      });
    },
    event,
    sign(evt, options = {}) {
      const payload = JSON.stringify(evt);
      const signature = stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? FAKE_WEBHOOK_SECRET,
        ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
      });
      return { payload, signature };
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; close() would wait for them.
        server.closeAllConnections();
      }),
  };
}
