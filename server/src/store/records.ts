/**
 * Records the store keeps. Plain data, shaped as documents (a session embeds its questions,
 * an answer embeds its feedback) so that both SQLite (JSON columns) and MongoDB hold them
 * naturally. Times are ISO-8601 strings in UTC.
 */

export type IsoTime = string;

// ---------- tenants and keys ----------

export const billingModes = ['learner-pays', 'sponsored', 'seats'] as const;
export type BillingMode = (typeof billingModes)[number];

export interface Branding {
  productName: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string | null;
  backgroundColor: string | null;
  textColor: string | null;
  fontFamily: string | null;
  /** Corner radius in CSS pixels. */
  radius: number;
  locale: string;
  /** Overrides of the widget's copy, keyed by string id. */
  copy: Record<string, string>;
}

export interface FreeTier {
  questionSetsPerMonth: number;
  feedbackPerMonth: number;
}

export interface AiSettings {
  /** Model for feedback and summaries; null means the deployment default. */
  feedbackModel: string | null;
  /** Model for question generation; null means the deployment default. */
  questionModel: string | null;
  /** Monthly token budget across all learners; null means no budget. */
  monthlyTokenBudget: number | null;
}

export interface TenantSettings {
  branding: Branding;
  allowedOrigins: string[];
  billingMode: BillingMode;
  freeTier: FreeTier;
  ai: AiSettings;
  guestAccess: boolean;
  /** Clerk organisation whose admins administer this tenant. */
  clerkOrganizationId: string | null;
  /** Minimum age a learner must confirm (never below 13). */
  minimumAge: number;
  /** Age gate and retention of inactive learners (privacy/settings.ts). */
  privacy: TenantPrivacySettings;
  /** What learners can buy (learner-pays) and how long each pass lasts. */
  passProducts: PassProduct[];
}

/** One pass a tenant sells. Amounts are in minor units (pence, cents) of `currency`. */
export interface PassProduct {
  type: PassType;
  /** Shown to learners ("Week pass"). */
  name: string;
  durationDays: number;
  amount: number;
  /** ISO 4217, lower case ("gbp"). */
  currency: string;
  /** A Stripe Price to charge instead of `amount` (price_…); null builds the price inline. */
  stripePriceId: string | null;
}

export interface TenantPrivacySettings {
  /** No learner is stored until they confirm `minimumAge` (`privacy.confirmAge`). */
  requireAgeConfirmation: boolean;
  /** Learners inactive this many days are erased; null keeps them while the tenant exists. */
  inactiveLearnerDays: number | null;
  /** The reminder e-mail goes out this many days before that erasure. */
  retentionReminderDays: number;
}

/** A credential sealed by `tenancy/secret-box.ts`: the store never holds it in the clear. */
export interface SealedSecret {
  /** AES-256-GCM ciphertext bound to the tenant and the secret's name (`v1.<keyId>.…`). */
  sealed: string;
  /** Safe to show: "sk-ant-…x7Qa". */
  hint: string;
  setAt: IsoTime;
}

/** Credentials a tenant gave us. Kept apart from `settings`, which admins read back in full. */
export interface TenantSecrets {
  /** The tenant's own Anthropic API key; null: the deployment's key (if any) serves it. */
  anthropicApiKey: SealedSecret | null;
}

export type TenantSecretName = keyof TenantSecrets;

export interface Tenant {
  id: string;
  name: string;
  settings: TenantSettings;
  secrets: TenantSecrets;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

export type ApiKeyKind = 'publishable' | 'secret';

export interface ApiKey {
  id: string;
  tenantId: string;
  kind: ApiKeyKind;
  /** The first characters of the key, safe to show ("pk_live_a1b2…"). */
  prefix: string;
  /** SHA-256 of the whole key, hex. The key itself is never stored. */
  hash: string;
  label: string;
  createdAt: IsoTime;
  lastUsedAt: IsoTime | null;
  revokedAt: IsoTime | null;
}

// ---------- learners ----------

export interface Learner {
  id: string;
  tenantId: string;
  /** The tenant's own id for the person (or "guest:…", "clerk:…"). Unique per tenant. */
  externalId: string;
  email: string | null;
  name: string | null;
  guest: boolean;
  locale: string | null;
  /** Accommodation: mock-interview time limits are multiplied by this (1 to 4). */
  extendedTimeMultiplier: number;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  lastActiveAt: IsoTime;
  // Privacy state (see privacy/): each is when the learner chose it, null when not chosen.
  /** Restricted processing: no AI processing of any kind while set (privacy.restrict). */
  restrictedAt: IsoTime | null;
  /** Opted out of product analytics. */
  analyticsOptOutAt: IsoTime | null;
  /** Consented to marketing e-mails; null when never given or withdrawn. */
  marketingConsentAt: IsoTime | null;
  /** Confirmed being at least `ageConfirmedMinimum` years old. */
  ageConfirmedAt: IsoTime | null;
  ageConfirmedMinimum: number | null;
  /** The learner corrected their name or e-mail; token claims no longer overwrite them. */
  profileEditedAt: IsoTime | null;
  /** The retention reminder was queued for the inactivity that began at `lastActiveAt`. */
  retentionReminderAt: IsoTime | null;
}

export interface LearnerProfileInput {
  externalId: string;
  email?: string | null;
  name?: string | null;
  guest?: boolean;
  /** Only on creation: the age the learner confirmed before the account existed. */
  ageConfirmedMinimum?: number;
}

export interface LearnerPatch {
  email?: string | null;
  name?: string | null;
  locale?: string | null;
  extendedTimeMultiplier?: number;
  restrictedAt?: IsoTime | null;
  analyticsOptOutAt?: IsoTime | null;
  marketingConsentAt?: IsoTime | null;
  ageConfirmedAt?: IsoTime | null;
  ageConfirmedMinimum?: number | null;
  profileEditedAt?: IsoTime | null;
  retentionReminderAt?: IsoTime | null;
}

// ---------- practice ----------

export const interviewTypes = ['behavioural', 'technical-conceptual', 'situational', 'motivational', 'mixed'] as const;
export type InterviewType = (typeof interviewTypes)[number];

export const seniorities = ['intern', 'graduate', 'junior', 'mid', 'senior', 'lead'] as const;
export type Seniority = (typeof seniorities)[number];

export type SessionMode = 'practice' | 'mock';
export type SessionStatus = 'active' | 'completed';

export interface Question {
  id: string;
  text: string;
  competency: string;
  guidance: string;
  /** Where the question came from: the bank id for the offline coach, or a model id. */
  source: string;
}

export interface MockSummary {
  overallScore: number;
  summary: string;
  answeredCount: number;
  lateCount: number;
}

export interface InterviewSession {
  id: string;
  tenantId: string;
  learnerId: string;
  role: string;
  seniority: Seniority;
  interviewType: InterviewType;
  company: string | null;
  jobDescription: string | null;
  mode: SessionMode;
  status: SessionStatus;
  questions: Question[];
  /** Per-question limit for mock mode, already multiplied for the learner; null in practice. */
  questionTimeLimitSec: number | null;
  summary: MockSummary | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  completedAt: IsoTime | null;
}

export type NewInterviewSession = Omit<
  InterviewSession,
  'id' | 'tenantId' | 'status' | 'summary' | 'createdAt' | 'updatedAt' | 'completedAt'
>;

export interface CriterionScore {
  criterion: string;
  score: number;
  reason: string;
  evidence: string[];
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export interface Feedback {
  overallScore: number;
  criteria: CriterionScore[];
  strengths: string[];
  improvements: string[];
  outline: string[];
  source: string;
  model: string | null;
  promptVersion: string | null;
  notice: string | null;
  /** Model tokens spent producing it (every attempt); absent for the offline coach. */
  usage?: TokenUsage | null;
}

export type FeedbackStatus = 'pending' | 'ready' | 'failed';

export interface Answer {
  id: string;
  tenantId: string;
  learnerId: string;
  sessionId: string;
  questionId: string;
  attempt: number;
  text: string;
  wordCount: number;
  late: boolean;
  feedbackStatus: FeedbackStatus;
  feedback: Feedback | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

export type NewAnswer = Pick<Answer, 'learnerId' | 'sessionId' | 'questionId' | 'text' | 'wordCount' | 'late'>;

export interface StarDraft {
  id: string;
  tenantId: string;
  learnerId: string;
  title: string;
  competency: string | null;
  situation: string;
  task: string;
  action: string;
  result: string;
  reflection: string;
  /** Increases by one on every save; a save must name the revision it started from. */
  revision: number;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

export type StarDraftContent = Pick<
  StarDraft,
  'title' | 'competency' | 'situation' | 'task' | 'action' | 'result' | 'reflection'
>;

// ---------- passes and payments ----------

export const passTypes = ['day', 'week', 'month'] as const;
export type PassType = (typeof passTypes)[number];
export type PassSource = 'purchase' | 'grant' | 'sponsored';
/** A seat from the tenant's pool: `held` while the pass uses it, `returned` once revoking gave it back. */
export type PassSeat = 'held' | 'returned';

export interface Pass {
  id: string;
  tenantId: string;
  learnerId: string;
  type: PassType;
  source: PassSource;
  startsAt: IsoTime;
  expiresAt: IsoTime;
  revokedAt: IsoTime | null;
  purchaseId: string | null;
  reminderSentAt: IsoTime | null;
  /** The seat the pass took (seats billing mode); null when it took none. */
  seat: PassSeat | null;
  createdAt: IsoTime;
}

export type NewPass = Pick<Pass, 'learnerId' | 'type' | 'source' | 'startsAt' | 'expiresAt' | 'purchaseId'>;

/** `expired`: the checkout was abandoned (the provider closed it unpaid); never replaces paid, failed or refunded. */
export type PurchaseStatus = 'pending' | 'paid' | 'failed' | 'refunded' | 'expired';

export interface Purchase {
  id: string;
  tenantId: string;
  /** Null once the learner is erased; `learnerRef` then holds an irreversible reference. */
  learnerId: string | null;
  learnerRef: string | null;
  passType: PassType;
  /** Minor units (pence, cents). */
  amount: number;
  currency: string;
  provider: 'stripe' | 'demo';
  /** The provider's checkout session id; unique. */
  checkoutSessionId: string;
  /** The provider's payment (Stripe PaymentIntent `pi_…`) once known; unique per provider. Refunds name it. */
  paymentRef: string | null;
  status: PurchaseStatus;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

export type NewPurchase = Pick<
  Purchase,
  'learnerId' | 'passType' | 'amount' | 'currency' | 'provider' | 'checkoutSessionId' | 'status'
>;

// ---------- operations ----------

export interface WebhookEvent {
  /** The provider's event id (Stripe `evt_…`); unique per provider. */
  id: string;
  provider: string;
  type: string;
  tenantId: string | null;
  receivedAt: IsoTime;
}

/** `sending`: claimed by a sender; never retried from there, so each e-mail goes out at most once. */
export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dropped';

export interface OutboxEmail {
  id: string;
  tenantId: string;
  learnerId: string | null;
  /** Unique per tenant: the same logical e-mail is queued at most once. */
  dedupeKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: IsoTime;
  lastError: string | null;
  createdAt: IsoTime;
  sentAt: IsoTime | null;
}

export type NewOutboxEmail = Pick<
  OutboxEmail,
  'learnerId' | 'dedupeKey' | 'kind' | 'to' | 'subject' | 'text' | 'html'
>;

/** Usage counters for one subject (the tenant as a whole, or one learner) in one month. */
export interface UsageCounters {
  subject: string;
  period: string;
  counters: Record<string, number>;
}

export interface JobLease {
  name: string;
  holder: string;
  expiresAt: IsoTime;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | null;
}

// ---------- privacy ----------

/**
 * What remains of an erased learner: no content, no name, no e-mail. `subjectHash` (a keyed
 * hash of tenant + external id) lets sign-in refuse tokens issued before the erasure;
 * `learnerId` lets the purge sweep rows written by requests in flight at the moment of erasure,
 * and is cleared by the purge. The whole record is deleted at `forgetAt`.
 */
export interface LearnerErasure {
  id: string;
  tenantId: string;
  learnerId: string | null;
  subjectHash: string;
  erasedAt: IsoTime;
  /** The purge drops `learnerId` at or after this (at most 30 days after `erasedAt`). */
  purgeDueAt: IsoTime;
  /** When the record itself goes: once every token issued before `erasedAt` has expired. */
  forgetAt: IsoTime;
  purgedAt: IsoTime | null;
}

export interface ErasureInput {
  subjectHash: string;
  /** Irreversible reference that replaces the learner id on kept purchases and audit entries. */
  reference: string;
  purgeDueAt: IsoTime;
  forgetAt: IsoTime;
  /** Who erased and why: the `erasure` audit entry, written in the same atomic write. */
  audit: Pick<NewPrivacyAuditEntry, 'actor' | 'details'>;
}

/** What `privacy.erase` removed or changed, by kind (counts only). */
export interface ErasureResult {
  erasure: LearnerErasure;
  removed: Record<string, number>;
}

export interface PurgeReport {
  /** Rows removed that requests in flight wrote after an erasure. */
  swept: number;
  /** Learner ids whose erasure completed in this run (the store no longer holds them anywhere). */
  completed: string[];
  /** Erasure records deleted because every token they guarded against has expired. */
  forgotten: number;
}

export const privacyActions = [
  'export',
  'erasure',
  'restriction.on',
  'restriction.off',
  'analytics.opt-out',
  'analytics.opt-in',
  'marketing.consent',
  'marketing.withdraw',
  'profile.rectify',
  'age.confirm',
  'retention.remind',
] as const;
export type PrivacyAction = (typeof privacyActions)[number];

/** Who acted: the learner themself, a tenant admin (secret key id or Clerk user id), or a job. */
export type PrivacyActor =
  | { kind: 'learner' }
  | { kind: 'admin'; id: string }
  | { kind: 'system'; id: string };

/** One privacy action: who, when, what. Never content: details are flags, counts and field names. */
export interface PrivacyAuditEntry {
  id: string;
  tenantId: string;
  /** Null once the learner is erased; `learnerRef` then holds the erasure's reference. */
  learnerId: string | null;
  learnerRef: string | null;
  action: PrivacyAction;
  actor: PrivacyActor;
  details: Record<string, string | number | boolean | null | string[]>;
  createdAt: IsoTime;
}

export type NewPrivacyAuditEntry = Pick<PrivacyAuditEntry, 'learnerId' | 'action' | 'actor' | 'details'>;
