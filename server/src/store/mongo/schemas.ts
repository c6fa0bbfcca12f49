/**
 * The documents of the MongoDB store, one collection per aggregate, shaped by how they are
 * read: a session embeds its questions, an answer embeds its feedback, a STAR draft carries its
 * revision, usage is one small counter document per (tenant, subject, month) changed with
 * `$inc`, a lease is one document per job name. Ids are the store's own strings (`lrn_…`), so
 * they mean the same thing in both adapters. Times are BSON dates (TTL indexes need them);
 * `transform.ts` turns them back into ISO strings.
 *
 * Indexes sit next to the paths they cover. Every tenant-scoped list or lookup has one led by
 * `tenantId`; uniqueness that spans tenants (API-key hashes, Checkout session ids, payment
 * references, webhook event ids, refunded payments) is global on purpose, exactly as in the
 * SQLite store, and so are the two indexes the background jobs scan across tenants (passes due
 * for a reminder, e-mails due for delivery).
 *
 * Erasure (privacy.ts) deletes an erased learner's documents through the `tenantId, learnerId`
 * indexes below and records a `learner_erasures` document; the purge job finds the erasures
 * still holding a learner id through a partial index and sweeps those learners again. No TTL
 * index is used for it: a TTL index removes documents one by one on its own schedule, and an
 * erasure must remove the learner together with everything of theirs.
 */
import { Schema } from 'mongoose';
import { billingModes, interviewTypes, passTypes, privacyActions, seniorities } from '../records.js';
import {
  choice,
  collectionOptions,
  decimal,
  documentList,
  embedded,
  flag,
  maybeEmptyText,
  nullableText,
  nullableWhen,
  recordId,
  tenantIdPath,
  text,
  textList,
  validateUpdatesPlugin,
  when,
  whole,
} from './schema-rules.js';
import { tenantScopePlugin } from './tenant-scope.js';
import type {
  AnswerDoc,
  ApiKeyDoc,
  AuditDoc,
  ErasureDoc,
  LeaseDoc,
  LearnerDoc,
  OutboxDoc,
  PassDoc,
  PurchaseDoc,
  RefundMarkerDoc,
  SeatPoolDoc,
  SessionDoc,
  StarDraftDoc,
  TenantDoc,
  UsageDoc,
  WebhookEventDoc,
} from './documents.js';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
const HTTP_URL = /^https?:\/\/\S+$/;
const LOCALE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const FONT_FAMILY = /^[\w\s,'"-]+$/;
const CURRENCY = /^[a-z]{3}$/;
const STRIPE_PRICE = /^price_\w+$/;

/** Only documents whose `path` holds a string: the partial filter of "when set" indexes. */
const whenSet = (path: string) => ({ partialFilterExpression: { [path]: { $type: 'string' } } });

/** Newest-first paging within a scope: the cursor compares (createdAt, _id). */
const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;

// ---------- tenants ----------

const copyEntrySchema = new Schema({ key: text(80), value: maybeEmptyText(500) }, embedded);

const brandingSchema = new Schema(
  {
    productName: text(80),
    logoUrl: nullableText(500, HTTP_URL),
    primaryColor: text(7, { match: HEX_COLOUR }),
    accentColor: nullableText(7, HEX_COLOUR),
    backgroundColor: nullableText(7, HEX_COLOUR),
    textColor: nullableText(7, HEX_COLOUR),
    fontFamily: nullableText(200, FONT_FAMILY),
    radius: whole(0, 32),
    locale: text(10, { match: LOCALE }),
    // Copy ids contain dots ("start.title"), which make awkward MongoDB field names: entries.
    copy: documentList(copyEntrySchema, 0, 200),
  },
  embedded,
);

const passProductSchema = new Schema(
  {
    type: choice(passTypes),
    name: text(60),
    durationDays: whole(1, 366),
    amount: whole(1, 1_000_000),
    currency: text(3, { match: CURRENCY }),
    stripePriceId: nullableText(255, STRIPE_PRICE),
  },
  embedded,
);

const privacySettingsSchema = new Schema(
  {
    requireAgeConfirmation: flag,
    inactiveLearnerDays: whole(30, 3650, true),
    retentionReminderDays: whole(1, 60),
  },
  embedded,
);

type PrivacySettingsValue = { inactiveLearnerDays?: number | null; retentionReminderDays?: number } | null | undefined;

const tenantSettingsSchema = new Schema(
  {
    branding: { type: brandingSchema, required: true },
    allowedOrigins: textList(50, 200),
    billingMode: choice(billingModes),
    freeTier: {
      type: new Schema({ questionSetsPerMonth: whole(0, 10_000), feedbackPerMonth: whole(0, 100_000) }, embedded),
      required: true,
    },
    ai: {
      type: new Schema(
        { feedbackModel: nullableText(100), questionModel: nullableText(100), monthlyTokenBudget: whole(1, undefined, true) },
        embedded,
      ),
      required: true,
    },
    guestAccess: flag,
    clerkOrganizationId: nullableText(100),
    minimumAge: whole(13, 21),
    // Tenants stored before these two existed have neither: tenants.ts reads them with the
    // defaults of that time (the values the SQLite migrations v2 and v3 backfilled).
    passProducts: {
      type: [passProductSchema],
      default: [],
      validate: {
        validator: (list: { type: string }[]) =>
          list.length <= passTypes.length && new Set(list.map((p) => p.type)).size === list.length,
        message: '{PATH} holds at most one product per pass type',
      },
    },
    privacy: {
      type: privacySettingsSchema,
      required: true,
      validate: {
        validator: (value: PrivacySettingsValue) =>
          !value || value.inactiveLearnerDays == null || (value.retentionReminderDays ?? 0) < value.inactiveLearnerDays,
        message: 'the reminder must go out before the erasure (retentionReminderDays < inactiveLearnerDays)',
      },
    },
  },
  embedded,
);

/** A credential sealed by tenancy/secret-box.ts: ciphertext only. */
const sealedSecretSchema = new Schema(
  { sealed: text(4000, { match: /^v1\.[\w.-]+$/ }), hint: text(40), setAt: when },
  embedded,
);

const tenantSecretsSchema = new Schema({ anthropicApiKey: { type: sealedSecretSchema, default: null } }, embedded);

function tenantSchema(clock: () => Date) {
  const schema = new Schema<TenantDoc>(
    {
      _id: recordId,
      name: text(120),
      settings: { type: tenantSettingsSchema, required: true },
      // Tenants stored before secrets existed have none: tenants.ts reads them as "no secrets".
      secrets: { type: tenantSecretsSchema, default: () => ({ anthropicApiKey: null }) },
    },
    collectionOptions('tenants', clock, true),
  );
  schema.index(NEWEST_FIRST, { name: 'tenants_created' });
  return schema;
}

// ---------- keys and learners ----------

function apiKeySchema(clock: () => Date) {
  const schema = new Schema<ApiKeyDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      kind: choice(['publishable', 'secret']),
      prefix: text(40),
      hash: text(128),
      label: text(80),
      lastUsedAt: nullableWhen,
      revokedAt: nullableWhen,
    },
    collectionOptions('api_keys', clock, { createdAt: true, updatedAt: false }),
  );
  schema.plugin(tenantScopePlugin);
  // Global: a key is looked up by its hash before its tenant is known.
  schema.index({ hash: 1 }, { unique: true, name: 'api_keys_hash' });
  schema.index({ tenantId: 1, ...NEWEST_FIRST }, { name: 'api_keys_tenant_created' });
  return schema;
}

function learnerSchema(clock: () => Date) {
  const schema = new Schema<LearnerDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      externalId: text(200),
      email: nullableText(254),
      name: nullableText(200),
      guest: flag,
      locale: nullableText(10, LOCALE),
      extendedTimeMultiplier: decimal(1, 4),
      lastActiveAt: when,
      restrictedAt: nullableWhen,
      analyticsOptOutAt: nullableWhen,
      marketingConsentAt: nullableWhen,
      ageConfirmedAt: nullableWhen,
      // The router lets a learner confirm 13 to 21 (privacy.confirmAge).
      ageConfirmedMinimum: whole(13, 21, true),
      profileEditedAt: nullableWhen,
      retentionReminderAt: nullableWhen,
    },
    collectionOptions('learners', clock, true),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, externalId: 1 }, { unique: true, name: 'learners_tenant_external_id' });
  schema.index({ tenantId: 1, ...NEWEST_FIRST }, { name: 'learners_tenant_created' });
  // Retention: the least recently active learners of a tenant first.
  schema.index({ tenantId: 1, lastActiveAt: 1, _id: 1 }, { name: 'learners_tenant_last_active' });
  return schema;
}

// ---------- practice ----------

const questionSchema = new Schema(
  { id: text(64), text: text(2000), competency: text(60), guidance: maybeEmptyText(2000), source: text(200) },
  embedded,
);

const mockSummarySchema = new Schema(
  { overallScore: decimal(0, 100), summary: maybeEmptyText(5000), answeredCount: whole(0), lateCount: whole(0) },
  embedded,
);

function sessionSchema(clock: () => Date) {
  const schema = new Schema<SessionDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: recordId,
      role: text(120),
      seniority: choice(seniorities),
      interviewType: choice(interviewTypes),
      company: nullableText(120),
      jobDescription: nullableText(8000),
      mode: choice(['practice', 'mock']),
      status: choice(['active', 'completed']),
      questions: documentList(questionSchema, 1, 15),
      // The routers allow 30-900 s, multiplied by the learner's extended time (up to 4).
      questionTimeLimitSec: whole(1, 3600, true),
      summary: { type: mockSummarySchema, default: null },
      completedAt: nullableWhen,
    },
    collectionOptions('interview_sessions', clock, true),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, learnerId: 1, ...NEWEST_FIRST }, { name: 'interview_sessions_tenant_learner_created' });
  return schema;
}

const criterionSchema = new Schema(
  { criterion: text(60), score: decimal(0, 100), reason: maybeEmptyText(2000), evidence: textList(20, 2000) },
  embedded,
);

const feedbackSchema = new Schema(
  {
    overallScore: decimal(0, 100),
    criteria: documentList(criterionSchema, 0, 20),
    strengths: textList(20, 2000),
    improvements: textList(20, 2000),
    outline: textList(30, 2000),
    source: text(100),
    model: nullableText(100),
    promptVersion: nullableText(50),
    notice: nullableText(2000),
  },
  embedded,
);

function answerSchema(clock: () => Date) {
  const schema = new Schema<AnswerDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: recordId,
      sessionId: recordId,
      questionId: text(64),
      attempt: whole(1),
      // The router trims to 1-5,000 characters (answer-text.ts).
      text: text(5000),
      wordCount: whole(0),
      late: flag,
      feedbackStatus: choice(['pending', 'ready', 'failed']),
      feedback: { type: feedbackSchema, default: null },
    },
    collectionOptions('answers', clock, true),
  );
  schema.plugin(tenantScopePlugin);
  // Numbers attempts: two writers can never both record attempt n of one question.
  schema.index(
    { tenantId: 1, sessionId: 1, questionId: 1, attempt: 1 },
    { unique: true, name: 'answers_tenant_session_question_attempt' },
  );
  schema.index({ tenantId: 1, sessionId: 1, ...NEWEST_FIRST }, { name: 'answers_tenant_session_created' });
  schema.index({ tenantId: 1, learnerId: 1, ...NEWEST_FIRST }, { name: 'answers_tenant_learner_created' });
  return schema;
}

function starDraftSchema(clock: () => Date) {
  const schema = new Schema<StarDraftDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: recordId,
      title: maybeEmptyText(120),
      competency: nullableText(60),
      situation: maybeEmptyText(3000),
      task: maybeEmptyText(3000),
      action: maybeEmptyText(3000),
      result: maybeEmptyText(3000),
      reflection: maybeEmptyText(3000),
      revision: whole(1),
    },
    collectionOptions('star_drafts', clock, true),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, learnerId: 1, ...NEWEST_FIRST }, { name: 'star_drafts_tenant_learner_created' });
  return schema;
}

// ---------- passes and payments ----------

function passSchema(clock: () => Date) {
  const schema = new Schema<PassDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: recordId,
      type: choice(passTypes),
      source: choice(['purchase', 'grant', 'sponsored']),
      startsAt: when,
      expiresAt: when,
      revokedAt: nullableWhen,
      purchaseId: nullableText(64),
      reminderSentAt: nullableWhen,
      seat: { type: String, enum: ['held', 'returning', 'returned'], default: null },
    },
    collectionOptions('passes', clock, { createdAt: true, updatedAt: false }),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, learnerId: 1, ...NEWEST_FIRST }, { name: 'passes_tenant_learner_created' });
  // One pass per purchase, whichever of its events arrives first. A pass always lives in its
  // purchase's tenant, so unique per tenant is unique per purchase, and the index stays led by
  // tenantId (a sharded passes collection can keep it).
  schema.index({ tenantId: 1, purchaseId: 1 }, { unique: true, name: 'passes_tenant_purchase_id', ...whenSet('purchaseId') });
  // Global: the reminder job scans every tenant for unrevoked, unreminded passes by expiry.
  schema.index({ reminderSentAt: 1, revokedAt: 1, expiresAt: 1, _id: 1 }, { name: 'passes_reminder_due' });
  // Seat returns a crash interrupted (pass-revocation.ts): only the few in flight are in it.
  schema.index({ tenantId: 1, seat: 1 }, { name: 'passes_tenant_seat_returning', partialFilterExpression: { seat: 'returning' } });
  return schema;
}

/** A seat grant journaled in the pool until its pass exists (passes.ts). */
const pendingGrantSchema = new Schema(
  {
    passId: recordId,
    learnerId: recordId,
    type: choice(passTypes),
    source: choice(['grant', 'sponsored']),
    startsAt: when,
    expiresAt: when,
    createdAt: when,
  },
  embedded,
);

function seatPoolSchema(clock: () => Date) {
  const schema = new Schema<SeatPoolDoc>(
    {
      tenantId: tenantIdPath,
      balance: whole(0),
      pendingGrants: documentList(pendingGrantSchema, 0, 10_000),
      returnedSeats: textList(200_000, 64),
    },
    collectionOptions('seat_pools', clock, { createdAt: false, updatedAt: true }),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1 }, { unique: true, name: 'seat_pools_tenant' });
  return schema;
}

function purchaseSchema(clock: () => Date) {
  const schema = new Schema<PurchaseDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: nullableText(64),
      learnerRef: nullableText(200),
      passType: choice(passTypes),
      amount: whole(0),
      currency: text(3, { match: CURRENCY }),
      provider: choice(['stripe', 'demo']),
      checkoutSessionId: text(255),
      paymentRef: nullableText(255),
      status: choice(['pending', 'paid', 'failed', 'refunded', 'expired']),
    },
    collectionOptions('purchases', clock, true),
  );
  schema.plugin(tenantScopePlugin);
  // Global: one purchase per provider checkout, whichever tenant started it.
  schema.index({ checkoutSessionId: 1 }, { unique: true, name: 'purchases_checkout_session_id' });
  // Global: a refund names the provider's payment, not the tenant.
  schema.index(
    { provider: 1, paymentRef: 1 },
    { unique: true, name: 'purchases_provider_payment_ref', partialFilterExpression: { paymentRef: { $type: 'string' } } },
  );
  schema.index({ tenantId: 1, learnerId: 1, ...NEWEST_FIRST }, { name: 'purchases_tenant_learner_created' });
  return schema;
}

function refundMarkerSchema(clock: () => Date) {
  // Not tenant-scoped: a refund names the provider's payment, and may arrive before its checkout.
  const schema = new Schema<RefundMarkerDoc>(
    { provider: text(40), paymentRef: text(255), tenantId: nullableText(64), refundedAt: when },
    collectionOptions('payment_refunds', clock, false),
  );
  schema.index({ provider: 1, paymentRef: 1 }, { unique: true, name: 'payment_refunds_provider_payment_ref' });
  return schema;
}

// ---------- operations ----------

function outboxSchema(clock: () => Date) {
  const schema = new Schema<OutboxDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: nullableText(64),
      dedupeKey: text(200),
      kind: text(60),
      to: text(254),
      subject: text(300),
      text: maybeEmptyText(100_000),
      html: maybeEmptyText(200_000),
      status: choice(['pending', 'sending', 'sent', 'failed', 'dropped']),
      attempts: whole(0),
      nextAttemptAt: when,
      lastError: nullableText(2000),
      sentAt: nullableWhen,
    },
    collectionOptions('outbox_emails', clock, { createdAt: true, updatedAt: false }),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, dedupeKey: 1 }, { unique: true, name: 'outbox_emails_tenant_dedupe_key' });
  schema.index({ tenantId: 1, ...NEWEST_FIRST }, { name: 'outbox_emails_tenant_created' });
  // A learner's e-mails (export, erasure); most e-mails name their learner.
  schema.index({ tenantId: 1, learnerId: 1 }, { name: 'outbox_emails_tenant_learner', ...whenSet('learnerId') });
  // Global: the delivery job claims due e-mails of every tenant, oldest due first.
  schema.index({ status: 1, nextAttemptAt: 1, _id: 1 }, { name: 'outbox_emails_status_next_attempt' });
  return schema;
}

function usageSchema(clock: () => Date) {
  const schema = new Schema<UsageDoc>(
    {
      tenantId: tenantIdPath,
      subject: text(100),
      period: text(32),
      // Counter names are checked by the adapter (no '.' or leading '$') before `$inc`.
      counters: { type: Map, of: Number, default: () => new Map() },
    },
    collectionOptions('usage_counters', clock, { createdAt: false, updatedAt: true }),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, subject: 1, period: 1 }, { unique: true, name: 'usage_counters_tenant_subject_period' });
  return schema;
}

function webhookEventSchema(clock: () => Date) {
  // Not tenant-scoped: the tenant of an event is often unknown when it arrives.
  const schema = new Schema<WebhookEventDoc>(
    { provider: text(40), eventId: text(255), type: text(200), tenantId: nullableText(64) },
    collectionOptions('webhook_events', clock, { createdAt: 'receivedAt', updatedAt: false }),
  );
  schema.index({ provider: 1, eventId: 1 }, { unique: true, name: 'webhook_events_provider_event' });
  return schema;
}

// ---------- privacy ----------

function erasureSchema(clock: () => Date) {
  const schema = new Schema<ErasureDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: nullableText(64),
      subjectHash: text(200),
      erasedAt: when,
      purgeDueAt: when,
      forgetAt: when,
      purgedAt: nullableWhen,
    },
    collectionOptions('learner_erasures', clock, false),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, subjectHash: 1, erasedAt: -1 }, { name: 'learner_erasures_tenant_subject' });
  // The erasures the purge has not completed yet (they still hold the learner id): at most one
  // per learner, so a repeated or racing erasure of the same learner finishes the same record.
  schema.index({ tenantId: 1, learnerId: 1 }, { unique: true, name: 'learner_erasures_tenant_open', ...whenSet('learnerId') });
  return schema;
}

const auditActorSchema = new Schema({ kind: choice(['learner', 'admin', 'system']), id: nullableText(200) }, embedded);

function auditSchema(clock: () => Date) {
  const schema = new Schema<AuditDoc>(
    {
      _id: recordId,
      tenantId: tenantIdPath,
      learnerId: nullableText(64),
      learnerRef: nullableText(200),
      action: choice(privacyActions),
      actor: { type: auditActorSchema, required: true },
      // Flags, counts and field names only (never content): a small free-form object.
      details: {
        type: Schema.Types.Mixed,
        default: () => ({}),
        validate: {
          validator: (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
          message: '{PATH} must be an object',
        },
      },
    },
    collectionOptions('privacy_audit', clock, { createdAt: true, updatedAt: false }),
  );
  schema.plugin(tenantScopePlugin);
  schema.index({ tenantId: 1, ...NEWEST_FIRST }, { name: 'privacy_audit_tenant_created' });
  schema.index({ tenantId: 1, learnerId: 1, ...NEWEST_FIRST }, { name: 'privacy_audit_tenant_learner_created' });
  return schema;
}

// ---------- jobs ----------

function leaseSchema(clock: () => Date) {
  // One document per job name (the _id), taken with one atomic findOneAndUpdate.
  return new Schema<LeaseDoc>(
    { _id: text(100), holder: text(200), expiresAt: when },
    collectionOptions('job_leases', clock, false),
  );
}

/** Every schema of the store, built around the clock their timestamps come from. */
export function buildSchemas(clock: () => Date) {
  const schemas = {
    Tenant: tenantSchema(clock),
    ApiKey: apiKeySchema(clock),
    Learner: learnerSchema(clock),
    InterviewSession: sessionSchema(clock),
    Answer: answerSchema(clock),
    StarDraft: starDraftSchema(clock),
    Pass: passSchema(clock),
    SeatPool: seatPoolSchema(clock),
    Purchase: purchaseSchema(clock),
    RefundMarker: refundMarkerSchema(clock),
    OutboxEmail: outboxSchema(clock),
    UsageCounter: usageSchema(clock),
    WebhookEvent: webhookEventSchema(clock),
    LearnerErasure: erasureSchema(clock),
    PrivacyAudit: auditSchema(clock),
    JobLease: leaseSchema(clock),
  };
  for (const schema of Object.values(schemas) as Schema[]) schema.plugin(validateUpdatesPlugin);
  return schemas;
}

export type StoreSchemas = ReturnType<typeof buildSchemas>;

/** Models whose every query must name one tenant (the plugin enforces it). */
export const TENANT_SCOPED_MODELS = [
  'ApiKey',
  'Learner',
  'InterviewSession',
  'Answer',
  'StarDraft',
  'Pass',
  'SeatPool',
  'Purchase',
  'OutboxEmail',
  'UsageCounter',
  'LearnerErasure',
  'PrivacyAudit',
] as const satisfies readonly (keyof StoreSchemas)[];
