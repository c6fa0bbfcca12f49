/**
 * Retention of inactive learners, per tenant (`privacy.inactiveLearnerDays`, null to keep
 * learners while the tenant exists). A learner inactive for that many days is erased, with a
 * reminder e-mail `retentionReminderDays` before:
 *
 * - the reminder is queued once per stretch of inactivity (its dedupe key names the stretch)
 *   and `retentionReminderAt` records it; using the product again starts a new stretch;
 * - an erasure never comes sooner than `retentionReminderDays` after the reminder, so a late
 *   reminder (the job was down) still gives the learner the full notice;
 * - a learner without an e-mail address cannot be reminded and is erased when the time is up;
 * - a learner who restricted processing is left alone: restriction is how a learner asks for
 *   their data to be kept (UK GDPR art. 18(1)(c)), so it is neither reminded nor erased.
 *
 * Run by the `privacy-retention` job (privacy/jobs.ts).
 */
import { formatTime, render, type RenderedEmail } from '../mail/templates.js';
import type { Learner, Tenant } from '../store/records.js';
import type { Store, TenantStore } from '../store/store.js';
import { recordPrivacyAction, systemActor } from './audit.js';
import type { Erasure } from './erasure.js';
import { privacySettingsOf } from './settings.js';

export const RETENTION_ACTOR = systemActor('retention');
const DAY_MS = 86_400_000;
/** Learners looked at per tenant per run, least recently active first. */
const BATCH = 500;

export const retentionDedupeKey = (learner: Pick<Learner, 'id' | 'lastActiveAt'>) =>
  `retention-reminder:${learner.id}:${learner.lastActiveAt}`;

export interface RetentionTotals {
  reminded: number;
  erased: number;
}

export function renderRetentionReminder(tenant: Tenant, learner: Learner, erasureAt: string): RenderedEmail {
  const locale = tenant.settings.branding.locale;
  const productName = tenant.settings.branding.productName;
  const when = formatTime(erasureAt, locale);
  return render(
    {
      tenant,
      heading: 'Your practice data will be deleted',
      paragraphs: [
        `You have not used ${productName} since ${formatTime(learner.lastActiveAt, locale)}, so we will delete your account and everything in it (sessions, answers, feedback and STAR stories) on ${when}.`,
        `To keep it, open ${productName} where you practise before then. If you are happy for it to go, you need do nothing.`,
        'You can also download a copy of your data from the privacy settings in the practice tool.',
      ],
      rows: [{ label: 'Deletion date', value: when }],
      footer: `${productName} sent this one-time notice because accounts unused for a long time are deleted. It holds nothing from your practice.`,
    },
    `Your ${productName} practice data will be deleted on ${when}`,
  );
}

async function applyToTenant(
  tenant: Tenant,
  tenantStore: TenantStore,
  erasure: Erasure,
  now: Date,
  signal: AbortSignal | undefined,
): Promise<RetentionTotals> {
  const totals: RetentionTotals = { reminded: 0, erased: 0 };
  const { inactiveLearnerDays, retentionReminderDays } = privacySettingsOf(tenant);
  if (inactiveLearnerDays === null) return totals;
  const t = now.getTime();
  const remindBefore = new Date(t - (inactiveLearnerDays - retentionReminderDays) * DAY_MS).toISOString();
  const eraseBefore = t - inactiveLearnerDays * DAY_MS;
  const noticeMs = retentionReminderDays * DAY_MS;

  for (const listed of await tenantStore.privacy.listInactiveLearners(remindBefore, BATCH)) {
    if (signal?.aborted) break;
    // Read again: the learner may have come back since the list was taken.
    const learner = await tenantStore.learners.get(listed.id);
    if (!learner || learner.lastActiveAt >= remindBefore || learner.restrictedAt !== null) continue;
    const remindedAt = learner.retentionReminderAt && learner.retentionReminderAt >= learner.lastActiveAt ? learner.retentionReminderAt : null;
    const inactiveLongEnough = Date.parse(learner.lastActiveAt) < eraseBefore;
    const noticeGiven = learner.email === null || (remindedAt !== null && Date.parse(remindedAt) + noticeMs <= t);
    if (inactiveLongEnough && noticeGiven) {
      await erasure.erase(tenantStore, learner, RETENTION_ACTOR, 'retention');
      totals.erased++;
      continue;
    }
    if (remindedAt === null && learner.email !== null) {
      const erasureAt = new Date(Math.max(Date.parse(learner.lastActiveAt) + inactiveLearnerDays * DAY_MS, t + noticeMs)).toISOString();
      await tenantStore.outbox.enqueue({
        learnerId: learner.id,
        dedupeKey: retentionDedupeKey(learner),
        kind: 'retention-reminder',
        to: learner.email,
        ...renderRetentionReminder(tenant, learner, erasureAt),
      });
      await tenantStore.learners.update(learner.id, { retentionReminderAt: now.toISOString() });
      await recordPrivacyAction(tenantStore, learner.id, 'retention.remind', RETENTION_ACTOR, { erasureAt });
      totals.reminded++;
    }
  }
  return totals;
}

export async function runRetention(
  store: Store,
  erasure: Erasure,
  now: Date,
  options: { signal?: AbortSignal } = {},
): Promise<RetentionTotals> {
  const totals: RetentionTotals = { reminded: 0, erased: 0 };
  for (const tenant of await store.listTenants()) {
    if (options.signal?.aborted) break;
    const result = await applyToTenant(tenant, store.forTenant(tenant.id), erasure, now, options.signal);
    totals.reminded += result.reminded;
    totals.erased += result.erased;
  }
  return totals;
}
