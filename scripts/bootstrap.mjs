#!/usr/bin/env node
// Makes `npm start` and `npm test` work as the first command on a fresh clone: checks the Node
// version, then installs dependencies when they are missing or older than the lockfile.
// npm writes node_modules/.package-lock.json on every install, so its age tells staleness.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Interview Studio needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const installed = join(root, 'node_modules', '.package-lock.json');
const manifests = ['package-lock.json', 'package.json', 'server/package.json', 'sdk/package.json', 'widget/package.json']
  .map((file) => join(root, file))
  .filter((file) => existsSync(file));

function isStale() {
  if (!existsSync(installed)) return 'dependencies are not installed';
  const installedAt = statSync(installed).mtimeMs;
  const newer = manifests.find((file) => statSync(file).mtimeMs > installedAt);
  return newer ? `${newer.slice(root.length + 1)} changed since the last install` : null;
}

const reason = isStale();
if (reason) {
  const command = existsSync(join(root, 'package-lock.json')) ? 'npm ci' : 'npm install';
  console.log(`Installing dependencies (${reason}): ${command} …`);
  execSync(`${command} --no-audit --no-fund`, { cwd: root, stdio: 'inherit' });
}
