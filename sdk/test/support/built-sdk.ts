/**
 * The built package (`sdk/dist`), as tests that use the SDK the way users do need it. Builds it
 * when it is missing or older than the sources; a lock folder keeps two test workers from
 * building (and cleaning `dist`) at the same time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sdkDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoDir = resolve(sdkDir, '..');
const distEntry = join(sdkDir, 'dist/index.d.cts'); // written last by tsup
// Inside node_modules (ignored by git), so a lock left by a crash never shows up as a change.
const lockDir = join(repoDir, 'node_modules/.cache/interview-studio-sdk-build.lock');

function newestSourceMtime(): number {
  const files = [join(sdkDir, 'package.json'), join(sdkDir, 'tsup.config.ts')];
  for (const name of readdirSync(join(sdkDir, 'src'), { recursive: true, encoding: 'utf8' })) files.push(join(sdkDir, 'src', name));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function isFresh(): boolean {
  return existsSync(distEntry) && statSync(distEntry).mtimeMs >= newestSourceMtime();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureSdkBuilt(): Promise<void> {
  for (let waited = 0; !isFresh(); waited += 250) {
    try {
      mkdirSync(dirname(lockDir), { recursive: true });
      mkdirSync(lockDir);
    } catch {
      // Another worker is building; a lock older than two minutes is left over from a crash.
      if (waited > 120_000) rmSync(lockDir, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (!isFresh()) execFileSync('npm', ['run', 'build', '-w', 'sdk'], { cwd: repoDir, stdio: 'pipe' });
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
}
