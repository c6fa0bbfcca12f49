/**
 * `npm run db:sync-indexes [-- --dry-run]`: makes the indexes of the MongoDB at MONGODB_URI
 * exactly those the schemas declare. Run it on deploy, before the new version serves traffic
 * (production runs with autoIndex off). Exit codes: 0 done, 1 failed, 78 not configured.
 */
import { compileModels } from './models.js';
import { diffIndexes, syncIndexes, type IndexChanges } from './indexes.js';
import { openConnection, redactUri } from './connection.js';

function describe(changes: IndexChanges[]): string {
  const lines = changes
    .filter((c) => c.toCreate.length > 0 || c.toDrop.length > 0)
    .flatMap((c) => [
      ...c.toCreate.map((name) => `  + ${c.collection}.${name}`),
      ...c.toDrop.map((name) => `  - ${c.collection}.${name}`),
    ]);
  return lines.length > 0 ? lines.join('\n') : '  (no changes: the indexes are already in sync)';
}

export async function runSyncIndexes(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const uri = env['MONGODB_URI'];
  if (!uri) {
    console.error('MONGODB_URI is not set: nothing to sync (the SQLite store creates its indexes itself).');
    return 78;
  }
  const dryRun = argv.includes('--dry-run');
  const connection = await openConnection(uri, { autoIndex: false });
  try {
    const models = compileModels(connection, () => new Date());
    const changes = dryRun ? await diffIndexes(models) : await syncIndexes(models);
    console.log(`${dryRun ? 'Would change' : 'Changed'} indexes on ${redactUri(uri)}:\n${describe(changes)}`);
    return 0;
  } finally {
    await connection.close();
  }
}
