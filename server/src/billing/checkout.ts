/**
 * Starting a checkout for the signed-in learner. The idempotency key is derived from who buys
 * what, where they return to, how many of their checkouts have closed (paid, refunded, failed
 * or expired) and a 15-minute window: a double click (or a retry) gives the same session, and
 * a purchase after the last one closed (bought, or abandoned and expired) a new one.
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import type { Learner, PassType, Tenant } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import type { Payments } from './payments.js';
import { findProduct } from './products.js';

export const CHECKOUT_WINDOW_MS = 15 * 60_000;
export const CHECKOUT_RETURN_PATH = '/billing/return';

export interface CheckoutDeps {
  payments: Payments | null;
  publicUrl: string;
  clock: () => Date;
  logger: AppLogger;
}

export interface CheckoutStart {
  tenant: Tenant;
  tenantStore: TenantStore;
  learner: Learner;
  passType: PassType;
  /** A page on one of the tenant's allowed origins to come back to; our own page otherwise. */
  returnUrl: string | null;
}

export interface StartedCheckout {
  checkoutSessionId: string;
  url: string;
  provider: Payments['provider'];
}

function returnUrls(deps: CheckoutDeps, tenant: Tenant, returnUrl: string | null): { success: string; cancel: string } {
  if (returnUrl) {
    const url = new URL(returnUrl);
    if (!tenant.settings.allowedOrigins.includes(url.origin)) {
      throw new AppError('VALIDATION_FAILED', 'returnUrl must be on one of the allowed origins of this site.');
    }
    const withStatus = (status: string) => {
      const copy = new URL(url);
      copy.searchParams.set('checkout', status);
      return copy.toString();
    };
    return { success: withStatus('success'), cancel: withStatus('cancelled') };
  }
  const base = `${deps.publicUrl}${CHECKOUT_RETURN_PATH}`;
  return { success: `${base}?status=success`, cancel: `${base}?status=cancelled` };
}

export async function startCheckout(deps: CheckoutDeps, input: CheckoutStart): Promise<StartedCheckout> {
  const { tenant, tenantStore, learner } = input;
  if (tenant.settings.billingMode !== 'learner-pays') {
    throw new AppError('FORBIDDEN', `${tenant.name} provides passes to its learners; there is nothing to buy.`, {
      details: { billingMode: tenant.settings.billingMode },
    });
  }
  const payments = deps.payments;
  if (!payments) throw new AppError('UNAVAILABLE', 'Passes cannot be bought here yet: payments are not set up.');
  const product = findProduct(tenant, input.passType);
  if (!product) throw new AppError('NOT_FOUND', `This site does not sell a ${input.passType} pass.`);

  const urls = returnUrls(deps, tenant, input.returnUrl);
  // A closed session cannot be paid any more: the next attempt must not get it back.
  const closed = (await tenantStore.purchases.listForLearner(learner.id)).filter((p) => p.status !== 'pending').length;
  const window = Math.floor(deps.clock().getTime() / CHECKOUT_WINDOW_MS);
  const idempotencyKey = `is-checkout-${createHash('sha256')
    .update(JSON.stringify([tenant.id, learner.id, product, urls.success, closed, window]))
    .digest('hex')
    .slice(0, 48)}`;

  let session;
  try {
    session = await payments.createCheckout({ tenant, learner, product, idempotencyKey, successUrl: urls.success, cancelUrl: urls.cancel });
  } catch (error) {
    deps.logger.error({ err: error, provider: payments.provider }, 'could not create a checkout session');
    throw new AppError('UNAVAILABLE', 'The payment page could not be opened. Please try again in a moment.', { cause: error });
  }

  try {
    await tenantStore.purchases.create({
      learnerId: learner.id,
      passType: product.type,
      amount: product.amount,
      currency: product.currency,
      provider: payments.provider,
      checkoutSessionId: session.id,
      status: 'pending',
    });
  } catch (error) {
    // The same session again (double click), or its webhook already recorded it.
    if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
  }
  return { checkoutSessionId: session.id, url: session.url, provider: payments.provider };
}
