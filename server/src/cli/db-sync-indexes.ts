/** `npm run db:sync-indexes [-- --dry-run]`: see the README's MongoDB section. */
import { runSyncIndexes } from '../store/mongo/sync-indexes-cli.js';

runSyncIndexes(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
