/**
 * Schema validation and the declared indexes, without a server: documents are validated by
 * mongoose on a connection that is never opened, and indexes are read from the schemas.
 */
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { tenantSettings } from '../contract/harness.js';
import { declaredIndexes } from './indexes.js';
import { buildSchemas, TENANT_SCOPED_MODELS } from './schemas.js';

const isolated = new mongoose.Mongoose();
isolated.set('bufferCommands', false);
const connection = isolated.createConnection(); // never opened
afterAll(() => connection.close());
const schemas = buildSchemas(() => new Date('2030-01-01T00:00:00.000Z'));
const models = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, connection.model(name, schema)]));

/** The paths mongoose refuses, or [] when the document is valid. */
async function invalidPaths(model: keyof typeof schemas, doc: Record<string, unknown>): Promise<string[]> {
  try {
    await new (models[model] as mongoose.Model<unknown>)(doc).validate();
    return [];
  } catch (error) {
    if (error instanceof mongoose.Error.ValidationError) return Object.keys(error.errors).sort();
    throw error;
  }
}

const settings = tenantSettings();
const storedSettings = {
  ...settings,
  branding: { ...settings.branding, copy: Object.entries(settings.branding.copy).map(([key, value]) => ({ key, value })) },
};
const tenant = { _id: 'ten_1', name: 'Example University', settings: storedSettings };
const question = { id: 'q1', text: 'Tell me about a time…', competency: 'teamwork', guidance: 'Use STAR.', source: 'bank:b1' };
const session = {
  _id: 'ses_1',
  tenantId: 'ten_1',
  learnerId: 'lrn_1',
  role: 'Data analyst',
  seniority: 'graduate',
  interviewType: 'behavioural',
  company: null,
  jobDescription: null,
  mode: 'mock',
  status: 'active',
  questions: [question],
  questionTimeLimitSec: 120,
};
const answer = {
  _id: 'ans_1',
  tenantId: 'ten_1',
  learnerId: 'lrn_1',
  sessionId: 'ses_1',
  questionId: 'q1',
  attempt: 1,
  text: 'In my placement I…',
  wordCount: 4,
  late: false,
  feedbackStatus: 'pending',
  feedback: null,
};
const draft = {
  _id: 'star_1',
  tenantId: 'ten_1',
  learnerId: 'lrn_1',
  title: '',
  competency: null,
  situation: '',
  task: '',
  action: '',
  result: '',
  reflection: '',
  revision: 1,
};
const purchase = {
  _id: 'pur_1',
  tenantId: 'ten_1',
  learnerId: null,
  passType: 'week',
  amount: 499,
  currency: 'gbp',
  provider: 'stripe',
  checkoutSessionId: 'cs_1',
  status: 'pending',
};

describe('schema validation (the zod input rules, enforced again by the store)', () => {
  it('accepts valid documents, including empty STAR parts and nullable fields', async () => {
    expect(await invalidPaths('Tenant', tenant)).toEqual([]);
    expect(await invalidPaths('InterviewSession', session)).toEqual([]);
    expect(await invalidPaths('Answer', answer)).toEqual([]);
    expect(await invalidPaths('StarDraft', draft)).toEqual([]);
    expect(await invalidPaths('Purchase', purchase)).toEqual([]);
  });

  it.each([
    ['a colour that is not #rrggbb', { primaryColor: 'blue' }, ['settings.branding.primaryColor']],
    ['a fractional radius', { radius: 2.5 }, ['settings.branding.radius']],
    ['a radius above 32', { radius: 33 }, ['settings.branding.radius']],
    ['a locale that is not one', { locale: 'english' }, ['settings.branding.locale']],
    ['a logo that is not an http(s) URL', { logoUrl: 'javascript:alert(1)' }, ['settings.branding.logoUrl']],
    ['a font family with markup', { fontFamily: 'Inter; }</style>' }, ['settings.branding.fontFamily']],
    ['more than 200 copy overrides', { copy: Array.from({ length: 201 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }, ['settings.branding.copy']],
  ])('refuses tenant branding with %s', async (_label, branding, paths) => {
    const doc = { ...tenant, settings: { ...storedSettings, branding: { ...storedSettings.branding, ...branding } } };
    expect(await invalidPaths('Tenant', doc)).toEqual(paths);
  });

  it.each([
    ['a minimum age below 13', { minimumAge: 12 }, ['settings.minimumAge']],
    ['an unknown billing mode', { billingMode: 'free-for-all' }, ['settings.billingMode']],
    ['more than 50 origins', { allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://a${i}.edu`) }, ['settings.allowedOrigins']],
    ['a negative free tier', { freeTier: { questionSetsPerMonth: -1, feedbackPerMonth: 1 } }, ['settings.freeTier.questionSetsPerMonth']],
    ['a zero token budget', { ai: { feedbackModel: null, questionModel: null, monthlyTokenBudget: 0 } }, ['settings.ai.monthlyTokenBudget']],
  ])('refuses tenant settings with %s', async (_label, change, paths) => {
    expect(await invalidPaths('Tenant', { ...tenant, settings: { ...storedSettings, ...change } })).toEqual(paths);
  });

  it.each([
    ['an unknown seniority', { seniority: 'wizard' }, ['seniority']],
    ['no questions', { questions: [] }, ['questions']],
    ['16 questions', { questions: Array.from({ length: 16 }, () => question) }, ['questions']],
    ['a role over 120 characters', { role: 'x'.repeat(121) }, ['role']],
    ['a job description over 8,000 characters', { jobDescription: 'x'.repeat(8001) }, ['jobDescription']],
    ['a fractional time limit', { questionTimeLimitSec: 90.5 }, ['questionTimeLimitSec']],
    ['a question without text', { questions: [{ ...question, text: '' }] }, ['questions.0.text']],
  ])('refuses a session with %s', async (_label, change, paths) => {
    expect(await invalidPaths('InterviewSession', { ...session, ...change })).toEqual(paths);
  });

  it.each([
    ['an empty answer', { text: '' }, ['text']],
    ['an answer over 5,000 characters', { text: 'x'.repeat(5001) }, ['text']],
    ['attempt 0', { attempt: 0 }, ['attempt']],
    ['an unknown feedback status', { feedbackStatus: 'done' }, ['feedbackStatus']],
  ])('refuses an answer with %s', async (_label, change, paths) => {
    expect(await invalidPaths('Answer', { ...answer, ...change })).toEqual(paths);
  });

  it('refuses feedback scored outside 0-100', async () => {
    const feedback = {
      overallScore: 101,
      criteria: [{ criterion: 'structure', score: -1, reason: 'x', evidence: [] }],
      strengths: [],
      improvements: [],
      outline: [],
      source: 'offline',
      model: null,
      promptVersion: null,
      notice: null,
    };
    expect(await invalidPaths('Answer', { ...answer, feedbackStatus: 'ready', feedback })).toEqual([
      'feedback.criteria.0.score',
      'feedback.overallScore',
    ]);
  });

  it.each([
    ['a STAR part over 3,000 characters', 'StarDraft', { ...draft, situation: 'x'.repeat(3001) }, ['situation']],
    ['revision 0', 'StarDraft', { ...draft, revision: 0 }, ['revision']],
    ['an upper-case currency', 'Purchase', { ...purchase, currency: 'GBP' }, ['currency']],
    ['a fractional amount', 'Purchase', { ...purchase, amount: 4.99 }, ['amount']],
    ['an extended time multiplier above 4', 'Learner', { _id: 'lrn_1', tenantId: 't', externalId: 'e', guest: false, extendedTimeMultiplier: 5, lastActiveAt: new Date() }, ['extendedTimeMultiplier']],
    ['a learner without a tenant', 'Learner', { _id: 'lrn_1', externalId: 'e', guest: false, extendedTimeMultiplier: 1, lastActiveAt: new Date() }, ['tenantId']],
  ] as const)('refuses %s', async (_label, model, doc, paths) => {
    expect(await invalidPaths(model, doc)).toEqual(paths);
  });

  it.each([
    ['an inactivity period under 30 days', { privacy: { ...settings.privacy, inactiveLearnerDays: 29 } }, ['settings.privacy.inactiveLearnerDays']],
    ['a reminder not before the erasure', { privacy: { requireAgeConfirmation: false, inactiveLearnerDays: 30, retentionReminderDays: 30 } }, ['settings.privacy']],
    ['no privacy settings', { privacy: undefined }, ['settings.privacy']],
    ['two products of one pass type', { passProducts: [...settings.passProducts, ...settings.passProducts] }, ['settings.passProducts']],
    ['a free pass product', { passProducts: [{ ...settings.passProducts[0], amount: 0 }] }, ['settings.passProducts.0.amount']],
    ['a Stripe price that is not one', { passProducts: [{ ...settings.passProducts[0], stripePriceId: 'prod_1' }] }, ['settings.passProducts.0.stripePriceId']],
  ])('refuses privacy and pass product settings with %s', async (_label, change, paths) => {
    expect(await invalidPaths('Tenant', { ...tenant, settings: { ...storedSettings, ...change } })).toEqual(paths);
  });

  it('accepts retention turned off (inactiveLearnerDays null)', async () => {
    const privacy = { requireAgeConfirmation: true, inactiveLearnerDays: null, retentionReminderDays: 60 };
    expect(await invalidPaths('Tenant', { ...tenant, settings: { ...storedSettings, privacy } })).toEqual([]);
  });

  const learner = { _id: 'lrn_1', tenantId: 't', externalId: 'e', guest: false, extendedTimeMultiplier: 1, lastActiveAt: new Date() };
  const erasure = {
    _id: 'era_1',
    tenantId: 't',
    learnerId: 'lrn_1',
    subjectHash: 'h',
    erasedAt: new Date(),
    purgeDueAt: new Date(),
    forgetAt: new Date(),
  };
  const auditEntry = { _id: 'aud_1', tenantId: 't', learnerId: 'lrn_1', action: 'export', actor: { kind: 'learner', id: null }, details: {} };
  const grant = { passId: 'pas_1', learnerId: 'lrn_1', type: 'day', source: 'grant', startsAt: new Date(), expiresAt: new Date(), createdAt: new Date() };

  it('accepts the privacy and seat documents', async () => {
    const at = new Date();
    const privacy = { restrictedAt: at, analyticsOptOutAt: null, marketingConsentAt: at, ageConfirmedAt: at, ageConfirmedMinimum: 16 };
    expect(await invalidPaths('Learner', { ...learner, ...privacy, profileEditedAt: at, retentionReminderAt: null })).toEqual([]);
    expect(await invalidPaths('LearnerErasure', erasure)).toEqual([]);
    expect(await invalidPaths('PrivacyAudit', { ...auditEntry, details: { fields: ['name', 'email'], count: 2, flag: true } })).toEqual([]);
    expect(await invalidPaths('SeatPool', { tenantId: 't', balance: 3, pendingGrants: [grant] })).toEqual([]);
    expect(await invalidPaths('RefundMarker', { provider: 'stripe', paymentRef: 'pi_1', tenantId: null, refundedAt: at })).toEqual([]);
  });

  it.each([
    ['a confirmed age below 13', 'Learner', { ...learner, ageConfirmedMinimum: 12 }, ['ageConfirmedMinimum']],
    ['a negative seat balance', 'SeatPool', { tenantId: 't', balance: -1 }, ['balance']],
    ['a journaled grant from a purchase', 'SeatPool', { tenantId: 't', balance: 0, pendingGrants: [{ ...grant, source: 'purchase' }] }, ['pendingGrants.0.source']],
    ['an unknown privacy action', 'PrivacyAudit', { ...auditEntry, action: 'delete-everything' }, ['action']],
    ['audit details that are not an object', 'PrivacyAudit', { ...auditEntry, details: ['x'] }, ['details']],
    ['an erasure without its subject hash', 'LearnerErasure', { ...erasure, subjectHash: undefined }, ['subjectHash']],
  ] as const)('refuses %s', async (_label, model, doc, paths) => {
    expect(await invalidPaths(model, doc)).toEqual(paths);
  });

  it('refuses a path the schema does not declare (strict: throw) instead of dropping it', () => {
    expect(() => new (models['Pass'] as mongoose.Model<unknown>)({ tenantId: 't', bogus: 1 })).toThrow(/bogus/);
  });
});

describe('declared indexes', () => {
  /** Uniqueness that spans tenants, as in the SQLite store. */
  const GLOBAL_UNIQUE = ['api_keys_hash', 'purchases_checkout_session_id', 'purchases_provider_payment_ref'];
  /** What the background jobs scan across tenants (reminders, e-mail delivery); not unique. */
  const GLOBAL_JOB_SCANS = ['passes_reminder_due', 'outbox_emails_status_next_attempt'];

  it('every index on a tenant-scoped collection is led by tenantId, except the deliberately global ones', () => {
    const scoped = new Set(TENANT_SCOPED_MODELS.map((name) => String(schemas[name].get('collection'))));
    const offenders = declaredIndexes().filter((index) => scoped.has(index.collection) && Object.keys(index.keys)[0] !== 'tenantId');
    expect(offenders.map((index) => index.name).sort()).toEqual([...GLOBAL_UNIQUE, ...GLOBAL_JOB_SCANS].sort());
    expect(offenders.filter((index) => index.unique).map((index) => index.name).sort()).toEqual([...GLOBAL_UNIQUE].sort());
  });

  it('names every index, so syncIndexes and operators can refer to it', () => {
    expect(declaredIndexes().every((index) => index.name.startsWith(`${index.collection}_`))).toBe(true);
  });

  it('matches the snapshot (changing an index is a deploy step: npm run db:sync-indexes)', () => {
    const lines = declaredIndexes().map(
      (index) =>
        `${index.collection}: ${index.name} ${JSON.stringify(index.keys)}${index.unique ? ' unique' : ''}` +
        (index.partial ? ` partial ${JSON.stringify(index.partial)}` : ''),
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "tenants: tenants_created {"createdAt":-1,"_id":-1}",
        "api_keys: api_keys_hash {"hash":1} unique",
        "api_keys: api_keys_tenant_created {"tenantId":1,"createdAt":-1,"_id":-1}",
        "learners: learners_tenant_external_id {"tenantId":1,"externalId":1} unique",
        "learners: learners_tenant_created {"tenantId":1,"createdAt":-1,"_id":-1}",
        "learners: learners_tenant_last_active {"tenantId":1,"lastActiveAt":1,"_id":1}",
        "interview_sessions: interview_sessions_tenant_learner_created {"tenantId":1,"learnerId":1,"createdAt":-1,"_id":-1}",
        "answers: answers_tenant_session_question_attempt {"tenantId":1,"sessionId":1,"questionId":1,"attempt":1} unique",
        "answers: answers_tenant_session_created {"tenantId":1,"sessionId":1,"createdAt":-1,"_id":-1}",
        "answers: answers_tenant_learner_created {"tenantId":1,"learnerId":1,"createdAt":-1,"_id":-1}",
        "star_drafts: star_drafts_tenant_learner_created {"tenantId":1,"learnerId":1,"createdAt":-1,"_id":-1}",
        "passes: passes_tenant_learner_created {"tenantId":1,"learnerId":1,"createdAt":-1,"_id":-1}",
        "passes: passes_tenant_purchase_id {"tenantId":1,"purchaseId":1} unique partial {"purchaseId":{"$type":"string"}}",
        "passes: passes_reminder_due {"reminderSentAt":1,"revokedAt":1,"expiresAt":1,"_id":1}",
        "passes: passes_tenant_seat_returning {"tenantId":1,"seat":1} partial {"seat":"returning"}",
        "seat_pools: seat_pools_tenant {"tenantId":1} unique",
        "purchases: purchases_checkout_session_id {"checkoutSessionId":1} unique",
        "purchases: purchases_provider_payment_ref {"provider":1,"paymentRef":1} unique partial {"paymentRef":{"$type":"string"}}",
        "purchases: purchases_tenant_learner_created {"tenantId":1,"learnerId":1,"createdAt":-1,"_id":-1}",
        "payment_refunds: payment_refunds_provider_payment_ref {"provider":1,"paymentRef":1} unique",
        "outbox_emails: outbox_emails_tenant_dedupe_key {"tenantId":1,"dedupeKey":1} unique",
        "outbox_emails: outbox_emails_tenant_created {"tenantId":1,"createdAt":-1,"_id":-1}",
        "outbox_emails: outbox_emails_tenant_learner {"tenantId":1,"learnerId":1} partial {"learnerId":{"$type":"string"}}",
        "outbox_emails: outbox_emails_status_next_attempt {"status":1,"nextAttemptAt":1,"_id":1}",
        "usage_counters: usage_counters_tenant_subject_period {"tenantId":1,"subject":1,"period":1} unique",
        "webhook_events: webhook_events_provider_event {"provider":1,"eventId":1} unique",
        "learner_erasures: learner_erasures_tenant_subject {"tenantId":1,"subjectHash":1,"erasedAt":-1}",
        "learner_erasures: learner_erasures_tenant_open {"tenantId":1,"learnerId":1} unique partial {"learnerId":{"$type":"string"}}",
        "privacy_audit: privacy_audit_tenant_created {"tenantId":1,"createdAt":-1,"_id":-1}",
        "privacy_audit: privacy_audit_tenant_learner_created {"tenantId":1,"learnerId":1,"createdAt":-1,"_id":-1}",
      ]
    `);
  });
});
