/**
 * Pass products: what a tenant sells, validated here and read through `productsOf` so a tenant
 * record written before products existed (or by an older adapter) still has the defaults.
 */
import { z } from 'zod';
import { passTypes, type PassProduct, type PassType, type Tenant } from '../store/records.js';

export const passProductSchema = z.strictObject({
  type: z.enum(passTypes),
  name: z.string().trim().min(1).max(60),
  durationDays: z.number().int().min(1).max(366),
  /** Minor units; Stripe refuses charges below about 0.50 in most currencies. */
  amount: z.number().int().min(1).max(1_000_000),
  currency: z.string().regex(/^[a-z]{3}$/, 'must be a lower-case ISO 4217 code such as gbp'),
  stripePriceId: z.string().regex(/^price_\w+$/, 'must be a Stripe price id (price_…)').nullable(),
}) satisfies z.ZodType<PassProduct>;

export const passProductsSchema = z
  .array(passProductSchema)
  .max(passTypes.length)
  .refine((list) => new Set(list.map((p) => p.type)).size === list.length, 'one product per pass type');

const DEFAULT_PRODUCTS: readonly PassProduct[] = [
  { type: 'day', name: 'Day pass', durationDays: 1, amount: 299, currency: 'gbp', stripePriceId: null },
  { type: 'week', name: 'Week pass', durationDays: 7, amount: 699, currency: 'gbp', stripePriceId: null },
  { type: 'month', name: 'Month pass', durationDays: 30, amount: 1499, currency: 'gbp', stripePriceId: null },
];

export function defaultPassProducts(): PassProduct[] {
  return DEFAULT_PRODUCTS.map((p) => ({ ...p }));
}

export const DEFAULT_DURATION_DAYS: Record<PassType, number> = { day: 1, week: 7, month: 30 };

export function productsOf(tenant: Tenant): PassProduct[] {
  return Array.isArray(tenant.settings.passProducts) ? tenant.settings.passProducts : defaultPassProducts();
}

export function findProduct(tenant: Tenant, type: PassType): PassProduct | null {
  return productsOf(tenant).find((p) => p.type === type) ?? null;
}

/** "£6.99" in the tenant's locale; falls back to "6.99 GBP" for a currency Intl does not know. */
export function formatPrice(amount: number, currency: string, locale: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
    return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}
