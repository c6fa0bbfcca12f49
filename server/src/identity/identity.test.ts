/**
 * Who may call what: API keys, learner tokens (valid, invalid, expired, alg:none, cross-tenant,
 * revoked minting key), guests, origins, and Clerk session tokens verified offline.
 */
import { SignJWT, UnsecuredJWT, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appCodeOf, createTestApp, expectAppError as expectCode, ORIGIN_A, ORIGIN_B, type TestApp } from '../test-support/test-app.js';
import { createClerkVerifier } from './clerk.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function mint(tenant = t.a, input: { externalId: string; email?: string; name?: string; ttlSeconds?: number } = { externalId: 'student-1' }) {
  return t.caller({ apiKey: tenant.sk }).admin.learners.createToken(input);
}

describe('API keys', () => {
  it('rejects a missing, malformed or unknown key with UNAUTHENTICATED', async () => {
    await expectCode(t.caller({}).tenant.config(), 'UNAUTHENTICATED');
    await expectCode(t.caller({ apiKey: 'pk_nope' }).tenant.config(), 'UNAUTHENTICATED');
    await expectCode(t.caller({ apiKey: `pk_${'x'.repeat(32)}` }).tenant.config(), 'UNAUTHENTICATED');
  });

  it('accepts a publishable key and tells the browser only public tenant facts', async () => {
    const config = await t.caller({ apiKey: t.a.pk, origin: ORIGIN_A }).tenant.config();
    expect(config.name).toBe('Alpha University');
    expect(config).not.toHaveProperty('allowedOrigins');
    expect(JSON.stringify(config)).not.toContain('clerkOrganizationId');
  });

  it("refuses a publishable key from an origin the tenant has not allowed, even another tenant's", async () => {
    await expectCode(t.caller({ apiKey: t.a.pk, origin: ORIGIN_B }).tenant.config(), 'FORBIDDEN_ORIGIN');
    await expectCode(t.caller({ apiKey: t.a.pk, origin: 'https://evil.example' }).tenant.config(), 'FORBIDDEN_ORIGIN');
  });

  it('refuses a secret key sent from a browser', async () => {
    await expectCode(t.caller({ apiKey: t.a.sk, origin: ORIGIN_A }).admin.keys.list(), 'FORBIDDEN_ORIGIN');
  });

  it('keeps admin calls for the secret key: a publishable key gets FORBIDDEN', async () => {
    await expectCode(t.caller({ apiKey: t.a.pk }).admin.keys.list(), 'FORBIDDEN');
    await expectCode(t.caller({ apiKey: t.a.pk }).admin.learners.createToken({ externalId: 'x' }), 'FORBIDDEN');
  });

  it('rejects a revoked key at once, and revoking writes nothing else', async () => {
    const admin = t.caller({ apiKey: t.a.sk });
    const created = await admin.admin.keys.create({ kind: 'publishable', label: 'temporary' });
    expect((await t.caller({ apiKey: created.key }).tenant.config()).tenantId).toBe(t.a.tenant.id);
    await admin.admin.keys.revoke({ id: created.record.id });
    await expectCode(t.caller({ apiKey: created.key }).tenant.config(), 'UNAUTHENTICATED');
    const keys = await admin.admin.keys.list();
    expect(keys.filter((k) => k.revokedAt !== null).map((k) => k.id)).toEqual([created.record.id]);
  });

  it("cannot revoke another tenant's key", async () => {
    const bKeys = await t.caller({ apiKey: t.b.sk }).admin.keys.list();
    await expectCode(t.caller({ apiKey: t.a.sk }).admin.keys.revoke({ id: bKeys[0]!.id }), 'NOT_FOUND');
    expect((await t.caller({ apiKey: t.b.sk }).admin.keys.list()).every((k) => k.revokedAt === null)).toBe(true);
  });

  it('lists keys by prefix only, never the key or its hash', async () => {
    const keys = await t.caller({ apiKey: t.a.sk }).admin.keys.list();
    const text = JSON.stringify(keys);
    expect(text).not.toContain(t.a.sk);
    expect(text).not.toContain(t.a.pk);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    expect(keys.some((k) => t.a.pk.startsWith(k.prefix))).toBe(true);
  });
});

describe('learner tokens', () => {
  it('creates the learner on first use, with the e-mail and name from the token', async () => {
    const { token } = await mint(t.a, { externalId: 'first-use', email: 'ada@alpha.example', name: 'Ada' });
    expect(await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('first-use')).toBeNull();
    const me = await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me();
    expect(me.learner).toMatchObject({ externalId: 'first-use', email: 'ada@alpha.example', name: 'Ada', guest: false });
    expect(await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('first-use')).not.toBeNull();
  });

  it('rejects a missing, garbled or wrongly signed token', async () => {
    await expectCode(t.caller({ apiKey: t.a.pk }).learner.me(), 'UNAUTHENTICATED');
    await expectCode(t.caller({ apiKey: t.a.pk, bearer: 'not.a.jwt' }).learner.me(), 'UNAUTHENTICATED');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('interview-studio')
      .setAudience(t.a.tenant.id)
      .setSubject('mallory')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a-different-secret-that-is-long-enough!!'));
    await expectCode(t.caller({ apiKey: t.a.pk, bearer: forged }).learner.me(), 'UNAUTHENTICATED');
    expect(await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('mallory')).toBeNull();
  });

  it("rejects alg:none tokens", async () => {
    const unsigned = new UnsecuredJWT({})
      .setIssuer('interview-studio')
      .setAudience(t.a.tenant.id)
      .setSubject('none-alg')
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    await expectCode(t.caller({ apiKey: t.a.pk, bearer: unsigned }).learner.me(), 'UNAUTHENTICATED');
    expect(await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('none-alg')).toBeNull();
  });

  it('rejects an expired token with a reason the widget can act on', async () => {
    const { token } = await mint(t.a, { externalId: 'expiring', ttlSeconds: 60 });
    t.advance(61_000);
    try {
      await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me();
      expect.unreachable();
    } catch (error) {
      expect(appCodeOf(error)).toBe('UNAUTHENTICATED');
      expect((error as { cause: { details: unknown } }).cause.details).toEqual({ reason: 'token-expired' });
    } finally {
      t.advance(-61_000);
    }
  });

  it("rejects tenant A's learner token presented with tenant B's key", async () => {
    const { token } = await mint(t.a, { externalId: 'cross-tenant' });
    await expectCode(t.caller({ apiKey: t.b.pk, bearer: token }).learner.me(), 'UNAUTHENTICATED');
    expect(await t.store.forTenant(t.b.tenant.id).learners.getByExternalId('cross-tenant')).toBeNull();
  });

  it("rejects tenant A's learner token with tenant B's key even after it verified for A", async () => {
    const { token } = await mint(t.a, { externalId: 'verified-for-a' });
    expect((await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me()).learner.externalId).toBe('verified-for-a');
    await expectCode(t.caller({ apiKey: t.b.pk, bearer: token }).learner.me(), 'UNAUTHENTICATED');
    expect(await t.store.forTenant(t.b.tenant.id).learners.getByExternalId('verified-for-a')).toBeNull();
  });

  it('stops tokens minted by a secret key once that key is revoked', async () => {
    const extra = await t.caller({ apiKey: t.a.sk }).admin.keys.create({ kind: 'secret', label: 'backend 2' });
    const { token } = await mint({ ...t.a, sk: extra.key }, { externalId: 'minted-by-extra' });
    expect((await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me()).learner.externalId).toBe('minted-by-extra');
    await t.caller({ apiKey: t.a.sk }).admin.keys.revoke({ id: extra.record.id });
    await expectCode(t.caller({ apiKey: t.a.pk, bearer: token }).learner.me(), 'UNAUTHENTICATED');
  });

  it('validates createToken input strictly and writes nothing on bad input', async () => {
    const admin = t.caller({ apiKey: t.a.sk }).admin.learners;
    await expectCode(admin.createToken({ externalId: '' }), 'VALIDATION_FAILED');
    await expectCode(admin.createToken({ externalId: 'x'.repeat(201) }), 'VALIDATION_FAILED');
    await expectCode(admin.createToken({ externalId: 'guest:sneaky' }), 'VALIDATION_FAILED');
    await expectCode(admin.createToken({ externalId: 'ok', email: 'not-an-email' }), 'VALIDATION_FAILED');
    // @ts-expect-error unknown keys are rejected
    await expectCode(admin.createToken({ externalId: 'ok', role: 'admin' }), 'VALIDATION_FAILED');
    await expectCode(admin.createToken({ externalId: 'ok', ttlSeconds: 10 * 86_400 }), 'VALIDATION_FAILED');
  });
});

describe('guests', () => {
  it('starts a guest where the tenant allows it, and the guest token works', async () => {
    const guest = await t.caller({ apiKey: t.a.pk, origin: ORIGIN_A }).learner.startGuest();
    const me = await t.caller({ apiKey: t.a.pk, origin: ORIGIN_A, bearer: guest.token }).learner.me();
    expect(me.learner.guest).toBe(true);
    const renewed = await t.caller({ apiKey: t.a.pk, bearer: guest.token }).learner.refreshGuestToken();
    expect((await t.caller({ apiKey: t.a.pk, bearer: renewed.token }).learner.me()).learner.id).toBe(me.learner.id);
  });

  it('refuses guests where the tenant does not allow them, creating no learner', async () => {
    const before = await t.store.forTenant(t.b.tenant.id).learners.list({ limit: 100 });
    await expectCode(t.caller({ apiKey: t.b.pk, origin: ORIGIN_B }).learner.startGuest(), 'FORBIDDEN');
    const after = await t.store.forTenant(t.b.tenant.id).learners.list({ limit: 100 });
    expect(after.items.length).toBe(before.items.length);
  });

  it('ends existing guest tokens when the tenant turns guest access off', async () => {
    const guest = await t.caller({ apiKey: t.a.pk }).learner.startGuest();
    const admin = t.caller({ apiKey: t.a.sk }).admin.settings;
    const { settings } = await admin.get();
    await admin.update({ settings: { ...settings, guestAccess: false } });
    try {
      await expectCode(t.caller({ apiKey: t.a.pk, bearer: guest.token }).learner.me(), 'UNAUTHENTICATED');
    } finally {
      await admin.update({ settings: { ...settings, guestAccess: true } });
    }
  });
});

describe('Clerk session tokens (verified offline with a local RSA key)', () => {
  let clerkApp: TestApp;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const ORG = 'org_alpha';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    clerkApp = await createTestApp({ CLERK_JWT_KEY: await exportSPKI(pair.publicKey) });
    const admin = clerkApp.caller({ apiKey: clerkApp.a.sk }).admin.settings;
    const { settings } = await admin.get();
    await admin.update({ settings: { ...settings, clerkOrganizationId: ORG } });
  });
  afterAll(async () => {
    await clerkApp.close();
  });

  async function clerkToken(claims: { sub: string; azp?: string; o?: { id: string; rol: string }; expSeconds?: number }, key = privateKey) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sid: 'sess_1', azp: claims.azp ?? ORIGIN_A, v: 2, ...(claims.o ? { o: claims.o } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: 'ins_test' })
      .setSubject(claims.sub)
      .setIssuer('https://clerk.alpha.example')
      .setIssuedAt(now - 5)
      .setNotBefore(now - 5)
      .setExpirationTime(now + (claims.expSeconds ?? 60))
      .sign(key);
  }

  it('maps a Clerk user to a learner of the tenant', async () => {
    const token = await clerkToken({ sub: 'user_123' });
    const me = await clerkApp.caller({ apiKey: clerkApp.a.pk, origin: ORIGIN_A, bearer: token }).learner.me();
    expect(me.learner.externalId).toBe('clerk:user_123');
  });

  it('rejects a Clerk token for another site (azp), an expired one, or one signed by another key', async () => {
    const caller = (bearer: string) => clerkApp.caller({ apiKey: clerkApp.a.pk, origin: ORIGIN_A, bearer }).learner.me();
    await expectCode(caller(await clerkToken({ sub: 'user_x', azp: 'https://evil.example' })), 'UNAUTHENTICATED');
    await expectCode(caller(await clerkToken({ sub: 'user_x', expSeconds: -30 })), 'UNAUTHENTICATED');
    const other = await generateKeyPair('RS256');
    await expectCode(caller(await clerkToken({ sub: 'user_x' }, other.privateKey)), 'UNAUTHENTICATED');
    expect(await clerkApp.store.forTenant(clerkApp.a.tenant.id).learners.getByExternalId('clerk:user_x')).toBeNull();
  });

  it("makes an admin of the tenant's organisation an admin, and nobody else", async () => {
    const adminToken = await clerkToken({ sub: 'user_admin', o: { id: ORG, rol: 'admin' } });
    const keys = await clerkApp.caller({ apiKey: clerkApp.a.pk, origin: ORIGIN_A, bearer: adminToken }).admin.keys.list();
    expect(keys.length).toBeGreaterThan(0);
    const member = await clerkToken({ sub: 'user_member', o: { id: ORG, rol: 'member' } });
    await expectCode(clerkApp.caller({ apiKey: clerkApp.a.pk, origin: ORIGIN_A, bearer: member }).admin.keys.list(), 'FORBIDDEN');
    const otherOrg = await clerkToken({ sub: 'user_admin2', o: { id: 'org_other', rol: 'admin' } });
    await expectCode(clerkApp.caller({ apiKey: clerkApp.a.pk, origin: ORIGIN_A, bearer: otherOrg }).admin.keys.list(), 'FORBIDDEN');
  });

  it('reads v1 org claims too', async () => {
    const verifier = createClerkVerifier(clerkApp.config.clerkJwtKey!);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: 's', azp: ORIGIN_A, org_id: ORG, org_role: 'org:admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'ins_test' })
      .setSubject('user_v1')
      .setIssuer('https://clerk.alpha.example')
      .setIssuedAt(now - 5)
      .setNotBefore(now - 5)
      .setExpirationTime(now + 60)
      .sign(privateKey);
    expect(await verifier.verify(token, [ORIGIN_A])).toEqual({ userId: 'user_v1', orgId: ORG, orgRole: 'admin', issuedAt: expect.any(Date) });
  });
});
