import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// Browsers have EventSource: the SDK's Node ponyfill stays out of the script-tag bundle.
const browserAliases = { eventsource: fileURLToPath(new URL('./src/embed/eventsource.ts', import.meta.url)) };
const EMBED_DIR = fileURLToPath(new URL('./dist/embed/', import.meta.url));

/** The chunks `core.js` imports statically (transitively): what the first render needs. */
function staticImports(file: string, seen = new Set<string>()): string[] {
  const code = readFileSync(join(EMBED_DIR, file), 'utf8');
  for (const [, dep] of code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?"\.\/([\w.-]+\.js)"/g)) {
    if (dep && !seen.has(dep)) {
      seen.add(dep);
      staticImports(dep, seen);
    }
  }
  return [...seen];
}

/**
 * /widget.js: the classic-script loader a partner pastes (a few KB, no dependencies). Built
 * after the modules, so it can name core.js's chunks and have the browser fetch them in
 * parallel with core.js (`modulepreload`) instead of after parsing it.
 */
const loader: Options = {
  entry: { widget: 'src/embed/widget.ts' },
  format: ['iife'],
  platform: 'browser',
  target: 'es2021',
  outDir: 'dist',
  outExtension: () => ({ js: '.js' }),
  sourcemap: true,
  minify: true,
  clean: false,
  dts: false,
  config: false,
  silent: true,
  define: { __WIDGET_VERSION__: JSON.stringify(version) },
};

export default defineConfig([
  {
    // The npm package: `import '@interview-studio/widget'` defines the elements. Lit and the
    // SDK stay external (dependencies the app's bundler dedupes).
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2021',
    outDir: 'dist',
    sourcemap: true,
    // `npm run build` empties dist first (the configs build in parallel; none may clean).
    clean: false,
    dts: true,
    splitting: true,
    external: ['lit', /^lit\//, '@interview-studio/sdk'],
  },
  {
    // The script tag's modules, served under /widget/: core (root + home + English) and one
    // chunk per other view and locale. Everything is bundled; nothing is fetched from elsewhere.
    entry: { core: 'src/embed/core.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2021',
    outDir: 'dist/embed',
    sourcemap: true,
    minify: true,
    splitting: true,
    clean: false,
    dts: false,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.alias = browserAliases;
      options.legalComments = 'eof';
      options.chunkNames = '[name]-[hash]';
    },
    async onSuccess() {
      await build({ ...loader, define: { ...loader.define, __CORE_CHUNKS__: JSON.stringify(staticImports('core.js')) } });
    },
  },
]);
