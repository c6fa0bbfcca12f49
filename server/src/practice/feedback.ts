/**
 * Producing an answer's feedback: the coach streams parts, the finished feedback is saved and
 * counted. Used by the `answer.feedback` subscription and by `session.complete` (a mock
 * interview is scored in full before it is summarised).
 */
import { createHash } from 'node:crypto';
import { feedbackParts, type AnswerContext, type FeedbackEvent } from '../coach/coach.js';
import { AppError, isAppError } from '../errors.js';
import { scoreBand } from '../observability/analytics.js';
import type { Answer, Feedback, InterviewSession, Learner, Tenant } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import type { AppDeps } from '../trpc/context.js';
import { recordUsage } from './entitlement.js';
import type { FeedbackProducer } from './feedback-runs.js';

/** A stable pseudonym for the learner: what a coach (and its provider) may know of them. */
export function learnerRef(learner: Learner): string {
  return createHash('sha256').update(`${learner.tenantId}:${learner.id}`).digest('hex').slice(0, 32);
}

export interface FeedbackJob {
  deps: AppDeps;
  tenant: Tenant;
  tenantStore: TenantStore;
  learner: Learner;
  session: InterviewSession;
  answer: Answer;
}

export function feedbackProducer(job: FeedbackJob): FeedbackProducer {
  const { deps, tenant, tenantStore, learner, session, answer } = job;
  return async function* produce(signal) {
    const question = session.questions.find((q) => q.id === answer.questionId);
    if (!question) throw new AppError('NOT_FOUND', 'The question of this answer no longer exists.');
    const context: AnswerContext = {
      role: session.role,
      seniority: session.seniority,
      interviewType: session.interviewType,
      jobDescription: session.jobDescription,
      locale: learner.locale ?? tenant.settings.branding.locale,
      learnerRef: learnerRef(learner),
    };
    try {
      for await (const event of deps.coachFor(tenant, learner).evaluateAnswer(question, answer.text, context, signal)) {
        if (event.type === 'done') {
          await tenantStore.answers.setFeedback(answer.id, 'ready', event.feedback);
          await recordUsage(tenantStore, learner.id, deps.clock(), { feedback: 1 });
          deps.analytics.capture('feedback delivered', { tenantId: tenant.id, learner }, {
            source: event.feedback.source,
            scoreBand: scoreBand(event.feedback.overallScore),
            fallback: event.feedback.notice !== null,
          });
        }
        yield event;
      }
    } catch (error) {
      // The answer itself is safe; mark the feedback failed so the learner can ask again.
      if (!signal.aborted) {
        // A refusal (restricted processing) is the learner's choice, not a failure to log.
        if (!isAppError(error)) deps.logger.error({ err: error, answerId: answer.id }, 'feedback generation failed');
        await tenantStore.answers.setFeedback(answer.id, 'failed', null).catch(() => undefined);
      }
      throw error;
    }
  };
}

export function replayEvents(feedback: Feedback): FeedbackEvent[] {
  return [...feedbackParts(feedback).map((part): FeedbackEvent => ({ type: 'part', part })), { type: 'done', feedback }];
}
