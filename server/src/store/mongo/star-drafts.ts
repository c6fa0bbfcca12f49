import type { TenantStore } from '../store.js';
import type { StarDraft, StarDraftContent } from '../records.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { StarDraftDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { newestFirst } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso } from './transform.js';

function toStarDraft(doc: StarDraftDoc): StarDraft {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    title: doc.title,
    competency: doc.competency,
    situation: doc.situation,
    task: doc.task,
    action: doc.action,
    result: doc.result,
    reflection: doc.reflection,
    revision: doc.revision,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

function contentFields(content: StarDraftContent): StarDraftContent {
  const { title, competency, situation, task, action, result, reflection } = content;
  return { title, competency, situation, task, action, result, reflection };
}

function staleRevision(current: number, expected: number): AppError {
  return new AppError('CONFLICT', 'The draft was changed somewhere else.', {
    details: { currentRevision: current, expectedRevision: expected },
  });
}

export function prepareStarDrafts({ models: { StarDraft } }: MongoContext): (tenantId: string) => TenantStore['starDrafts'] {
  return (tenantId) => ({
    save: (input) =>
      translated(async () => {
        if (input.id === null) {
          if (input.expectedRevision !== 0) throw staleRevision(0, input.expectedRevision);
          const doc = await StarDraft.create({
            _id: newId('star'),
            tenantId,
            learnerId: input.learnerId,
            ...contentFields(input.content),
            revision: 1,
          });
          return toStarDraft(doc.toObject());
        }
        // Compare-and-set on the revision: of racing saves from one revision exactly one matches.
        const saved = await StarDraft.findOneAndUpdate(
          { _id: input.id, learnerId: input.learnerId, revision: input.expectedRevision },
          { $set: contentFields(input.content), $inc: { revision: 1 } },
          inTenant(tenantId, { returnDocument: 'after' as const }),
        ).lean<StarDraftDoc>();
        if (saved) return toStarDraft(saved);
        const current = await StarDraft.findOne({ _id: input.id }, { learnerId: 1, revision: 1 }, inTenant(tenantId)).lean<
          Pick<StarDraftDoc, 'learnerId' | 'revision'>
        >();
        // Another learner's draft is as invisible as another tenant's.
        if (!current || current.learnerId !== input.learnerId) throw notFound('Draft');
        throw staleRevision(current.revision, input.expectedRevision);
      }, 'The draft already exists.'),
    get: (id) =>
      translated(async () => {
        const doc = await StarDraft.findOne({ _id: id }, null, inTenant(tenantId)).lean<StarDraftDoc>();
        return doc ? toStarDraft(doc) : null;
      }),
    listForLearner: (learnerId) =>
      translated(async () => {
        const docs = await StarDraft.find({ learnerId }, null, inTenant(tenantId, newestFirst)).lean<StarDraftDoc[]>();
        return docs.map(toStarDraft);
      }),
    delete: (id) =>
      translated(async () => (await StarDraft.deleteOne({ _id: id }, inTenant(tenantId))).deletedCount > 0),
  });
}
