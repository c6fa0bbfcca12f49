import type { TenantStore } from '../store.js';
import type { ApiKey } from '../records.js';
import { newId } from '../ids.js';
import type { ApiKeyDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { newestFirst } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso, isoOrNull } from './transform.js';

function toApiKey(doc: ApiKeyDoc): ApiKey {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    kind: doc.kind,
    prefix: doc.prefix,
    hash: doc.hash,
    label: doc.label,
    createdAt: iso(doc.createdAt),
    lastUsedAt: isoOrNull(doc.lastUsedAt),
    revokedAt: isoOrNull(doc.revokedAt),
  };
}

export interface ApiKeyOperations {
  findByHash(hash: string): Promise<ApiKey | null>;
  forTenant(tenantId: string): TenantStore['apiKeys'];
}

export function prepareApiKeys({ models: { ApiKey }, clock }: MongoContext): ApiKeyOperations {
  return {
    findByHash: (hash) =>
      translated(async () => {
        // The one read that spans tenants: the key is what tells us its tenant.
        const doc = await ApiKey.findOne({ hash }, null, { crossTenant: 'findApiKeyByHash' }).lean<ApiKeyDoc>();
        return doc ? toApiKey(doc) : null;
      }),
    forTenant: (tenantId) => ({
      create: (input) =>
        translated(async () => {
          const doc = await ApiKey.create({
            _id: newId('key'),
            tenantId,
            kind: input.kind,
            prefix: input.prefix,
            hash: input.hash,
            label: input.label,
            lastUsedAt: null,
            revokedAt: null,
          });
          return toApiKey(doc.toObject());
        }, 'An API key with this hash already exists.'),
      list: () =>
        translated(async () => {
          const docs = await ApiKey.find({}, null, inTenant(tenantId, newestFirst)).lean<ApiKeyDoc[]>();
          return docs.map(toApiKey);
        }),
      get: (id) =>
        translated(async () => {
          const doc = await ApiKey.findOne({ _id: id }, null, inTenant(tenantId)).lean<ApiKeyDoc>();
          return doc ? toApiKey(doc) : null;
        }),
      revoke: (id) =>
        translated(async () => {
          // Only an unrevoked key changes, so revoking again keeps the first time.
          const revoked = await ApiKey.findOneAndUpdate(
            { _id: id, revokedAt: null },
            { $set: { revokedAt: clock() } },
            inTenant(tenantId, { returnDocument: 'after' as const }),
          ).lean<ApiKeyDoc>();
          const doc = revoked ?? (await ApiKey.findOne({ _id: id }, null, inTenant(tenantId)).lean<ApiKeyDoc>());
          if (!doc) throw notFound('API key');
          return toApiKey(doc);
        }),
      touch: (id) =>
        translated(async () => {
          const result = await ApiKey.updateOne({ _id: id }, { $set: { lastUsedAt: clock() } }, inTenant(tenantId));
          if (result.matchedCount === 0) throw notFound('API key');
        }),
    }),
  };
}
