/**
 * The built package, used the way users use it (stripe-node's habit): `npm pack`, installed into
 * a temp project outside the repo, then an ESM, a CommonJS and a TypeScript consumer against a
 * real server. Also pins the public exports and what the declarations import.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../server/src/errors.js';
import { ensureSdkBuilt, repoDir, sdkDir } from './support/built-sdk.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const run = promisify(execFile);
const fixtures = join(sdkDir, 'test/consumers');
const tsc = join(repoDir, 'node_modules/typescript/bin/tsc');

let project: string;
let server: TestServer;

/** Packs the SDK and installs the tarball into a fresh project; its dependencies are linked from the repo. */
async function installPackedSdk(dir: string): Promise<void> {
  const { stdout } = await run('npm', ['pack', '-w', 'sdk', '--json', '--pack-destination', dir], { cwd: repoDir });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  await run('tar', ['-xzf', join(dir, filename)], { cwd: dir });
  mkdirSync(join(dir, 'node_modules/@interview-studio'), { recursive: true });
  renameSync(join(dir, 'package'), join(dir, 'node_modules/@interview-studio/sdk'));
  // The SDK's dependencies (and @types/node for the TypeScript consumer), but not the server.
  for (const dep of ['@trpc/client', '@trpc/server', 'eventsource', '@types/node']) {
    mkdirSync(join(dir, 'node_modules', dep, '..'), { recursive: true });
    symlinkSync(join(repoDir, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  }
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

beforeAll(async () => {
  await ensureSdkBuilt();
  project = mkdtempSync(join(tmpdir(), 'is-sdk-consumer-'));
  writeJson(join(project, 'package.json'), { name: 'consumer', private: true, type: 'module' });
  await installPackedSdk(project);
  cpSync(fixtures, project, { recursive: true });
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

async function runConsumer(file: string): Promise<unknown> {
  const env = { ...process.env, IS_URL: server.url, IS_PUBLISHABLE_KEY: server.publishableKey, IS_SECRET_KEY: server.secretKey };
  const { stdout } = await run(process.execPath, [file], { cwd: project, env });
  return JSON.parse(stdout);
}

describe('runtime consumers', () => {
  it('an ESM project imports it and calls the server as a tenant and as a learner', async () => {
    expect(await runConsumer('esm.mjs')).toEqual({
      format: 'esm',
      me: { externalId: 'esm-user', name: 'Esm User', guest: false, tokenExpiresAt: expect.any(String) },
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      forbidden: { code: 'FORBIDDEN', isError: true, httpStatus: 403 },
      invalid: { code: 'VALIDATION_FAILED', paths: ['externalId'] },
      subscription: { code: 'NOT_FOUND', path: 'answer.feedback' },
      knownCodes: Object.keys(ErrorCode).length,
    });
  });

  it('a CommonJS project requires it and gets the same behaviour', async () => {
    expect(await runConsumer('cjs.cjs')).toEqual({
      format: 'cjs',
      me: { externalId: 'cjs-user', name: null },
      badToken: { code: 'UNAUTHENTICATED', isUnauthenticated: true },
    });
  });
});

/**
 * Runs the repo's tsc on a consumer tsconfig and returns its errors, less those inside tRPC's own
 * declarations: tRPC 11.25.2's need the DOM lib (`RequestInfo`) and `esnext.disposable`, which
 * consumers with `skipLibCheck` (most) never see. Ours are checked in full.
 */
async function typeCheck(config: string, compilerOptions: object, files: string[]) {
  writeJson(join(project, config), { compilerOptions, files });
  const args = [tsc, '-p', config, '--listFiles'];
  const { stdout } = await run(process.execPath, args, { cwd: project }).catch((error: { stdout: string }) => error);
  const lines = stdout.split('\n');
  return {
    errors: lines.filter((line) => / error TS\d+/.test(line) && !line.includes('node_modules/@trpc/')),
    /** Which of the SDK's declaration files the compiler read. */
    declarations: lines.filter((line) => line.includes('@interview-studio/sdk/dist/')).map((line) => line.replace(/^.*\/dist\//, '')),
  };
}

describe('TypeScript consumers', () => {
  const strict = { strict: true, noEmit: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, skipLibCheck: false };

  it('type-check with NodeNext resolution (ESM and CJS files, Node types only)', { timeout: 60_000 }, async () => {
    const options = { ...strict, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023'], types: ['node'] };
    expect(await typeCheck('tsconfig.nodenext.json', options, ['types.ts', 'types.cts'])).toEqual({
      errors: [],
      declarations: ['index.d.ts', 'index.d.cts'],
    });
  });

  it('type-check with bundler resolution (browser libs, no Node types)', { timeout: 60_000 }, async () => {
    const options = { ...strict, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2023', 'dom'], types: [] };
    expect(await typeCheck('tsconfig.bundler.json', options, ['types.ts'])).toEqual({ errors: [], declarations: ['index.d.ts'] });
  });
});

describe('the published surface', () => {
  it('exports the same names from ESM and CommonJS', async () => {
    const installed = join(project, 'node_modules/@interview-studio/sdk');
    const esm = Object.keys(await import(pathToFileURL(join(installed, 'dist/index.js')).href)).sort();
    const cjs = Object.keys(createRequire(join(project, 'package.json'))('@interview-studio/sdk') as object).sort();
    expect(cjs).toEqual(esm);
    expect(esm).toMatchInlineSnapshot(`
      [
        "ErrorCode",
        "InterviewStudioError",
        "createInterviewStudioClient",
        "getErrorCode",
        "isInterviewStudioError",
      ]
    `);
  });

  it('declares the API types, importing nothing but tRPC (the server types are inlined)', () => {
    const exportedBy = ['index.d.ts', 'index.d.cts'].map((file) => {
      const dts = readFileSync(join(sdkDir, 'dist', file), 'utf8');
      const imported = new Set([...dts.matchAll(/(?:from\s+|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]));
      // tRPC's own subpaths (such as `@trpc/server/unstable-core-do-not-import`) come with the dependency.
      expect([...imported].filter((specifier) => !/^@trpc\/(client|server)(\/|$)/.test(specifier ?? '')), file).toEqual([]);
      const names = /export \{([^}]+)\};\s*$/.exec(dts)?.[1]?.split(',') ?? [];
      return names.map((name) => name.trim()).sort();
    });
    expect(exportedBy[1]).toEqual(exportedBy[0]);
    expect(exportedBy[0]).toMatchInlineSnapshot(`
      [
        "ErrorCode",
        "InterviewStudioError",
        "createInterviewStudioClient",
        "getErrorCode",
        "isInterviewStudioError",
        "type AppRouter",
        "type EventSourceConstructor",
        "type InterviewStudioClient",
        "type InterviewStudioClientOptions",
        "type RouterInputs",
        "type RouterOutputs",
        "type TokenGetter",
        "type ValidationIssue",
      ]
    `);
  });
});
