import { checkSessionIds, type TenantStore } from '../store.js';
import type { Answer, Feedback, NewAnswer } from '../records.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { AnswerDoc } from './documents.js';
import { isDuplicateKey, notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { findPage, newestFirst } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso } from './transform.js';

/** Enough for any real contention on one question (the contract races 20 writers). */
const MAX_ATTEMPT_RACES = 100;

function toFeedback(f: Feedback | null): Feedback | null {
  if (!f) return null;
  return {
    overallScore: f.overallScore,
    criteria: f.criteria.map((c) => ({ criterion: c.criterion, score: c.score, reason: c.reason, evidence: [...c.evidence] })),
    strengths: [...f.strengths],
    improvements: [...f.improvements],
    outline: [...f.outline],
    source: f.source,
    model: f.model,
    promptVersion: f.promptVersion,
    notice: f.notice,
  };
}

function toAnswer(doc: AnswerDoc): Answer {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    sessionId: doc.sessionId,
    questionId: doc.questionId,
    attempt: doc.attempt,
    text: doc.text,
    wordCount: doc.wordCount,
    late: doc.late,
    feedbackStatus: doc.feedbackStatus,
    feedback: toFeedback(doc.feedback),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

export function prepareAnswers({ models: { Answer } }: MongoContext): (tenantId: string) => TenantStore['answers'] {
  /**
   * Numbers the attempt without a transaction: read the last attempt, insert the next one, and
   * let the unique (tenantId, sessionId, questionId, attempt) index refuse a writer that lost
   * the race, which then reads again. No gaps, no duplicates, one write.
   */
  async function create(tenantId: string, input: NewAnswer): Promise<AnswerDoc> {
    for (let race = 0; race < MAX_ATTEMPT_RACES; race += 1) {
      const last = await Answer.findOne(
        { sessionId: input.sessionId, questionId: input.questionId },
        { attempt: 1 },
        inTenant(tenantId, { sort: { attempt: -1 } }),
      ).lean<Pick<AnswerDoc, 'attempt'>>();
      try {
        const doc = await Answer.create({
          _id: newId('ans'),
          tenantId,
          learnerId: input.learnerId,
          sessionId: input.sessionId,
          questionId: input.questionId,
          attempt: (last?.attempt ?? 0) + 1,
          text: input.text,
          wordCount: input.wordCount,
          late: input.late,
          feedbackStatus: 'pending',
          feedback: null,
        });
        return doc.toObject();
      } catch (error) {
        if (!isDuplicateKey(error, 'attempt')) throw error;
      }
    }
    throw new AppError('CONFLICT', 'Too many answers to this question at once; try again.');
  }

  return (tenantId) => ({
    create: (input) => translated(async () => toAnswer(await create(tenantId, input)), 'This attempt was already recorded.'),
    get: (id) =>
      translated(async () => {
        const doc = await Answer.findOne({ _id: id }, null, inTenant(tenantId)).lean<AnswerDoc>();
        return doc ? toAnswer(doc) : null;
      }),
    listForSession: (sessionId) =>
      translated(async () => {
        const docs = await Answer.find({ sessionId }, null, inTenant(tenantId, newestFirst)).lean<AnswerDoc[]>();
        return docs.map(toAnswer);
      }),
    listForSessions: (sessionIds) =>
      translated(async () => {
        checkSessionIds(sessionIds);
        if (sessionIds.length === 0) return [];
        const docs = await Answer.find({ sessionId: { $in: [...sessionIds] } }, null, inTenant(tenantId, newestFirst)).lean<AnswerDoc[]>();
        return docs.map(toAnswer);
      }),
    listForQuestion: (sessionId, questionId) =>
      translated(async () => {
        const docs = await Answer.find({ sessionId, questionId }, null, inTenant(tenantId, { sort: { attempt: -1 } }))
          .lean<AnswerDoc[]>();
        return docs.map(toAnswer);
      }),
    listForLearner: (learnerId, page) => translated(() => findPage(Answer, tenantId, { learnerId }, page, toAnswer)),
    setFeedback: (id, status, feedback) =>
      translated(async () => {
        const doc = await Answer.findOneAndUpdate(
          { _id: id },
          { $set: { feedbackStatus: status, feedback } },
          inTenant(tenantId, { returnDocument: 'after' as const }),
        ).lean<AnswerDoc>();
        if (!doc) throw notFound('Answer');
        return toAnswer(doc);
      }),
  });
}
