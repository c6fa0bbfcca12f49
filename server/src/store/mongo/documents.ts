/**
 * The stored shape of each collection (what `.lean()` reads back). Differences from the
 * records: `_id` instead of `id`, BSON dates instead of ISO strings, branding copy as entries.
 */
import type {
  ApiKeyKind,
  Branding,
  EmailStatus,
  Feedback,
  FeedbackStatus,
  InterviewType,
  MockSummary,
  PassProduct,
  PassSeat,
  PassSource,
  PassType,
  Purchase,
  PrivacyAction,
  PurchaseStatus,
  Question,
  Seniority,
  SessionMode,
  SessionStatus,
  TenantPrivacySettings,
  TenantSettings,
} from '../records.js';

export interface CopyEntry {
  key: string;
  value: string;
}

export type StoredSettings = Omit<TenantSettings, 'branding' | 'passProducts' | 'privacy'> & {
  branding: Omit<Branding, 'copy'> & { copy: CopyEntry[] };
  /** Absent on a tenant stored before pass products existed (tenants.ts reads the defaults of that time). */
  passProducts?: PassProduct[];
  /** Absent on a tenant stored before privacy settings existed (likewise). */
  privacy?: TenantPrivacySettings;
};

export interface SealedSecretDoc {
  sealed: string;
  hint: string;
  setAt: Date;
}

export interface TenantDoc {
  _id: string;
  name: string;
  settings: StoredSettings;
  /** Absent on a tenant stored before secrets existed. */
  secrets?: { anthropicApiKey?: SealedSecretDoc | null };
  createdAt: Date;
  updatedAt: Date;
}

export interface ApiKeyDoc {
  _id: string;
  tenantId: string;
  kind: ApiKeyKind;
  prefix: string;
  hash: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface LearnerDoc {
  _id: string;
  tenantId: string;
  externalId: string;
  email: string | null;
  name: string | null;
  guest: boolean;
  locale: string | null;
  extendedTimeMultiplier: number;
  createdAt: Date;
  updatedAt: Date;
  lastActiveAt: Date;
  // Privacy state; absent (read as null) on learners stored before it existed.
  restrictedAt?: Date | null;
  analyticsOptOutAt?: Date | null;
  marketingConsentAt?: Date | null;
  ageConfirmedAt?: Date | null;
  ageConfirmedMinimum?: number | null;
  profileEditedAt?: Date | null;
  retentionReminderAt?: Date | null;
}

export interface SessionDoc {
  _id: string;
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
  questionTimeLimitSec: number | null;
  summary: MockSummary | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface AnswerDoc {
  _id: string;
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
  createdAt: Date;
  updatedAt: Date;
}

export interface StarDraftDoc {
  _id: string;
  tenantId: string;
  learnerId: string;
  title: string;
  competency: string | null;
  situation: string;
  task: string;
  action: string;
  result: string;
  reflection: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PassDoc {
  _id: string;
  tenantId: string;
  learnerId: string;
  type: PassType;
  source: PassSource;
  startsAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  purchaseId: string | null;
  reminderSentAt: Date | null;
  /**
   * The seat the pass took (`Pass.seat`); absent (read as null) on passes stored before seats
   * were recorded. `returning`: revoked, its seat on the way back to the pool (pass-revocation.ts);
   * read as `returned`.
   */
  seat?: StoredPassSeat | null;
  createdAt: Date;
}

export type StoredPassSeat = PassSeat | 'returning';

export interface PurchaseDoc {
  _id: string;
  tenantId: string;
  learnerId: string | null;
  learnerRef: string | null;
  passType: PassType;
  amount: number;
  currency: string;
  provider: Purchase['provider'];
  checkoutSessionId: string;
  paymentRef: string | null;
  status: PurchaseStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface OutboxDoc {
  _id: string;
  tenantId: string;
  learnerId: string | null;
  dedupeKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface UsageDoc {
  tenantId: string;
  subject: string;
  period: string;
  /** A Map in the schema (values cast to numbers); a plain object when read with `.lean()`. */
  counters: Map<string, number> | Record<string, number>;
  updatedAt: Date;
}

export interface WebhookEventDoc {
  provider: string;
  eventId: string;
  type: string;
  tenantId: string | null;
  receivedAt: Date;
}

export interface LeaseDoc {
  /** The job name. */
  _id: string;
  holder: string;
  expiresAt: Date;
}

/** A seat grant in progress: the pass it creates, journaled in the pool with the seat taken (passes.ts). */
export interface PendingGrantDoc {
  passId: string;
  learnerId: string;
  type: PassType;
  source: Exclude<PassSource, 'purchase'>;
  startsAt: Date;
  expiresAt: Date;
  createdAt: Date;
}

/** One per tenant that ever had seats. */
export interface SeatPoolDoc {
  tenantId: string;
  balance: number;
  pendingGrants: PendingGrantDoc[];
  /**
   * Ids of the passes whose seat came back on revocation: what makes giving a seat back
   * exactly-once without a transaction (pass-revocation.ts). Absent on pools stored before.
   */
  returnedSeats?: string[];
  updatedAt: Date;
}

/** A refunded payment, remembered even when the refund arrives before its checkout. */
export interface RefundMarkerDoc {
  provider: string;
  paymentRef: string;
  tenantId: string | null;
  refundedAt: Date;
}

export interface ErasureDoc {
  _id: string;
  tenantId: string;
  learnerId: string | null;
  subjectHash: string;
  erasedAt: Date;
  purgeDueAt: Date;
  forgetAt: Date;
  purgedAt: Date | null;
}

export interface AuditActorDoc {
  kind: 'learner' | 'admin' | 'system';
  id: string | null;
}

export interface AuditDoc {
  _id: string;
  tenantId: string;
  learnerId: string | null;
  learnerRef: string | null;
  action: PrivacyAction;
  actor: AuditActorDoc;
  details: Record<string, string | number | boolean | null | string[]>;
  createdAt: Date;
}
