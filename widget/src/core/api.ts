/**
 * `StudioApi`: everything the widget asks of the server, as one small interface. The real
 * implementation (`createSdkApi`) goes through `@interview-studio/sdk`; Storybook and component
 * tests use the in-memory fixture implementation, so every view renders without a server.
 * The types come from the server's router through the SDK, so they cannot drift from the API.
 */
import type { RouterInputs, RouterOutputs } from '@interview-studio/sdk';

type O = RouterOutputs;
type I = RouterInputs;

export type TenantConfig = O['tenant']['config'];
export type Branding = TenantConfig['branding'];
export type Me = O['learner']['me'];
export type LearnerProfile = Me['learner'];
export type GuestStart = O['learner']['startGuest'];
export type GuestRefresh = O['learner']['refreshGuestToken'];
export type SessionView = O['session']['get'];
export type SessionQuestion = SessionView['questions'][number];
export type SessionAnswerSummary = SessionView['answers'][number];
export type SessionList = O['session']['list'];
export type SessionListItem = SessionList['items'][number];
export type CreateSessionInput = I['session']['create'];
export type AnswerCheck = O['answer']['check'];
export type ConfidentialWarning = AnswerCheck['warnings'][number];
export type SubmitResult = O['answer']['submit'];
export type AnswerView = O['answer']['get'];
export type Feedback = O['answer']['evaluate'];
export type CriterionScore = Feedback['criteria'][number];
export type StarDraft = O['star']['get'];
export type StarSaveInput = I['star']['save'];
export type StarContent = StarSaveInput['content'];
export type StarSuggestions = O['star']['suggest'];
export type Readiness = O['progress']['readiness'];
export type ProgressHistory = O['progress']['history'];
export type Entitlement = O['progress']['entitlement'];
export type EntitlementPass = NonNullable<Entitlement['pass']>;
export type BillingProducts = O['billing']['products'];
export type PassProduct = BillingProducts['products'][number];
export type PassType = PassProduct['type'];
export type CheckoutStart = O['billing']['checkout'];
export type CheckoutStatus = O['billing']['checkoutStatus'];
/** What `billing.passUpdates` sends on start and whenever passes or entitlement change. */
export type PassSnapshot = O['billing']['passUpdates'] extends AsyncIterable<infer T> ? (T extends { data: infer D } ? D : T) : never;
export type AgeStatus = O['privacy']['ageStatus'];
export type AgeConfirmation = O['privacy']['confirmAge'];
export type PrivacySettings = O['privacy']['settings'];
export type PreferencesInput = I['privacy']['setPreferences'];
export type ProfileInput = I['privacy']['updateProfile'];
export type DeletionRequest = O['privacy']['requestDeletion'];
export type DeletionResult = O['privacy']['deleteAccount'];
/** The JSON document `privacy.export` returns: everything stored about the learner. */
export type LearnerExport = O['privacy']['export'];
export type InterviewType = CreateSessionInput['interviewType'];
export type Seniority = CreateSessionInput['seniority'];
export type SessionMode = CreateSessionInput['mode'];

/** One part of feedback as it streams in (a criterion, the overall score, strengths, …). */
export type FeedbackPart =
  | { kind: 'criterion'; criterion: CriterionScore }
  | { kind: 'overall'; overallScore: number }
  | { kind: 'strengths'; items: string[] }
  | { kind: 'improvements'; items: string[] }
  | { kind: 'outline'; items: string[] }
  | { kind: 'notice'; message: string };

export type FeedbackEvent = { type: 'part'; part: FeedbackPart } | { type: 'done'; feedback: Feedback };

export interface FeedbackHandlers {
  /** Each event with its id; pass the last id back to resume after a dropped connection. */
  onEvent(event: FeedbackEvent, id: string): void;
  onError(error: unknown): void;
}

/** Stops a feedback stream. */
export type Unsubscribe = () => void;

export interface StudioApi {
  tenantConfig(): Promise<TenantConfig>;
  me(): Promise<Me>;
  startGuest(): Promise<GuestStart>;
  /** Renews a guest token; sends the given token rather than the current one. */
  refreshGuestToken(token: string): Promise<GuestRefresh>;

  createSession(input: CreateSessionInput): Promise<SessionView>;
  getSession(id: string): Promise<SessionView>;
  listSessions(input: { limit: number; cursor?: string | null }): Promise<SessionList>;
  completeSession(id: string): Promise<SessionView>;

  checkAnswer(text: string): Promise<AnswerCheck>;
  submitAnswer(input: { sessionId: string; questionId: string; text: string }): Promise<SubmitResult>;
  getAnswer(id: string): Promise<AnswerView>;
  listAttempts(sessionId: string, questionId: string): Promise<AnswerView[]>;
  streamFeedback(answerId: string, handlers: FeedbackHandlers, lastEventId?: string | null): Unsubscribe;

  listStar(): Promise<StarDraft[]>;
  getStar(id: string): Promise<StarDraft>;
  saveStar(input: StarSaveInput): Promise<StarDraft>;
  deleteStar(id: string): Promise<{ deleted: true }>;
  suggestStar(id: string): Promise<StarSuggestions>;
  starToAnswer(id: string): Promise<{ text: string }>;

  readiness(): Promise<Readiness>;
  history(): Promise<ProgressHistory>;
  entitlement(): Promise<Entitlement>;

  products(): Promise<BillingProducts>;
  /** Starts a checkout; open its `url` in a new window. */
  checkout(input: { passType: PassType; returnUrl?: string }): Promise<CheckoutStart>;
  checkoutStatus(checkoutSessionId: string): Promise<CheckoutStatus>;
  /** The entitlement and passes now, then again on every change (a purchase, grant or refund). */
  passUpdates(handlers: StreamHandlers<PassSnapshot>): Unsubscribe;

  ageStatus(): Promise<AgeStatus>;
  confirmAge(input: { minimumAge: number; confirmed: boolean }): Promise<AgeConfirmation>;
  privacySettings(): Promise<PrivacySettings>;
  setPreferences(input: PreferencesInput): Promise<PrivacySettings>;
  restrict(): Promise<PrivacySettings>;
  unrestrict(): Promise<PrivacySettings>;
  updateProfile(input: ProfileInput): Promise<PrivacySettings>;
  exportData(): Promise<LearnerExport>;
  requestDeletion(): Promise<DeletionRequest>;
  deleteAccount(confirmationToken: string): Promise<DeletionResult>;
}

export interface StreamHandlers<T> {
  onData(data: T): void;
  onError(error: unknown): void;
}
