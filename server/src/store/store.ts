/**
 * The storage port. Adapters: `sqlite` (embedded default) and `mongo` (production).
 *
 * Tenant boundary: everything that belongs to a tenant is reached through
 * `store.forTenant(tenantId)`, which binds the tenant once. A `TenantStore` method can only
 * ever see its own tenant's records, so callers cannot forget the filter. The few global
 * operations (key lookup by hash, webhook dedupe, job leases) live on `Store` itself.
 *
 * Conventions every adapter keeps (and the contract suite checks):
 * - `get*` resolves `null` when nothing matches; updates of a missing record throw
 *   `AppError(NOT_FOUND)`; a broken uniqueness or revision rule throws `AppError(CONFLICT)`.
 * - Lists are newest first, paged by an opaque cursor.
 * - An operation that writes several records is atomic.
 */
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
  Purchase,
  PurchaseStatus,
  StarDraft,
  StarDraftContent,
  Tenant,
  TenantSettings,
  UsageCounters,
  WebhookEvent,
} from './records.js';

export interface NewApiKey {
  kind: ApiKeyKind;
  prefix: string;
  hash: string;
  label: string;
}

export interface Store {
  /** Adapter name for logs and /readyz ("sqlite", "mongo"). */
  readonly kind: string;

  // tenants
  createTenant(input: { name: string; settings: TenantSettings }): Promise<Tenant>;
  getTenant(id: string): Promise<Tenant | null>;
  listTenants(): Promise<Tenant[]>;
  updateTenant(id: string, patch: { name?: string; settings?: TenantSettings }): Promise<Tenant>;

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
    revoke(id: string): Promise<Pass>;
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
}
