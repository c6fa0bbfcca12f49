/**
 * Tenant administration against the configured store:
 *   npm run tenant -- create --name "Northfield University" --origin https://careers.northfield.edu [--origin …] [--guest]
 *   npm run tenant -- list
 *   npm run tenant -- keys:create --tenant ten_… --kind publishable|secret [--label "…"]
 *   npm run tenant -- keys:list --tenant ten_…
 *   npm run tenant -- keys:revoke --tenant ten_… --key key_…
 *   npm run tenant -- secrets:reseal
 * Keys are printed once and never stored in the clear. Runs against the store the server uses
 * (SQLite, or MongoDB when MONGODB_URI is set). A running server sees key revocations made here
 * after its credential cache expires (see the README's deployment notes).
 */
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { isAppError } from '../errors.js';
import { createMongoStore } from '../store/mongo/index.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { issueApiKey, provisionTenant } from '../tenancy/provision.js';
import { secretBoxFromConfig, type SecretBox } from '../tenancy/secret-box.js';
import { resealTenantKeys } from '../tenancy/tenant-ai-key.js';

const usage = `Usage:
  npm run tenant -- create --name "<name>" --origin <https://origin> [--origin …] [--guest]
  npm run tenant -- list
  npm run tenant -- keys:create --tenant <tenant id> --kind publishable|secret [--label "<label>"]
  npm run tenant -- keys:list --tenant <tenant id>
  npm run tenant -- keys:revoke --tenant <tenant id> --key <key id>
  npm run tenant -- secrets:reseal   (after rotating TENANT_SECRETS_KEY: seal tenants' keys under the new key)`;

class UsageError extends Error {}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}

async function requireTenant(store: Store, id: string) {
  const tenant = await store.getTenant(id);
  if (!tenant) throw new UsageError(`no tenant with id ${id}`);
  return tenant;
}

export interface CliDeps {
  store: Store;
  /** Null: no TENANT_SECRETS_KEY (production); `secrets:reseal` cannot run. */
  secretBox: SecretBox | null;
}

/** Resolves to the exit code. */
export async function runTenantCli(argv: string[], { store, secretBox }: CliDeps, out: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      guest: { type: 'boolean', default: false },
      tenant: { type: 'string' },
      kind: { type: 'string' },
      label: { type: 'string' },
      key: { type: 'string' },
    },
    strict: true,
  });

  switch (command) {
    case 'create': {
      const name = required(values.name, 'name');
      const origins = values.origin ?? [];
      if (origins.length === 0) throw new UsageError('at least one --origin is required');
      const { tenant, publishableKey, secretKey } = await provisionTenant(store, {
        name,
        allowedOrigins: origins,
        settings: { guestAccess: values.guest },
      });
      out(`Created tenant ${tenant.name} (${tenant.id})`);
      out(`Allowed origins: ${tenant.settings.allowedOrigins.join(', ')}`);
      out(`Publishable key: ${publishableKey.key}`);
      out(`Secret key:      ${secretKey.key}`);
      out('These keys are shown once. Keep the secret key on your servers only.');
      return 0;
    }
    case 'list': {
      const tenants = await store.listTenants();
      if (tenants.length === 0) out('No tenants yet.');
      for (const t of tenants) {
        const ai = t.secrets.anthropicApiKey ? `  own Anthropic key ${t.secrets.anthropicApiKey.hint}` : '';
        out(`${t.id}  ${t.name}  origins: ${t.settings.allowedOrigins.join(', ') || '(none)'}${ai}`);
      }
      return 0;
    }
    case 'keys:create': {
      const tenant = await requireTenant(store, required(values.tenant, 'tenant'));
      const kind = required(values.kind, 'kind');
      if (kind !== 'publishable' && kind !== 'secret') throw new UsageError('--kind must be publishable or secret');
      const issued = await issueApiKey(store, tenant.id, kind, values.label ?? `${kind} key`);
      out(`Created ${kind} key ${issued.record.id} for ${tenant.name}`);
      out(`Key: ${issued.key}`);
      out('This key is shown once.');
      return 0;
    }
    case 'keys:list': {
      const tenant = await requireTenant(store, required(values.tenant, 'tenant'));
      for (const k of await store.forTenant(tenant.id).apiKeys.list()) {
        out(`${k.id}  ${k.kind.padEnd(11)}  ${k.prefix}…  ${k.label}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}`);
      }
      return 0;
    }
    case 'keys:revoke': {
      const tenant = await requireTenant(store, required(values.tenant, 'tenant'));
      const key = await store.forTenant(tenant.id).apiKeys.revoke(required(values.key, 'key'));
      out(`Revoked ${key.kind} key ${key.id} (${key.prefix}…) of ${tenant.name}`);
      return 0;
    }
    case 'secrets:reseal': {
      if (!secretBox) throw new UsageError('TENANT_SECRETS_KEY is not set: there is no key to seal under');
      const report = await resealTenantKeys(store, secretBox);
      out(`Resealed under the current key: ${report.resealed.length}; already current: ${report.alreadyCurrent.length}`);
      if (report.unreadable.length === 0) {
        out('Every tenant key opens under TENANT_SECRETS_KEY; TENANT_SECRETS_PREVIOUS_KEYS can be removed.');
        return 0;
      }
      out(`Could not open (left unchanged; ask these tenants to set their key again): ${report.unreadable.join(', ')}`);
      return 1;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

async function openStore(config: Config): Promise<Store> {
  if (config.store.kind === 'mongo') return createMongoStore({ uri: config.store.uri, autoIndex: false });
  mkdirSync(config.dataDir, { recursive: true });
  return createSqliteStore({ file: config.store.file });
}

async function main(): Promise<void> {
  let store: Store | null = null;
  try {
    const config = loadConfig();
    store = await openStore(config);
    process.exitCode = await runTenantCli(process.argv.slice(2), { store, secretBox: secretBoxFromConfig(config) }, (line) => console.log(line));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`Error: ${(error as Error).message}\n\n${usage}`);
      process.exitCode = 64; // EX_USAGE
    } else if (error instanceof ConfigError || isAppError(error)) {
      console.error(`Error: ${error.message}`);
      process.exitCode = 1;
    } else if ((error as { name?: string }).name === 'ZodError') {
      console.error(`Error: invalid tenant settings: ${(error as Error).message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await store?.close();
  }
}

// Run only when executed directly, so tests can import runTenantCli.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
