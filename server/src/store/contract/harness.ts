/**
 * What the contract suites share: a controllable clock, the store under test, and sample
 * inputs. Only the `Store` port is used here, so every adapter runs the same tests.
 */
import { expect } from 'vitest';
import { isAppError, type ErrorCode } from '../../errors.js';
import type { Store, TenantStore } from '../store.js';
import type {
  Learner,
  NewAnswer,
  NewInterviewSession,
  NewOutboxEmail,
  NewPass,
  NewPurchase,
  Page,
  PageRequest,
  StarDraftContent,
  Tenant,
  TenantSettings,
} from '../records.js';

export const START_TIME = '2030-01-01T00:00:00.000Z';

/** A clock that only moves when a test moves it, so timestamps are exact and repeatable. */
export class TestClock {
  private time = Date.parse(START_TIME);

  /** Pass this to the store: `() => Date`. */
  readonly now = (): Date => new Date(this.time);

  iso(): string {
    return new Date(this.time).toISOString();
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export interface StoreContractContext {
  /** The store must take every timestamp from this clock. */
  clock: () => Date;
}

/** The current test's store and clock (fresh for every test). */
export interface ContractHarness {
  readonly store: Store;
  readonly clock: TestClock;
}

/** Resolves to the rejection's AppError code, or fails the test if it resolved or threw something else. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  expect(outcome, `expected a rejection with AppError ${code}`).toHaveProperty('rejected');
  const error = (outcome as { rejected: unknown }).rejected;
  expect(isAppError(error) ? error.code : error).toBe(code);
}

/** Reads every page of a newest-first list with the given page size. */
export async function collectPages<T>(
  fetch: (page: PageRequest) => Promise<Page<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page<T> = await fetch({ limit, cursor });
    pages += 1;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (pages > 1000) throw new Error('paging does not terminate');
  } while (cursor !== null);
  return { items, pages };
}

export function tenantSettings(overrides: Partial<TenantSettings> = {}): TenantSettings {
  return {
    branding: {
      productName: 'Careers Practice',
      logoUrl: 'https://example.edu/logo.svg',
      primaryColor: '#1a4d8f',
      accentColor: null,
      backgroundColor: '#ffffff',
      textColor: null,
      fontFamily: 'Inter, sans-serif',
      radius: 8,
      locale: 'en-GB',
      copy: { 'start.title': 'Practise an interview' },
    },
    allowedOrigins: ['https://careers.example.edu'],
    billingMode: 'learner-pays',
    freeTier: { questionSetsPerMonth: 3, feedbackPerMonth: 10 },
    ai: { feedbackModel: null, questionModel: 'model-x', monthlyTokenBudget: 1_000_000 },
    guestAccess: true,
    clerkOrganizationId: null,
    minimumAge: 16,
    passProducts: [{ type: 'week', name: 'Week pass', durationDays: 7, amount: 699, currency: 'gbp', stripePriceId: null }],
    privacy: { requireAgeConfirmation: false, inactiveLearnerDays: 730, retentionReminderDays: 14 },
    ...overrides,
  };
}

export function createTenant(store: Store, name = 'Example University'): Promise<Tenant> {
  return store.createTenant({ name, settings: tenantSettings() });
}

let sequence = 0;
/** A value no other call returns (for hashes, external ids, checkout ids). */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${Math.random().toString(36).slice(2, 10)}`;
}

export function createLearner(tenant: TenantStore, externalId = unique('ext')): Promise<Learner> {
  return tenant.learners.upsertByExternalId({ externalId, email: `${externalId}@example.edu`, name: 'Ada' });
}

export function newApiKey(hash = unique('hash')) {
  return { kind: 'secret' as const, prefix: 'sk_test_ab12', hash, label: 'Backend' };
}

export function newSession(learnerId: string, overrides: Partial<NewInterviewSession> = {}): NewInterviewSession {
  return {
    learnerId,
    role: 'Data analyst',
    seniority: 'graduate',
    interviewType: 'behavioural',
    company: 'Acme',
    jobDescription: null,
    mode: 'mock',
    questions: [
      { id: 'q1', text: 'Tell me about a time…', competency: 'teamwork', guidance: 'Use STAR.', source: 'bank:b1' },
      { id: 'q2', text: 'Why this role?', competency: 'motivation', guidance: 'Be specific.', source: 'bank:b2' },
    ],
    questionTimeLimitSec: 120,
    ...overrides,
  };
}

export function newAnswer(learnerId: string, sessionId: string, questionId = 'q1'): NewAnswer {
  return { learnerId, sessionId, questionId, text: 'In my placement I…', wordCount: 4, late: false };
}

export function draftContent(title = 'Group project'): StarDraftContent {
  return {
    title,
    competency: 'teamwork',
    situation: 'A four-person project.',
    task: 'Deliver a report.',
    action: 'I split the work.',
    result: 'We got a first.',
    reflection: 'Plan earlier.',
  };
}

export function newPass(learnerId: string): NewPass {
  return {
    learnerId,
    type: 'week',
    source: 'grant',
    startsAt: '2030-01-01T00:00:00.000Z',
    expiresAt: '2030-01-08T00:00:00.000Z',
    purchaseId: null,
  };
}

export function newPurchase(learnerId: string | null, checkoutSessionId = unique('cs')): NewPurchase {
  return {
    learnerId,
    passType: 'week',
    amount: 499,
    currency: 'gbp',
    provider: 'demo',
    checkoutSessionId,
    status: 'pending',
  };
}

export function newEmail(dedupeKey = unique('dedupe'), learnerId: string | null = null): NewOutboxEmail {
  return {
    learnerId,
    dedupeKey,
    kind: 'receipt',
    to: 'ada@example.edu',
    subject: 'Your receipt',
    text: 'Thanks.',
    html: '<p>Thanks.</p>',
  };
}
