/**
 * Tenant settings: the schema that validates them (admin updates, the CLI) and the defaults a
 * new tenant starts with.
 */
import { z } from 'zod';
import { billingModes, type TenantSettings } from '../store/records.js';
import { defaultPassProducts, passProductsSchema } from '../billing/products.js';
import { defaultPrivacySettings, tenantPrivacySettingsSchema } from '../privacy/settings.js';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour');

/** An origin is scheme://host[:port] with nothing after it, as browsers send it. */
export const originSchema = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://careers.example.edu (no path or trailing slash)');

export const brandingSchema = z.strictObject({
  productName: z.string().trim().min(1).max(80),
  logoUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  primaryColor: hexColor,
  accentColor: hexColor.nullable(),
  backgroundColor: hexColor.nullable(),
  textColor: hexColor.nullable(),
  fontFamily: z.string().max(200).regex(/^[\w\s,'"-]+$/, 'letters, spaces, commas and quotes only').nullable(),
  radius: z.number().int().min(0).max(32),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a locale such as en or fr-FR'),
  copy: z.record(z.string().max(80), z.string().max(500)).refine((r) => Object.keys(r).length <= 200, 'at most 200 overrides'),
});

export const tenantSettingsSchema = z.strictObject({
  branding: brandingSchema,
  allowedOrigins: z.array(originSchema).max(50),
  billingMode: z.enum(billingModes),
  freeTier: z.strictObject({
    questionSetsPerMonth: z.number().int().min(0).max(10_000),
    feedbackPerMonth: z.number().int().min(0).max(100_000),
  }),
  ai: z.strictObject({
    feedbackModel: z.string().min(1).max(100).nullable(),
    questionModel: z.string().min(1).max(100).nullable(),
    monthlyTokenBudget: z.number().int().positive().nullable(),
  }),
  guestAccess: z.boolean(),
  clerkOrganizationId: z.string().min(1).max(100).nullable(),
  minimumAge: z.number().int().min(13).max(21),
  passProducts: passProductsSchema,
  privacy: tenantPrivacySettingsSchema,
}) satisfies z.ZodType<TenantSettings>;

export function defaultTenantSettings(name: string, allowedOrigins: string[]): TenantSettings {
  return {
    branding: {
      productName: `${name} Interview Studio`.slice(0, 80),
      logoUrl: null,
      primaryColor: '#1d4ed8',
      accentColor: null,
      backgroundColor: null,
      textColor: null,
      fontFamily: null,
      radius: 8,
      locale: 'en',
      copy: {},
    },
    allowedOrigins,
    billingMode: 'learner-pays',
    freeTier: { questionSetsPerMonth: 3, feedbackPerMonth: 10 },
    ai: { feedbackModel: null, questionModel: null, monthlyTokenBudget: null },
    guestAccess: false,
    clerkOrganizationId: null,
    minimumAge: 16,
    passProducts: defaultPassProducts(),
    privacy: defaultPrivacySettings(),
  };
}
