/**
 * Queues one reminder per pass about a day before it ends. The e-mail is queued first (its
 * dedupe key makes a repeat a no-op) and the pass marked after, so a crash between the two
 * repeats a harmless enqueue and never loses or doubles the reminder.
 *
 * No e-mail (the pass is still marked) when: the pass lasts two days or less (a reminder would
 * arrive at the start), a later pass carries on where it ends, or the learner has no e-mail.
 */
import { findProduct } from '../billing/products.js';
import { DAY_MS } from '../billing/pass-window.js';
import { renderExpiryReminder } from '../mail/templates.js';
import type { Pass } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Job } from './scheduler.js';

export const EXPIRY_REMINDER_JOB = 'expiry-reminders';
export const REMINDER_LEAD_MS = DAY_MS;
export const reminderDedupeKey = (passId: string) => `pass-reminder:${passId}`;

const typeName = (type: Pass['type']) => `${type[0]?.toUpperCase()}${type.slice(1)} pass`;

export function createExpiryReminderJob(options: { store: Store; intervalMs?: number; batchSize?: number }): Job {
  const { store } = options;
  return {
    name: EXPIRY_REMINDER_JOB,
    intervalMs: options.intervalMs ?? 10 * 60_000,
    async run({ signal, now, logger }) {
      const batch = options.batchSize ?? 50;
      while (!signal.aborted) {
        const due = await store.listPassesDueForReminder(new Date(now().getTime() + REMINDER_LEAD_MS).toISOString(), batch);
        for (const pass of due) {
          if (signal.aborted) return;
          const tenantStore = store.forTenant(pass.tenantId);
          const email = await reminderFor(pass);
          if (email) await tenantStore.outbox.enqueue(email);
          await tenantStore.passes.markReminded(pass.id);
          if (email) logger.info({ passId: pass.id, tenantId: pass.tenantId }, 'pass expiry reminder queued');
        }
        if (due.length < batch) return;
      }

      async function reminderFor(pass: Pass) {
        if (Date.parse(pass.expiresAt) - Date.parse(pass.startsAt) <= 2 * DAY_MS) return null;
        const tenant = await store.getTenant(pass.tenantId);
        if (!tenant) return null;
        const tenantStore = store.forTenant(pass.tenantId);
        const learner = await tenantStore.learners.get(pass.learnerId);
        if (!learner?.email) return null;
        const carriesOn = (await tenantStore.passes.listForLearner(pass.learnerId)).some(
          (p) => p.id !== pass.id && p.revokedAt === null && p.startsAt <= pass.expiresAt && p.expiresAt > pass.expiresAt,
        );
        if (carriesOn) return null;
        const rendered = renderExpiryReminder({ tenant, pass, product: { name: findProduct(tenant, pass.type)?.name ?? typeName(pass.type) } });
        return { learnerId: learner.id, dedupeKey: reminderDedupeKey(pass.id), kind: 'pass-expiry-reminder', to: learner.email, ...rendered };
      }
    },
  };
}
