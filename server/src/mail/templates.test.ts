import { describe, expect, it } from 'vitest';
import { tenantSettings } from '../store/contract/harness.js';
import type { Pass, Purchase, Tenant } from '../store/records.js';
import { renderExpiryReminder, renderReceipt } from './templates.js';

const tenant = (branding: Partial<Tenant['settings']['branding']> = {}): Tenant => {
  const settings = tenantSettings();
  return {
    id: 'ten_1',
    name: 'Alpha',
    settings: { ...settings, branding: { ...settings.branding, ...branding } },
    secrets: { anthropicApiKey: null },
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  };
};

const purchase: Purchase = {
  id: 'pur_1',
  tenantId: 'ten_1',
  learnerId: 'lrn_1',
  learnerRef: null,
  passType: 'week',
  amount: 699,
  currency: 'gbp',
  provider: 'stripe',
  checkoutSessionId: 'cs_1',
  paymentRef: 'pi_1',
  status: 'paid',
  createdAt: '2030-03-03T10:00:00.000Z',
  updatedAt: '2030-03-03T10:00:00.000Z',
};

const pass: Pass = {
  id: 'pas_1',
  tenantId: 'ten_1',
  learnerId: 'lrn_1',
  type: 'week',
  source: 'purchase',
  startsAt: '2030-03-03T10:00:00.000Z',
  expiresAt: '2030-03-10T10:00:00.000Z',
  revokedAt: null,
  purchaseId: 'pur_1',
  reminderSentAt: null,
  seat: null,
  createdAt: '2030-03-03T10:00:00.000Z',
};

describe('receipt', () => {
  const receipt = renderReceipt({ tenant: tenant(), purchase, pass, product: { name: 'Week pass', durationDays: 7 } });

  it('states the item, amount, date, reference and pass period in plain text', () => {
    expect(receipt.subject).toBe('Your Careers Practice receipt: Week pass');
    for (const fact of ['Careers Practice', 'Week pass (7 days)', '£6.99', '3 March 2030 at 10:00 UTC', 'pur_1', '10 March 2030 at 10:00 UTC']) {
      expect(receipt.text).toContain(fact);
    }
    expect(receipt.text).not.toMatch(/<[a-z]/i);
  });

  it('is in the tenant brand: product name, colour and logo in the HTML', () => {
    expect(receipt.html).toContain('background:#1a4d8f');
    expect(receipt.html).toContain('<img src="https://example.edu/logo.svg"');
    expect(receipt.html).toContain('Careers Practice');
    expect(receipt.html).toContain('lang="en-GB"');
  });

  it('never mentions card details beyond saying it holds none, and says so for a demo', () => {
    expect(receipt.text).not.toMatch(/\b(visa|mastercard|\*{4}|\d{4} \d{4})\b/i);
    const demo = renderReceipt({ tenant: tenant(), purchase: { ...purchase, provider: 'demo' }, pass, product: { name: 'Week pass', durationDays: 7 } });
    expect(demo.subject.startsWith('[Demo] ')).toBe(true);
    expect(demo.text).toContain('No money was charged');
  });

  it('escapes tenant text in the HTML', () => {
    const hostile = renderReceipt({ tenant: tenant({ productName: '<script>alert(1)</script>' }), purchase, pass, product: { name: 'Week pass', durationDays: 7 } });
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('&lt;script&gt;');
  });

  it('picks readable header text for light and dark brand colours', () => {
    expect(renderReceipt({ tenant: tenant({ primaryColor: '#ffe14d' }), purchase, pass, product: { name: 'Week pass', durationDays: 7 } }).html).toContain('color:#111111;padding:16px 24px');
    expect(receipt.html).toContain('color:#ffffff;padding:16px 24px');
  });

  it('says when the pass is queued behind an active one', () => {
    const queued = renderReceipt({ tenant: tenant(), purchase, pass: { ...pass, startsAt: '2030-03-05T00:00:00.000Z' }, product: { name: 'Week pass', durationDays: 7 } });
    expect(queued.text).toContain('starts when that one ends');
  });
});

describe('expiry reminder', () => {
  it('names the pass and its end, in the brand, with nothing else', () => {
    const reminder = renderExpiryReminder({ tenant: tenant(), pass, product: { name: 'Week pass' } });
    expect(reminder.subject).toBe('Your Careers Practice week pass ends on 10 March 2030 at 10:00 UTC');
    expect(reminder.text).toContain('Your week pass for Careers Practice ends on 10 March 2030 at 10:00 UTC.');
    expect(reminder.html).toContain('background:#1a4d8f');
  });
});
