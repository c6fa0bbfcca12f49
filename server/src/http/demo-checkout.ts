/**
 * The demo checkout (Payments adapter `demo`): a page titled "Demo checkout — no real payment"
 * that completes a pending purchase through `applyPaymentEvent`, the same grant path as the
 * Stripe webhook. It asks for no card details; the e-mail is only where the receipt goes.
 * Cancel abandons the checkout the way an expired Stripe session does: the purchase becomes
 * `expired` and the page cannot be paid any more (the learner starts a new checkout).
 * Registered only when the demo adapter is active (never in production).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { DemoPayments } from '../billing/demo/demo-payments.js';
import { applyPaymentEvent, type FulfilmentDeps } from '../billing/fulfilment.js';
import { DEFAULT_DURATION_DAYS, findProduct, formatPrice } from '../billing/products.js';
import { formatTime } from '../mail/templates.js';
import type { Pass, Purchase, Tenant } from '../store/records.js';
import type { Store } from '../store/store.js';
import { billingPage, escapeHtml, sendPage } from './billing-pages.js';

export const DEMO_CHECKOUT_TITLE = 'Demo checkout — no real payment';

interface Params {
  tenantId: string;
  sessionId: string;
}

const formSchema = z.object({
  action: z.enum(['pay', 'cancel']),
  email: z.union([z.literal(''), z.email().max(254)]).optional(),
});

const banner = `<p class="demo-banner" role="note">This is a demonstration checkout. No payment is taken and no card details are asked for.</p>`;

function productLine(tenant: Tenant, purchase: Purchase) {
  const product = findProduct(tenant, purchase.passType);
  const days = product?.durationDays ?? DEFAULT_DURATION_DAYS[purchase.passType];
  const name = product?.name ?? `${purchase.passType} pass`;
  return { name, days, price: formatPrice(purchase.amount, purchase.currency, tenant.settings.branding.locale) };
}

function checkoutPage(tenant: Tenant, purchase: Purchase, email: string, error: string | null): string {
  const { name, days, price } = productLine(tenant, purchase);
  const brand = escapeHtml(tenant.settings.branding.productName);
  return billingPage(
    DEMO_CHECKOUT_TITLE,
    `${banner}
<div class="card">
<h1>${escapeHtml(DEMO_CHECKOUT_TITLE)}</h1>
<dl>
<dt>Seller</dt><dd>${brand}</dd>
<dt>Item</dt><dd>${escapeHtml(name)} (${days} ${days === 1 ? 'day' : 'days'})</dd>
<dt>Price</dt><dd>${escapeHtml(price)} <span class="hint">(not charged)</span></dd>
</dl>
<form method="post">
<label for="email">E-mail for your receipt (optional)</label>
<input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(email)}" aria-describedby="email-hint${error ? ' email-error' : ''}">
<p class="hint" id="email-hint">The receipt goes to the outbox of this demo server; nothing is really sent.</p>
${error ? `<p class="error" id="email-error" role="alert">${escapeHtml(error)}</p>` : ''}
<div class="actions">
<button class="pay" type="submit" name="action" value="pay">Complete demo purchase</button>
<button class="cancel" type="submit" name="action" value="cancel">Cancel</button>
</div>
</form>
</div>`,
  );
}

function donePage(tenant: Tenant, purchase: Purchase, pass: Pass | null): string {
  const { name } = productLine(tenant, purchase);
  const locale = tenant.settings.branding.locale;
  const status =
    purchase.status === 'paid'
      ? `<p>Your ${escapeHtml(name.toLowerCase())} is ${pass && Date.parse(pass.startsAt) > Date.parse(purchase.updatedAt) + 60_000 ? `queued: it starts on ${escapeHtml(formatTime(pass.startsAt, locale))} and` : 'active and'} lasts until ${escapeHtml(pass ? formatTime(pass.expiresAt, locale) : '—')}.</p>`
      : `<p>This purchase is ${escapeHtml(purchase.status)}.</p>`;
  return billingPage(
    `${DEMO_CHECKOUT_TITLE}: complete`,
    `${banner}
<div class="card">
<h1>Demo purchase complete</h1>
${status}
<p>You can close this window and return to ${escapeHtml(tenant.settings.branding.productName)}: it updates by itself.</p>
</div>`,
  );
}

const cancelledPage = () =>
  billingPage(
    DEMO_CHECKOUT_TITLE,
    `${banner}<div class="card"><h1>Checkout cancelled</h1><p>Nothing was bought. You can close this window; to buy a pass, start again from the practice page.</p></div>`,
  );

/** What a checkout that is no longer pending shows. */
const closedPage = (tenant: Tenant, purchase: Purchase, pass: Pass | null) =>
  purchase.status === 'expired' ? cancelledPage() : donePage(tenant, purchase, pass);

export async function registerDemoCheckout(
  app: FastifyInstance,
  deps: { payments: DemoPayments; fulfilment: FulfilmentDeps; store: Store },
): Promise<void> {
  const { store } = deps;

  async function load(params: Params, reply: FastifyReply) {
    const tenant = await store.getTenant(params.tenantId);
    const purchase = tenant ? await store.forTenant(tenant.id).purchases.getByCheckoutSession(params.sessionId) : null;
    if (!tenant || !purchase || purchase.provider !== 'demo') {
      sendPage(reply, 404, billingPage(DEMO_CHECKOUT_TITLE, `${banner}<div class="card"><h1>Checkout not found</h1><p>This checkout link is not valid. Start again from the practice page.</p></div>`));
      return null;
    }
    return { tenant, purchase };
  }

  async function passOf(tenant: Tenant, purchase: Purchase): Promise<Pass | null> {
    if (!purchase.learnerId) return null;
    return (await store.forTenant(tenant.id).passes.listForLearner(purchase.learnerId)).find((p) => p.purchaseId === purchase.id) ?? null;
  }

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    scope.get<{ Params: Params }>('/demo/checkout/:tenantId/:sessionId', async (request, reply) => {
      const found = await load(request.params, reply);
      if (!found) return reply;
      const { tenant, purchase } = found;
      if (purchase.status !== 'pending') return sendPage(reply, 200, closedPage(tenant, purchase, await passOf(tenant, purchase)));
      const learner = purchase.learnerId ? await store.forTenant(tenant.id).learners.get(purchase.learnerId) : null;
      return sendPage(reply, 200, checkoutPage(tenant, purchase, learner?.email ?? '', null));
    });

    scope.post<{ Params: Params }>('/demo/checkout/:tenantId/:sessionId', async (request, reply) => {
      const found = await load(request.params, reply);
      if (!found) return reply;
      const { tenant, purchase } = found;
      // An abandoned checkout stays closed, as an expired Stripe session cannot be paid.
      if (purchase.status === 'expired') return sendPage(reply, 200, cancelledPage());
      const form = formSchema.safeParse(request.body ?? {});
      if (!form.success) {
        const email = typeof (request.body as { email?: unknown })?.email === 'string' ? (request.body as { email: string }).email : '';
        return sendPage(reply, 400, checkoutPage(tenant, purchase, email, 'Please enter a valid e-mail address, or leave it empty.'));
      }
      if (form.data.action === 'cancel') {
        // Never downgrades: cancelling a checkout that was paid meanwhile changes nothing.
        const report = await applyPaymentEvent(deps.fulfilment, deps.payments.abandonment(purchase));
        const current = report.purchase ?? purchase;
        return sendPage(reply, 200, closedPage(tenant, current, await passOf(tenant, current)));
      }
      const passDays = findProduct(tenant, purchase.passType)?.durationDays ?? DEFAULT_DURATION_DAYS[purchase.passType];
      const report = await applyPaymentEvent(
        deps.fulfilment,
        deps.payments.completion(purchase, { customerEmail: form.data.email || null, passDays }),
      );
      const current = report.purchase ?? purchase;
      return sendPage(reply, 200, donePage(tenant, current, report.pass ?? (await passOf(tenant, current))));
    });
  });
}
