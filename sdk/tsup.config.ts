import { defineConfig } from 'tsup';

/**
 * ESM + CJS with declarations for both. `@trpc/*` and `eventsource` stay external (they are
 * dependencies); the server's `ErrorCode` is bundled in, and its router types are inlined into
 * the `.d.ts`, because users of the published SDK do not have `@interview-studio/server`.
 */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  outDir: 'dist',
  sourcemap: true,
  clean: true,
  noExternal: [/^@interview-studio\/server/],
  // tsconfig.build.json maps the server package to its source so its types get inlined.
  tsconfig: 'tsconfig.build.json',
  dts: true,
});
