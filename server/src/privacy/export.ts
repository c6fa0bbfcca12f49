/**
 * Access and portability (UK GDPR arts. 15 and 20): one JSON document of everything held about
 * a learner, read through their own tenant's store and their own learner id only, so nothing of
 * another learner or tenant can be in it. `schemaVersion` changes when a field changes meaning.
 */
import { learnerSubject, usagePeriod } from '../practice/entitlement.js';
import { coreCompetencies } from '../progress/competencies.js';
import { computeReadiness, readinessHistory, type ScoredAnswer } from '../progress/readiness.js';
import type { Answer, InterviewSession, Learner, OutboxEmail, Page, PageRequest, Tenant } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import { auditTrailOf, auditView } from './audit.js';
import { privacySettingsOf } from './settings.js';

export const EXPORT_SCHEMA = 'interview-studio/learner-export';
export const EXPORT_SCHEMA_VERSION = 1;

/** Shown with every AI score (privacy policy, section 7). */
export const AI_SCORE_DISCLAIMER =
  'Scores and feedback are produced automatically by AI or rule-based models for self-improvement only. They are not a decision about your employability and have no standing with any employer or institution.';

async function allPages<T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetch({ limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Every month from `from` to `to` as YYYY-MM (usage counters are kept per month). */
function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor <= to && months.length < 600) {
    months.push(usagePeriod(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

function weeksSince(createdAt: string, now: Date): number {
  return Math.min(520, Math.max(1, Math.ceil((now.getTime() - Date.parse(createdAt)) / (7 * 86_400_000)) + 1));
}

function withoutTenant<T extends { tenantId: string }>(record: T): Omit<T, 'tenantId'> {
  const { tenantId: _tenantId, ...rest } = record;
  return rest;
}

function emailView(email: OutboxEmail) {
  const { id, kind, to, subject, text, status, createdAt, sentAt } = email;
  return { id, kind, to, subject, text, status, createdAt, sentAt };
}

function scored(sessions: readonly InterviewSession[], answers: readonly Answer[]): ScoredAnswer[] {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return answers.flatMap((a) => {
    const question = byId.get(a.sessionId)?.questions.find((q) => q.id === a.questionId);
    return question && a.feedback ? [{ competency: question.competency, score: a.feedback.overallScore, at: new Date(a.createdAt) }] : [];
  });
}

export interface ExportInput {
  tenant: Tenant;
  tenantStore: TenantStore;
  learner: Learner;
  now: Date;
}

export async function buildLearnerExport({ tenant, tenantStore, learner, now }: ExportInput) {
  const id = learner.id;
  const sessions = await allPages((page) => tenantStore.sessions.listForLearner(id, page));
  const answers = await allPages((page) => tenantStore.answers.listForLearner(id, page));
  const [starDrafts, passes, purchases, emails, audit] = await Promise.all([
    tenantStore.starDrafts.listForLearner(id),
    tenantStore.passes.listForLearner(id),
    tenantStore.purchases.listForLearner(id),
    tenantStore.privacy.listEmailsForLearner(id),
    auditTrailOf(tenantStore, id),
  ]);
  const usage = [];
  for (const period of monthsBetween(new Date(learner.createdAt), now)) {
    const counters = await tenantStore.usage.get(learnerSubject(id), period);
    if (Object.keys(counters.counters).length > 0) usage.push({ period, counters: counters.counters });
  }
  const scores = scored(sessions, answers);
  const retention = privacySettingsOf(tenant);

  return {
    schema: EXPORT_SCHEMA,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    service: {
      tenant: { id: tenant.id, name: tenant.name },
      aiScoreDisclaimer: AI_SCORE_DISCLAIMER,
      payments: 'Payments are processed by Stripe; this service never held card details, so none are included.',
      retention: {
        inactiveLearnerDays: retention.inactiveLearnerDays,
        reminderDaysBefore: retention.retentionReminderDays,
      },
    },
    profile: withoutTenant(learner),
    preferences: {
      processingRestricted: { restricted: learner.restrictedAt !== null, since: learner.restrictedAt },
      analytics: { optedOut: learner.analyticsOptOutAt !== null, since: learner.analyticsOptOutAt },
      marketingEmails: { consented: learner.marketingConsentAt !== null, since: learner.marketingConsentAt },
      age: { confirmedMinimum: learner.ageConfirmedMinimum, confirmedAt: learner.ageConfirmedAt },
    },
    /** Sessions with their generated questions (text, competency, guidance, source). */
    sessions: sessions.map(withoutTenant),
    /** Every attempt, with its feedback (source, model and prompt version, criteria, usage). */
    answers: answers.map(withoutTenant),
    starDrafts: starDrafts.map(withoutTenant),
    readiness: {
      current: computeReadiness(scores, now, coreCompetencies),
      /** Weekly, from the week the account was created. */
      history: readinessHistory(scores, now, coreCompetencies, weeksSince(learner.createdAt, now)),
    },
    passes: passes.map(withoutTenant),
    /** Purchase records (no card data exists to include). */
    purchases: purchases.map(withoutTenant),
    usage,
    emails: emails.map(emailView),
    /** Privacy actions on this account: who, when, what. */
    privacyActivity: audit.map(auditView),
  };
}

export type LearnerExport = Awaited<ReturnType<typeof buildLearnerExport>>;
