import type { TenantStore } from '../store.js';
import type { Purchase } from '../records.js';
import { newId } from '../ids.js';
import type { PurchaseDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { newestFirst } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso } from './transform.js';

export function toPurchase(doc: PurchaseDoc): Purchase {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    learnerRef: doc.learnerRef,
    passType: doc.passType,
    amount: doc.amount,
    currency: doc.currency,
    provider: doc.provider,
    checkoutSessionId: doc.checkoutSessionId,
    paymentRef: doc.paymentRef ?? null,
    status: doc.status,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

export function preparePurchases({ models: { Purchase } }: MongoContext): (tenantId: string) => TenantStore['purchases'] {
  return (tenantId) => ({
    create: (input) =>
      translated(async () => {
        const doc = await Purchase.create({
          _id: newId('pur'),
          tenantId,
          learnerId: input.learnerId,
          learnerRef: null,
          passType: input.passType,
          amount: input.amount,
          currency: input.currency,
          provider: input.provider,
          checkoutSessionId: input.checkoutSessionId,
          paymentRef: null,
          status: input.status,
        });
        return toPurchase(doc.toObject());
      }, 'A purchase for this checkout session already exists.'),
    get: (id) =>
      translated(async () => {
        const doc = await Purchase.findOne({ _id: id }, null, inTenant(tenantId)).lean<PurchaseDoc>();
        return doc ? toPurchase(doc) : null;
      }),
    getByCheckoutSession: (checkoutSessionId) =>
      translated(async () => {
        const doc = await Purchase.findOne({ checkoutSessionId }, null, inTenant(tenantId)).lean<PurchaseDoc>();
        return doc ? toPurchase(doc) : null;
      }),
    listForLearner: (learnerId) =>
      translated(async () => {
        const docs = await Purchase.find({ learnerId }, null, inTenant(tenantId, newestFirst)).lean<PurchaseDoc[]>();
        return docs.map(toPurchase);
      }),
    setStatus: (id, status) =>
      translated(async () => {
        const doc = await Purchase.findOneAndUpdate(
          { _id: id },
          { $set: { status } },
          inTenant(tenantId, { returnDocument: 'after' as const }),
        ).lean<PurchaseDoc>();
        if (!doc) throw notFound('Purchase');
        return toPurchase(doc);
      }),
  });
}
