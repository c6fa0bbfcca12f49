/**
 * Models are compiled on the store's own connection (never on the global mongoose instance),
 * so two stores in one process, or the tests' many, never share or overwrite models.
 */
import type { Connection, Model } from 'mongoose';
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
import { buildSchemas } from './schemas.js';
import type { WriteUnits } from './write-units.js';

export interface StoreModels {
  Tenant: Model<TenantDoc>;
  ApiKey: Model<ApiKeyDoc>;
  Learner: Model<LearnerDoc>;
  InterviewSession: Model<SessionDoc>;
  Answer: Model<AnswerDoc>;
  StarDraft: Model<StarDraftDoc>;
  Pass: Model<PassDoc>;
  SeatPool: Model<SeatPoolDoc>;
  Purchase: Model<PurchaseDoc>;
  RefundMarker: Model<RefundMarkerDoc>;
  OutboxEmail: Model<OutboxDoc>;
  UsageCounter: Model<UsageDoc>;
  WebhookEvent: Model<WebhookEventDoc>;
  LearnerErasure: Model<ErasureDoc>;
  PrivacyAudit: Model<AuditDoc>;
  JobLease: Model<LeaseDoc>;
}

export function compileModels(connection: Connection, clock: () => Date): StoreModels {
  const schemas = buildSchemas(clock);
  return {
    Tenant: connection.model<TenantDoc>('Tenant', schemas.Tenant),
    ApiKey: connection.model<ApiKeyDoc>('ApiKey', schemas.ApiKey),
    Learner: connection.model<LearnerDoc>('Learner', schemas.Learner),
    InterviewSession: connection.model<SessionDoc>('InterviewSession', schemas.InterviewSession),
    Answer: connection.model<AnswerDoc>('Answer', schemas.Answer),
    StarDraft: connection.model<StarDraftDoc>('StarDraft', schemas.StarDraft),
    Pass: connection.model<PassDoc>('Pass', schemas.Pass),
    SeatPool: connection.model<SeatPoolDoc>('SeatPool', schemas.SeatPool),
    Purchase: connection.model<PurchaseDoc>('Purchase', schemas.Purchase),
    RefundMarker: connection.model<RefundMarkerDoc>('RefundMarker', schemas.RefundMarker),
    OutboxEmail: connection.model<OutboxDoc>('OutboxEmail', schemas.OutboxEmail),
    UsageCounter: connection.model<UsageDoc>('UsageCounter', schemas.UsageCounter),
    WebhookEvent: connection.model<WebhookEventDoc>('WebhookEvent', schemas.WebhookEvent),
    LearnerErasure: connection.model<ErasureDoc>('LearnerErasure', schemas.LearnerErasure),
    PrivacyAudit: connection.model<AuditDoc>('PrivacyAudit', schemas.PrivacyAudit),
    JobLease: connection.model<LeaseDoc>('JobLease', schemas.JobLease),
  };
}

/** What every aggregate module of the MongoDB store is built from. */
export interface MongoContext {
  readonly models: StoreModels;
  /** The injected clock; schema timestamps read it too. */
  clock(): Date;
  /** Runs multi-document operations as transactions or as ordered idempotent writes (write-units.ts). */
  readonly units: WriteUnits;
}
