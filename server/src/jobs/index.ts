/**
 * Periodic jobs under store leases. Register a job on the app's scheduler (`deps.jobs`, built
 * in `buildApp`) before or after the server listens:
 *
 *   deps.jobs.register({ name: 'privacy-purge', intervalMs: 3_600_000, run: async ({ signal, now, logger }) => { … } });
 *
 * A run should work in small batches, check `signal.aborted` between them (the lease was lost or
 * the server is stopping), and be safe to repeat: a run cut short is simply run again later.
 */
export { createScheduler, leaseName, DEFAULT_LEASE_MS, type Job, type JobContext, type Scheduler, type SchedulerOptions } from './scheduler.js';
export { createOutboxDeliveryJob, OUTBOX_DELIVERY_JOB } from './outbox-delivery.js';
export { createExpiryReminderJob, EXPIRY_REMINDER_JOB } from './expiry-reminders.js';
