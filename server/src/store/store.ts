/**
 * The storage port. Adapters: `sqlite` (embedded default) and `mongo` (production).
 *
 * Tenant boundary: everything that belongs to a tenant is reached through
 * `store.forTenant(tenantId)`, which binds the tenant once. A `TenantStore` method can only
 * ever see its own tenant's records, so callers cannot forget the filter. The few global
 * operations (key lookup by hash, webhook dedupe, job leases, payment events, which name their
 * tenant themselves, and the background jobs' cross-tenant scans) live on `Store` itself.
 *
 * Conventions every adapter keeps (and the contract suite checks):
 * - `get*` resolves `null` when nothing matches; updates of a missing record throw
 *   `AppError(NOT_FOUND)`; a broken uniqueness or revision rule throws `AppError(CONFLICT)`.
 * - Lists are newest first, paged by an opaque cursor.
 * - An operation that writes several records is atomic.
 */
import { AppError } from '../errors.js';
import type {
  Answer,
  ApiKey,
  ApiKeyKind,
  Feedback,
  FeedbackStatus,
  InterviewSession,
  JobLease,
  Learner,
  LearnerPatch,
  LearnerProfileInput,
  MockSummary,
  NewAnswer,
  NewInterviewSession,
  NewOutboxEmail,
  NewPass,
  NewPurchase,
  OutboxEmail,
  Page,
  PageRequest,
  Pass,
  PassSource,
  PassType,
  Purchase,
  PurchaseStatus,
  SealedSecret,
  StarDraft,
  StarDraftContent,
  Tenant,
  TenantSecretName,
  TenantSettings,
  UsageCounters,
  WebhookEvent,
} from './records.js';
import type {
  ErasureInput,
  ErasureResult,
  LearnerErasure,
  NewPrivacyAuditEntry,
  PrivacyAuditEntry,
  PurgeReport,
} from './records.js';

/** The most session ids `answers.listForSessions` takes at once (a page of sessions is 50 at most). */
export const MAX_SESSIONS_PER_READ = 100;

/** Shared by the adapters: the limit of `answers.listForSessions`. */
export function checkSessionIds(sessionIds: readonly string[]): void {
  if (sessionIds.length > MAX_SESSIONS_PER_READ) {
    throw new AppError('VALIDATION_FAILED', `At most ${MAX_SESSIONS_PER_READ} sessions can be read at once.`);
  }
}

export interface NewApiKey {
  kind: ApiKeyKind;
  prefix: string;
  hash: string;
  label: string;
}

/** The provider event a payment operation records (deduplicated by provider + id). */
export interface PaymentEventRef {
  provider: string;
  id: string;
  type: string;
}

/** What the provider says about one checkout; the purchase is created when it does not exist yet. */
export interface CheckoutFacts {
  event: PaymentEventRef;
  tenantId: string;
  checkoutSessionId: string;
  provider: Purchase['provider'];
  paymentRef: string | null;
  /** Used when the purchase is new; an existing purchase keeps its own learner. */
  learnerId: string | null;
  passType: PassType;
  amount: number;
  currency: string;
}

export interface PurchaseFulfilment extends CheckoutFacts {
  passDays: number;
}

export interface FulfilmentResult {
  /** False for a redelivered event: nothing changed, the current state is returned. */
  applied: boolean;
  purchase: Purchase | null;
  /** The purchase's pass (also on a redelivery); null when refunded first or the learner is gone. */
  pass: Pass | null;
}

export interface RefundResult {
  applied: boolean;
  purchase: Purchase | null;
  revoked: Pass[];
}

/** How a send attempt ended; only an e-mail in `sending` can be settled. */
export type EmailSettlement =
  | { status: 'sent' }
  | { status: 'pending'; nextAttemptAt: string; error: string }
  | { status: 'failed' | 'dropped'; error: string };

/** The states `markPurchaseUnpaid` records. */
export type UnpaidStatus = Extract<PurchaseStatus, 'pending' | 'failed' | 'expired'>;

export interface PassGrant {
  learnerId: string;
  type: PassType;
  days: number;
  source: Exclude<PassSource, 'purchase'>;
  /** Takes one seat from the tenant's pool in the same write (the pass's `seat` is `held`); CONFLICT when none is left. */
  useSeat: boolean;
}

export interface Store {
  /** Adapter name for logs and /readyz ("sqlite", "mongo"). */
  readonly kind: string;

  // tenants
  createTenant(input: { name: string; settings: TenantSettings }): Promise<Tenant>;
  getTenant(id: string): Promise<Tenant | null>;
  listTenants(): Promise<Tenant[]>;
  updateTenant(id: string, patch: { name?: string; settings?: TenantSettings }): Promise<Tenant>;
  /** Stores (or, with null, removes) one sealed credential; the other secrets are untouched. */
  setTenantSecret(id: string, name: TenantSecretName, value: SealedSecret | null): Promise<Tenant>;

  /** Global because the tenant is not known until the key is: the hash is unique. */
  findApiKeyByHash(hash: string): Promise<ApiKey | null>;

  /** Returns true if this event id is new (and records it); false for a redelivery. */
  recordWebhookEvent(event: Omit<WebhookEvent, 'receivedAt'>): Promise<boolean>;

  /**
   * Takes or renews the named lease for `holder` until now + ttlMs. False when another
   * holder's lease has not expired yet.
   */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  getLease(name: string): Promise<JobLease | null>;

  // ----- payments (billing-flows contract). Each records the provider event and applies its
  // effect in one atomic write, so a crash leaves either both or neither, and a redelivered
  // event changes nothing. A new pass starts when the learner's last unrevoked pass ends
  // (`passWindow` in billing/pass-window.ts); a revoked pass's queued successors move up
  // (`rechainQueued`, same file) in the write that revokes it. A purchase's status only moves
  // up (`settledStatus` in billing/purchase-status.ts).

  /** Marks the checkout's purchase paid and grants its one pass; a refunded payment stays refunded with no pass. */
  fulfilPurchase(input: PurchaseFulfilment): Promise<FulfilmentResult>;
  /**
   * Records a checkout that is not paid (yet): `pending`, `failed`, or `expired` (abandoned).
   * Never downgrades: `expired` only replaces `pending`, nothing replaces paid or refunded.
   */
  markPurchaseUnpaid(input: CheckoutFacts & { status: UnpaidStatus }): Promise<FulfilmentResult>;
  /**
   * Remembers the payment as refunded (even before its checkout is known), marks its purchase
   * refunded, revokes its pass and moves the learner's passes queued behind it up
   * (`rechainQueued`), all in one write.
   */
  refundPayment(input: { event: PaymentEventRef; provider: Purchase['provider']; paymentRef: string; tenantId: string | null }): Promise<RefundResult>;

  // ----- background jobs (global: they serve every tenant)

  /** Unrevoked, not yet reminded passes expiring after now and at or before `expiresBefore`, soonest first. */
  listPassesDueForReminder(expiresBefore: string, limit: number): Promise<Pass[]>;
  /**
   * Moves up to `limit` due pending e-mails (oldest due first) to `sending`, counting the attempt.
   * E-mails left in `sending` since before `staleBefore` (a sender died) become `failed`: they
   * may have gone out, so they are not sent again.
   */
  claimDueEmails(limit: number, staleBefore: string): Promise<OutboxEmail[]>;
  /** NOT_FOUND for an unknown id; CONFLICT unless the e-mail is `sending`. */
  settleEmail(id: string, outcome: EmailSettlement): Promise<OutboxEmail>;

  forTenant(tenantId: string): TenantStore;

  /** Resolves when the store can serve reads; rejects otherwise (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface TenantStore {
  readonly tenantId: string;

  apiKeys: {
    create(input: NewApiKey): Promise<ApiKey>;
    list(): Promise<ApiKey[]>;
    get(id: string): Promise<ApiKey | null>;
    revoke(id: string): Promise<ApiKey>;
    touch(id: string): Promise<void>;
  };

  learners: {
    /** Creates the learner on first sight; later calls update the e-mail and name given. */
    upsertByExternalId(input: LearnerProfileInput): Promise<Learner>;
    get(id: string): Promise<Learner | null>;
    getByExternalId(externalId: string): Promise<Learner | null>;
    list(page: PageRequest): Promise<Page<Learner>>;
    update(id: string, patch: LearnerPatch): Promise<Learner>;
    touchActive(id: string): Promise<void>;
  };

  sessions: {
    create(input: NewInterviewSession): Promise<InterviewSession>;
    get(id: string): Promise<InterviewSession | null>;
    listForLearner(learnerId: string, page: PageRequest): Promise<Page<InterviewSession>>;
    /** Marks it completed; CONFLICT if it already was. */
    complete(id: string, summary: MockSummary | null): Promise<InterviewSession>;
  };

  answers: {
    /** Numbers the attempt (1, 2, …) per question atomically. */
    create(input: NewAnswer): Promise<Answer>;
    get(id: string): Promise<Answer | null>;
    listForSession(sessionId: string): Promise<Answer[]>;
    /**
     * Every answer of these sessions (at most `MAX_SESSIONS_PER_READ`), newest first: one read
     * for a page of sessions. More ids is VALIDATION_FAILED.
     */
    listForSessions(sessionIds: readonly string[]): Promise<Answer[]>;
    listForQuestion(sessionId: string, questionId: string): Promise<Answer[]>;
    listForLearner(learnerId: string, page: PageRequest): Promise<Page<Answer>>;
    setFeedback(id: string, status: FeedbackStatus, feedback: Feedback | null): Promise<Answer>;
  };

  starDrafts: {
    /**
     * Creates (id null, expectedRevision 0) or updates a draft. Updating requires the
     * revision the client last saw; a stale one throws CONFLICT and changes nothing.
     */
    save(input: {
      id: string | null;
      learnerId: string;
      expectedRevision: number;
      content: StarDraftContent;
    }): Promise<StarDraft>;
    get(id: string): Promise<StarDraft | null>;
    listForLearner(learnerId: string): Promise<StarDraft[]>;
    delete(id: string): Promise<boolean>;
  };

  passes: {
    create(input: NewPass): Promise<Pass>;
    get(id: string): Promise<Pass | null>;
    listForLearner(learnerId: string): Promise<Pass[]>;
    /**
     * Ends the pass now, in one write with what follows from it: the learner's passes queued
     * behind it move up (`rechainQueued`), and a seat pass revoked early (`seatReturnable`)
     * gives its seat back to the pool (`seat` becomes `returned`). Revoking again keeps the
     * first time and returns nothing twice. NOT_FOUND for an unknown id.
     */
    revoke(id: string): Promise<Pass>;
    /** Creates a stacked pass (see `fulfilPurchase`), taking a seat first when asked. */
    grant(input: PassGrant): Promise<Pass>;
    /** Sets reminderSentAt; true only for the call that set it. */
    markReminded(id: string): Promise<boolean>;
  };

  /** The tenant's pool of seats (passes it has paid for and hands out). Starts at 0. */
  seats: {
    balance(): Promise<number>;
    /** Adds (or with a negative delta removes) seats; CONFLICT if the balance would drop below 0. */
    adjust(delta: number): Promise<number>;
  };

  purchases: {
    create(input: NewPurchase): Promise<Purchase>;
    get(id: string): Promise<Purchase | null>;
    getByCheckoutSession(checkoutSessionId: string): Promise<Purchase | null>;
    listForLearner(learnerId: string): Promise<Purchase[]>;
    setStatus(id: string, status: PurchaseStatus): Promise<Purchase>;
  };

  outbox: {
    /** Queues an e-mail once per dedupe key; returns the existing one on a repeat. */
    enqueue(input: NewOutboxEmail): Promise<OutboxEmail>;
    list(page: PageRequest): Promise<Page<OutboxEmail>>;
  };

  usage: {
    /** Adds the deltas atomically (safe under concurrent callers). */
    increment(subject: string, period: string, deltas: Record<string, number>): Promise<UsageCounters>;
    get(subject: string, period: string): Promise<UsageCounters>;
  };

  /**
   * Data-subject operations (privacy/). Contract: store/contract/privacy.contract.ts. Whatever
   * table or collection holds a learner's data must be covered by `erase` and `purge`.
   */
  privacy: {
    /**
     * Erases the learner in one atomic write: deletes the learner and every record of theirs
     * (sessions, answers, STAR drafts, passes, their usage counters, e-mails to them, queued or
     * sent), keeps their purchases with `learnerId` null and `learnerRef` = `input.reference`,
     * re-keys their audit entries the same way, adds the `erasure` audit entry and records the
     * `LearnerErasure`. NOT_FOUND when the learner does not exist.
     */
    erase(learnerId: string, input: ErasureInput): Promise<ErasureResult>;
    /** The latest erasure of this subject (see `LearnerErasure.subjectHash`), or null. */
    findErasure(subjectHash: string): Promise<LearnerErasure | null>;
    /**
     * Sweeps rows written for erased learners since their erasure (requests that were in
     * flight), completes the erasures due at `now` (drops their learner id) and deletes the
     * records whose `forgetAt` has passed. Afterwards the adapter keeps no copy of removed data
     * that it controls (SQLite: secure_delete, WAL checkpoint).
     */
    purge(now: string): Promise<PurgeReport>;
    /**
     * Deletes records kept only for the financial and accountability record once their time is
     * up: purchases with no learner (severed at erasure) and audit entries with no learner,
     * created before `before`. Returns how many were deleted.
     */
    expireSeveredRecords(before: string): Promise<number>;
    /** Learners last active before `before`, least recently active first. */
    listInactiveLearners(before: string, limit: number): Promise<Learner[]>;
    /** Every e-mail to the learner (for their export), newest first. */
    listEmailsForLearner(learnerId: string): Promise<OutboxEmail[]>;
    recordAudit(entry: NewPrivacyAuditEntry): Promise<PrivacyAuditEntry>;
    /** Newest first; only the learner's entries when `learnerId` is given. */
    listAudit(request: PageRequest & { learnerId?: string | null }): Promise<Page<PrivacyAuditEntry>>;
  };
}
