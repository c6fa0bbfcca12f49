/**
 * The Anthropic coach against the fake Messages API, through the real server: Fastify + tRPC,
 * a learner token, `answer.submit`, then the `answer.feedback` SSE subscription read with
 * `fetch` as a browser would. Prints figures, asserts nothing.
 *
 * 1. Added latency to the first feedback event. The fake streams at a fixed first-token delay
 *    and a fixed delay per token, and records when it wrote each delta. The first feedback part
 *    (the first criterion) cannot exist before the fake has written the character that closes
 *    it, so for each answer:
 *      added = (client: subscribe → first event) − (fake: request received → that delta written)
 *    i.e. the client's time minus the model's own time (its first-token delay plus the tokens of
 *    the first criterion). It covers auth, store reads, prompt building and redaction, the SDK
 *    call, JSON parsing and the SSE hop back. Target: p50 ≤ 20 ms. The client disconnects after
 *    the first event, which also exercises the upstream abort.
 * 2. Tokens per feedback for a typical answer, first call (prompt cache written) and second
 *    (prompt cache read), from the usage on the `done` feedback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../app.js';
import { createJsonFieldReader } from '../coach/anthropic/json-fields.js';
import { startFakeMessagesApi, type FakeCall } from '../coach/anthropic/fake-messages-api.js';
import { estimateCostMicroUsd, type TokenUsage } from '../coach/anthropic/usage.js';
import type { FeedbackEvent } from '../coach/coach.js';
import { loadConfig } from '../config.js';
import { provisionTenant } from '../tenancy/provision.js';

export interface AnthropicBenchOptions {
  samples?: number;
  warmup?: number;
  firstTokenDelayMs?: number;
  tokenDelayMs?: number;
  /** Print the figures (default true). */
  print?: boolean;
}

export interface AnthropicBenchResult {
  samples: number;
  clientToFirstEventMs: { p50: number; p95: number };
  fakeToFirstPartMs: { p50: number; p95: number };
  addedMs: { p50: number; p95: number; max: number };
  tokens: { call: number; uncachedInput: number; cacheWrite: number; cacheRead: number; output: number; costMicroUsd: number }[];
}

const ANSWER = `In my second year at university I was one of four students building a budgeting app for our software engineering module.
Two weeks before the deadline, a teammate and I disagreed about whether to add a savings feature or fix bugs. My responsibility was the backend, so the decision affected my work directly.
I suggested we talk it through rather than argue in the group chat. I listened to his reasons first, then shared our bug list, which had 23 open issues, and suggested we check the marking scheme together. We found that 40% of the marks were for reliability and testing.
We agreed a compromise: I fixed the critical bugs while he built a simplified version of the feature behind a toggle. We submitted on time with only 3 minor bugs and got 74%, the highest mark in the cohort. I learned to look for shared evidence early instead of debating opinions.`;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** The text offset whose arrival lets a reader report the first criterion. */
function firstPartOffset(text: string): number {
  let found = -1;
  const reader = createJsonFieldReader((field) => {
    if (found < 0 && field.kind === 'element' && field.key === 'criteria') found = reader.text.length - 1;
  });
  for (const ch of text) {
    reader.push(ch);
    if (found >= 0) break;
  }
  return found;
}

/** When the fake wrote the delta that completed the first criterion, from its receipt of the request. */
function fakeTimeToFirstPart(call: FakeCall): number {
  const offset = firstPartOffset(call.text);
  const write = call.writes.find((w) => w.sent > offset);
  if (!write) throw new Error('the fake never sent the first criterion');
  return write.at - call.receivedAt;
}

async function trpc<T>(base: string, headers: Record<string, string>, path: string, input: unknown): Promise<T> {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error ?? body)}`);
  return body.result.data;
}

/**
 * Subscribes to an answer's feedback over SSE. Resolves with the time to the first feedback
 * event and, unless `untilDone` is false (then it disconnects after the first), the done event.
 */
async function followFeedback(base: string, headers: Record<string, string>, answerId: string, untilDone: boolean) {
  const controller = new AbortController();
  const started = performance.now();
  const url = `${base}/trpc/answer.feedback?input=${encodeURIComponent(JSON.stringify({ answerId }))}`;
  const response = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`answer.feedback failed: ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let firstEventMs: number | null = null;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const eventName = /^event: (.*)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (eventName || !data) continue; // connected, ping, return, serialized-error
        const event = JSON.parse(data) as FeedbackEvent;
        firstEventMs ??= performance.now() - started;
        if (!untilDone) return { firstEventMs, done: null };
        if (event.type === 'done') return { firstEventMs, done: event.feedback as typeof event.feedback & { usage?: TokenUsage | null } };
      }
    }
    throw new Error('the feedback stream ended without a done event');
  } finally {
    controller.abort();
  }
}

export async function anthropicBench(options: AnthropicBenchOptions = {}): Promise<AnthropicBenchResult> {
  const samples = options.samples ?? Number(process.env.BENCH_ANTHROPIC_SAMPLES ?? 40);
  const warmup = options.warmup ?? 5;
  const firstTokenDelayMs = options.firstTokenDelayMs ?? 150;
  const tokenDelayMs = options.tokenDelayMs ?? 2;
  const print = options.print ?? true;

  const fake = await startFakeMessagesApi({ firstTokenDelayMs, tokenDelayMs });
  const dir = mkdtempSync(join(tmpdir(), 'is-bench-anthropic-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    PUBLIC_URL: 'http://127.0.0.1',
    DATA_DIR: dir,
    TOKEN_SIGNING_SECRET: 'bench-signing-secret-with-at-least-32-chars',
    LOG_LEVEL: 'warn',
    SEED_DEMO_TENANT: 'false',
    RATE_LIMIT_PER_KEY_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_LEARNER_PER_MINUTE: '100000000',
    // The app's own coach selection, pointed at the fake.
    ANTHROPIC_API_KEY: 'sk-ant-bench',
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_MAX_RETRIES: '0',
    ANTHROPIC_FIRST_TOKEN_TIMEOUT_MS: '10000',
  });
  const { app, deps } = await buildApp(config);
  try {
    const { tenant, publishableKey, secretKey } = await provisionTenant(deps.store, {
      name: 'Bench University',
      allowedOrigins: ['http://127.0.0.1'],
      settings: { billingMode: 'sponsored' },
    });
    const { token } = await deps.tokens.sign(
      { tenantId: tenant.id, externalId: 'bench-learner', email: null, name: null, guest: false, keyId: secretKey.record.id },
      86_400,
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const headers = { 'x-api-key': publishableKey.key, authorization: `Bearer ${token}` };
    await trpc(base, headers, 'privacy.confirmAge', { minimumAge: 16, confirmed: true });

    const session = await trpc<{ id: string; questions: { id: string }[] }>(base, headers, 'session.create', {
      role: 'Graduate Software Engineer',
      seniority: 'graduate',
      interviewType: 'behavioural',
      questionCount: 1,
      mode: 'practice',
    });
    const questionId = session.questions[0]!.id;
    const submit = async () =>
      (await trpc<{ answer: { id: string } }>(base, headers, 'answer.submit', { sessionId: session.id, questionId, text: ANSWER })).answer.id;

    // Tokens on a cold and a warm prompt cache.
    fake.clearCache();
    const tokens: AnthropicBenchResult['tokens'] = [];
    for (const call of [1, 2]) {
      const { done } = await followFeedback(base, headers, await submit(), true);
      const usage = done?.usage;
      if (!usage) throw new Error(`feedback ${call} has no usage (source ${done?.source}, notice ${done?.notice})`);
      tokens.push({
        call,
        uncachedInput: usage.inputTokens,
        cacheWrite: usage.cacheCreationInputTokens,
        cacheRead: usage.cacheReadInputTokens,
        output: usage.outputTokens,
        costMicroUsd: estimateCostMicroUsd('claude-sonnet-4-6', usage),
      });
    }

    // Latency to the first event; the client leaves after it.
    const client: number[] = [];
    const model: number[] = [];
    const added: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const answerId = await submit();
      const before = fake.calls.length;
      const { firstEventMs } = await followFeedback(base, headers, answerId, false);
      const call = fake.calls[before];
      if (!call) throw new Error('the feedback never reached the fake');
      await call.closed;
      if (i < warmup) continue;
      const fakeMs = fakeTimeToFirstPart(call);
      client.push(firstEventMs);
      model.push(fakeMs);
      added.push(firstEventMs - fakeMs);
    }

    const result: AnthropicBenchResult = {
      samples,
      clientToFirstEventMs: summary(client),
      fakeToFirstPartMs: summary(model),
      addedMs: summary(added),
      tokens,
    };
    if (print) {
      const f = (n: number) => n.toFixed(1).padStart(7);
      console.log(
        `\nAnthropic coach via tRPC SSE against the fake Messages API (first token ${firstTokenDelayMs} ms, ${tokenDelayMs} ms per token), ${samples} answers`,
      );
      console.log(`client: subscribe → first feedback event     p50 ${f(result.clientToFirstEventMs.p50)} ms   p95 ${f(result.clientToFirstEventMs.p95)} ms`);
      console.log(`fake: request → first criterion written       p50 ${f(result.fakeToFirstPartMs.p50)} ms   p95 ${f(result.fakeToFirstPartMs.p95)} ms`);
      console.log(`added by the server                           p50 ${f(result.addedMs.p50)} ms   p95 ${f(result.addedMs.p95)} ms   (target p50 <= 20 ms)`);
      console.log('tokens per feedback (typical answer):');
      for (const t of tokens) {
        console.log(
          `  call ${t.call}: uncached input ${t.uncachedInput}, cache write ${t.cacheWrite}, cache read ${t.cacheRead}, output ${t.output}  (~${(t.costMicroUsd / 1e6).toFixed(4)} USD)`,
        );
      }
    }
    return result;
  } finally {
    await app.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
