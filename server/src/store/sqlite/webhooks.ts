import type { Store } from '../store.js';
import type { SqliteContext } from './database.js';

export function prepareWebhooks({ db, now }: SqliteContext): Store['recordWebhookEvent'] {
  // One statement: the (provider, id) primary key decides, so no read-then-write race exists.
  const insert = db.prepare<{ provider: string; id: string; type: string; tenantId: string | null; now: string }>(
    `INSERT INTO webhook_events (provider, id, type, tenant_id, received_at)
     VALUES (@provider, @id, @type, @tenantId, @now)
     ON CONFLICT (provider, id) DO NOTHING`,
  );
  return async (event) =>
    insert.run({ provider: event.provider, id: event.id, type: event.type, tenantId: event.tenantId, now: now() })
      .changes === 1;
}
