/**
 * Technical data (privacy policy section 2): the policy allows collecting IP address, browser
 * and device for security and analytics. This server keeps less: neither is written to the
 * store, to the logs or to analytics (see observability/analytics.test.ts), so nothing of it can
 * be exported, leaked or forgotten at erasure.
 */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, ORIGIN_A, type TestApp } from '../test-support/test-app.js';
import { everyRow } from './testing/db-rows.js';

const IP = '198.51.100.23';
const USER_AGENT = 'Mozilla/5.0 (DeviceModelX; rv:99) LearnerBrowser/1.2';

let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ LOG_LEVEL: 'trace', TRUST_PROXY: 'true' }, sink);
});
afterAll(async () => {
  await t.close();
});

it('stores and logs no IP address, browser or device of the learner', async () => {
  const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: 'tech-data' });
  const headers = { 'x-api-key': t.a.pk, authorization: `Bearer ${token}`, origin: ORIGIN_A, 'x-forwarded-for': IP, 'user-agent': USER_AGENT };
  const created = await t.app.inject({
    method: 'POST',
    url: '/trpc/session.create',
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify({ role: 'Analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' }),
  });
  expect(created.statusCode).toBe(200);
  await t.app.inject({ url: '/trpc/learner.me', headers });
  expect(lines.length).toBeGreaterThan(0);

  const logs = lines.join('\n');
  const rows = everyRow(join(t.dir, 'test.sqlite')).map((r) => r.row).join('\n');
  for (const trace of [IP, 'DeviceModelX', 'LearnerBrowser']) {
    expect(logs).not.toContain(trace);
    expect(rows).not.toContain(trace);
  }
});
