/**
 * `npm start`: load the config, build the app, seed the demo tenant, listen, and shut down
 * gracefully on SIGTERM/SIGINT (stop accepting, finish in-flight requests, close the store).
 */
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { registerDemoPage } from './http/demo-page.js';
import { ensureDemoTenant } from './tenancy/demo-tenant.js';

const SHUTDOWN_GRACE_MS = 10_000;

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { app, deps } = await buildApp(config);

  let demo: Awaited<ReturnType<typeof ensureDemoTenant>> | null = null;
  if (config.seedDemoTenant) {
    demo = await ensureDemoTenant(deps.store, config.dataDir, config.publicUrl);
    registerDemoPage(app, { tenantName: demo.tenant.name, publishableKey: demo.publishableKey, publicUrl: config.publicUrl });
  }

  await app.listen({ host: config.host, port: config.port });

  const lines = [
    '',
    `  Interview Studio is running at ${config.publicUrl}`,
    `  Store: ${deps.store.kind} (${config.store.kind === 'sqlite' ? config.store.file : 'MongoDB'})`,
  ];
  if (demo) {
    lines.push(
      `  Demo tenant: ${demo.tenant.name}${demo.created ? ' (created now)' : ''}`,
      `  Demo publishable key: ${demo.publishableKey}`,
      `  Demo secret key:      ${demo.secretKey}   (server-side only; keep it out of browsers)`,
    );
  }
  lines.push('  Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    deps.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      deps.logger.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        deps.logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
