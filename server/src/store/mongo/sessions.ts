import type { TenantStore } from '../store.js';
import type { InterviewSession, MockSummary, Question } from '../records.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { SessionDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { findPage } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso, isoOrNull } from './transform.js';

const toQuestion = (q: Question): Question => ({
  id: q.id,
  text: q.text,
  competency: q.competency,
  guidance: q.guidance,
  source: q.source,
});

const toSummary = (s: MockSummary | null): MockSummary | null =>
  s ? { overallScore: s.overallScore, summary: s.summary, answeredCount: s.answeredCount, lateCount: s.lateCount } : null;

function toSession(doc: SessionDoc): InterviewSession {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    role: doc.role,
    seniority: doc.seniority,
    interviewType: doc.interviewType,
    company: doc.company,
    jobDescription: doc.jobDescription,
    mode: doc.mode,
    status: doc.status,
    questions: doc.questions.map(toQuestion),
    questionTimeLimitSec: doc.questionTimeLimitSec,
    summary: toSummary(doc.summary),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    completedAt: isoOrNull(doc.completedAt),
  };
}

export function prepareSessions({
  models: { InterviewSession },
  clock,
}: MongoContext): (tenantId: string) => TenantStore['sessions'] {
  return (tenantId) => ({
    create: (input) =>
      translated(async () => {
        const doc = await InterviewSession.create({
          _id: newId('ses'),
          tenantId,
          learnerId: input.learnerId,
          role: input.role,
          seniority: input.seniority,
          interviewType: input.interviewType,
          company: input.company,
          jobDescription: input.jobDescription,
          mode: input.mode,
          status: 'active',
          questions: input.questions,
          questionTimeLimitSec: input.questionTimeLimitSec,
          summary: null,
          completedAt: null,
        });
        return toSession(doc.toObject());
      }, 'The session already exists.'),
    get: (id) =>
      translated(async () => {
        const doc = await InterviewSession.findOne({ _id: id }, null, inTenant(tenantId)).lean<SessionDoc>();
        return doc ? toSession(doc) : null;
      }),
    listForLearner: (learnerId, page) => translated(() => findPage(InterviewSession, tenantId, { learnerId }, page, toSession)),
    complete: (id, summary) =>
      translated(async () => {
        // The status condition makes completion atomic: of two racing calls one matches.
        const now = clock();
        const doc = await InterviewSession.findOneAndUpdate(
          { _id: id, status: { $ne: 'completed' } },
          { $set: { status: 'completed', summary, completedAt: now } },
          inTenant(tenantId, { returnDocument: 'after' as const }),
        ).lean<SessionDoc>();
        if (doc) return toSession(doc);
        // The lookup only names the error.
        if (await InterviewSession.exists({ _id: id }).setOptions(inTenant(tenantId))) {
          throw new AppError('CONFLICT', 'The session is already completed.');
        }
        throw notFound('Session');
      }),
  });
}
