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
  PassSource,
  PassType,
  Purchase,
  PurchaseStatus,
  Question,
  Seniority,
  SessionMode,
  SessionStatus,
  TenantSettings,
} from '../records.js';

export interface CopyEntry {
  key: string;
  value: string;
}

export type StoredSettings = Omit<TenantSettings, 'branding'> & {
  branding: Omit<Branding, 'copy'> & { copy: CopyEntry[] };
};

export interface TenantDoc {
  _id: string;
  name: string;
  settings: StoredSettings;
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
  createdAt: Date;
}

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
