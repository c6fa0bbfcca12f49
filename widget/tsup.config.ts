import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// Browsers have EventSource: the SDK's Node ponyfill stays out of the script-tag bundle.
const browserAliases = { eventsource: fileURLToPath(new URL('./src/embed/eventsource.ts', import.meta.url)) };
const EMBED_DIR = fileURLToPath(new URL('./dist/embed/', import.meta.url));
const TRPC_CLIENT_SHIM = fileURLToPath(new URL('./src/embed/trpc-client.ts', import.meta.url));
const SUBSCRIPTION_LINK = fileURLToPath(new URL('./src/embed/subscription-link.ts', import.meta.url));
const SUBSCRIPTION_NAMESPACE = 'trpc-subscription-link';
/** Marks a plugin's own `build.resolve` calls, so its callback lets them through. */
const RESOLVING = Symbol('resolving');

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];
type OnResolveArgs = Parameters<Parameters<Parameters<EsbuildPlugin['setup']>[0]['onResolve']>[1]>[0];
const TRPC_CLIENT_FILE = /[\\/]@trpc[\\/]client[\\/]/;

/**
 * The first view only asks queries, so the subscription (Server-Sent Events) link loads with the
 * first subscription: the SDK's `@trpc/client` import becomes `src/embed/trpc-client.ts`, which
 * imports the link from `src/embed/subscription-link.ts` on demand. esbuild puts a file in a
 * chunk the first render loads when that render's code imports the file at all, and the link
 * shares tRPC's files with `createTRPCClient`; so the link and everything it imports are read
 * again in a namespace of their own, and the chunk they make is self-contained (a few tRPC
 * helpers twice; tRPC tells its errors apart by name, not by class identity).
 */
const lazySubscriptions: EsbuildPlugin = {
  name: 'interview-studio-lazy-subscriptions',
  setup(build) {
    const inOwnNamespace = async (args: OnResolveArgs) => {
      const real = await build.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: RESOLVING });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: SUBSCRIPTION_NAMESPACE, sideEffects: real.sideEffects && !TRPC_CLIENT_FILE.test(real.path) };
    };
    build.onResolve({ filter: /^@trpc\/client$/ }, (args) => {
      if (args.pluginData === RESOLVING) return undefined;
      if (/[\\/](sdk|@interview-studio[\\/]sdk)[\\/]dist[\\/]/.test(args.importer)) return { path: TRPC_CLIENT_SHIM };
      return args.importer === SUBSCRIPTION_LINK ? inOwnNamespace(args) : undefined;
    });
    build.onResolve({ filter: /.*/, namespace: SUBSCRIPTION_NAMESPACE }, (args) => (args.pluginData === RESOLVING ? undefined : inOwnNamespace(args)));
    build.onLoad({ filter: /.*/, namespace: SUBSCRIPTION_NAMESPACE }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Workaround: `@trpc/client` 11 does not declare `"sideEffects": false` (`@trpc/server` does),
 * so esbuild keeps its one module-level statement, `_defineProperty(WsConnection,
 * "connectCount", 0)`, and with it the WebSocket client the widget never uses (~1 KB gzip).
 * Its modules only define things; they are marked side-effect free here.
 */
const trpcClientWithoutSideEffects: EsbuildPlugin = {
  name: 'interview-studio-trpc-client-side-effect-free',
  setup(build) {
    build.onResolve({ filter: /^@trpc\/client(\/|$)|^\.\.?\// }, async (args) => {
      if (args.pluginData === RESOLVING) return undefined;
      if (!args.path.startsWith('@trpc/client') && !TRPC_CLIENT_FILE.test(args.importer)) return undefined;
      const resolved = await build.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: RESOLVING });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, namespace: resolved.namespace, external: resolved.external, sideEffects: false };
    });
  },
};

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
    // In this order: the SDK's import is redirected first, then tRPC's client marked pure.
    esbuildPlugins: [lazySubscriptions, trpcClientWithoutSideEffects],
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
