import type { Store } from '../store.js';
import { isDuplicateKey, translated } from './errors.js';
import type { MongoContext } from './models.js';

export function prepareWebhooks({ models: { WebhookEvent } }: MongoContext): Store['recordWebhookEvent'] {
  // One insert: the unique (provider, eventId) index decides, so no read-then-write race exists.
  return (event) =>
    translated(async () => {
      try {
        await WebhookEvent.create({ provider: event.provider, eventId: event.id, type: event.type, tenantId: event.tenantId });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    });
}
