import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { silentLogger } from '../mail/testing.js';
import { isMailDeliveryError } from '../mail/mailer.js';
import { createOutboxMailer } from '../mail/outbox-mailer.js';
import { selectMailer } from '../mail/select-mailer.js';
import { selectPayments } from './services.js';

const base = { TOKEN_SIGNING_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://studio.example.com' };
const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)];
  }
};

describe('billing configuration', () => {
  it('Stripe keys come both or neither, in their own formats', () => {
    expect(problems({ STRIPE_SECRET_KEY: 'sk_test_1' })[0]).toMatch(/set both .* or neither/);
    expect(problems({ STRIPE_WEBHOOK_SECRET: 'whsec_1' })[0]).toMatch(/set both/);
    expect(problems({ STRIPE_SECRET_KEY: 'pk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' })[0]).toMatch(/^STRIPE_SECRET_KEY: /);
    expect(problems({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'secret' })[0]).toMatch(/^STRIPE_WEBHOOK_SECRET: /);
    expect(loadConfig({ STRIPE_SECRET_KEY: 'rk_live_1', STRIPE_WEBHOOK_SECRET: 'whsec_1', STRIPE_API_PORT: '12111', STRIPE_API_PROTOCOL: 'http' }).stripe).toEqual({
      secretKey: 'rk_live_1',
      webhookSecret: 'whsec_1',
      api: { port: 12111, protocol: 'http' },
    });
  });

  it('SMTP_URL is smtp:// or smtps://; production with SMTP needs MAIL_FROM', () => {
    expect(problems({ SMTP_URL: 'http://mail.example.com' })[0]).toMatch(/^SMTP_URL: /);
    expect(problems({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@mail.example.com:465' })[0]).toMatch(/^MAIL_FROM: /);
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example.com:587', MAIL_FROM: 'Studio <studio@example.com>' }).mail).toEqual({
      smtpUrl: 'smtp://mail.example.com:587',
      from: 'Studio <studio@example.com>',
    });
  });

  it('adapters: Stripe with keys; the demo checkout without; nothing to buy in production without', () => {
    const logger = silentLogger();
    expect(selectPayments(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }), logger)?.provider).toBe('stripe');
    expect(selectPayments(loadConfig({}), logger)?.provider).toBe('demo');
    expect(selectPayments(loadConfig({ ...base, NODE_ENV: 'production' }), logger)).toBeNull();
    expect(selectMailer(loadConfig({}), logger).kind).toBe('outbox');
    expect(selectMailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }), logger).kind).toBe('smtp');
  });

  it('without SMTP in production the outbox refuses (a final failure) instead of claiming it sent', async () => {
    const message = { from: { name: 'S', address: 's@example.com' }, to: 'a@example.com', subject: 'x', text: 'x', html: 'x', messageId: '<m@x>', meta: { outboxEmailId: 'eml_1', tenantId: 'ten_1', kind: 'receipt' } };
    await expect(createOutboxMailer(silentLogger(), { mode: 'log' }).send(message)).resolves.toBeUndefined();
    const refused = await createOutboxMailer(silentLogger(), { mode: 'refuse' }).send(message).catch((e: unknown) => e);
    expect(isMailDeliveryError(refused) && !refused.retryable).toBe(true);
  });
});
