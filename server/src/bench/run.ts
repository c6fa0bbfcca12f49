/**
 * `npm run bench`: prints figures, asserts nothing. Each figure names its target so a reader
 * can compare; regressions are judged by people, not by a flaky timed test.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = 64;

interface Figures {
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  // Warm up (JIT, SQLite page cache) before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function row(name: string, f: Figures): string {
  return `${name.padEnd(44)} ${f.requestsPerSec.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms${f.errors ? `   (${f.errors} errors!)` : ''}`;
}

async function httpBench(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, [join(here, 'servers.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const servers = JSON.parse(line) as { bare: number; noop: number; studio: { port: number; publishableKey: string; token: string } };

    console.log(`\nHTTP on loopback, ${CONNECTIONS} connections, ${DURATION_S} s each (autocannon; servers in a child process)`);
    const bare = await load(`http://127.0.0.1:${servers.bare}/`);
    console.log(row('bare node:http, fixed JSON', bare));
    const noop = await load(`http://127.0.0.1:${servers.noop}/trpc/noop`);
    console.log(row('tRPC do-nothing query (Fastify adapter)', noop));
    const read = await load(`http://127.0.0.1:${servers.studio.port}/trpc/learner.me`, {
      'x-api-key': servers.studio.publishableKey,
      authorization: `Bearer ${servers.studio.token}`,
    });
    console.log(row('learner.me: pk + learner token + store read', read));
    console.log(`ratio tRPC no-op / bare:             ${(noop.requestsPerSec / bare.requestsPerSec).toFixed(2)}x`);
    console.log(`ratio authenticated read / bare:     ${(read.requestsPerSec / bare.requestsPerSec).toFixed(2)}x`);
    console.log(
      `ratio authenticated read / tRPC no-op: ${(read.requestsPerSec / noop.requestsPerSec).toFixed(2)}x   (target >= 0.70x)`,
    );
    console.log(`p99 authenticated read:               ${read.p99} ms   (target <= 60 ms)`);
  } finally {
    child.kill();
  }
}

await httpBench();
