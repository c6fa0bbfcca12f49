import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/main.ts', 'src/index.ts', 'src/cli/tenant.ts', 'src/bench/run.ts', 'src/bench/servers.ts', 'src/cli/db-sync-indexes.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  sourcemap: true,
  clean: true,
  splitting: true,
  // Everything from node_modules stays external; only our own source is bundled.
  skipNodeModulesBundle: true,
});
