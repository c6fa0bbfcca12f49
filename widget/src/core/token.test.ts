import { describe, expect, it, vi } from 'vitest';
import { GuestTokenStore, GUEST_RENEW_BEFORE_MS, RENEW_BEFORE_MS, TokenSource, tokenExpiry, type GetToken } from './token.js';

let serial = 0;
function jwt(expSeconds: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256' })}.${encode({ sub: 'x', exp: expSeconds, jti: ++serial })}.sig`;
}

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('tokenExpiry', () => {
  it('reads exp from a JWT, null from anything else', () => {
    expect(tokenExpiry(jwt(1_800_000_000))).toBe(1_800_000_000_000);
    expect(tokenExpiry('opaque')).toBeNull();
    expect(tokenExpiry('a.!!!.c')).toBeNull();
  });
});

describe('TokenSource with getToken', () => {
  it('asks once, reuses the token, asks again a minute before expiry, and after a refusal', async () => {
    let now = 1_000_000_000_000;
    const issued: string[] = [];
    const getToken = vi.fn<GetToken>(() => {
      const token = jwt(Math.floor(now / 1000) + 600);
      issued.push(token);
      return token;
    });
    const source = new TokenSource({ fixedToken: () => null, getToken: () => getToken, now: () => now });
    expect(source.kind).toBe('callback');
    const first = await source.current();
    expect(await source.current()).toBe(first);
    now += 600_000 - RENEW_BEFORE_MS + 1;
    await source.current();
    expect(await source.renew()).toBe(true);
    expect(getToken.mock.calls.map((c) => c[0].reason)).toEqual(['initial', 'expiring', 'rejected']);
  });

  it('shares one call between concurrent requests', async () => {
    let resolve: (t: string) => void = () => undefined;
    const getToken = vi.fn<GetToken>(() => new Promise<string>((r) => (resolve = r)));
    const source = new TokenSource({ fixedToken: () => null, getToken: () => getToken });
    const both = Promise.all([source.current(), source.current()]);
    resolve('tok');
    expect(await both).toEqual(['tok', 'tok']);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it('reports no new token when getToken returns the refused one or nothing', async () => {
    const source = new TokenSource({ fixedToken: () => null, getToken: () => () => null });
    expect(await source.current()).toBeNull();
    expect(await source.renew()).toBe(false);
  });
});

describe('TokenSource with a fixed token', () => {
  it('uses it as given and cannot renew it', async () => {
    const source = new TokenSource({ fixedToken: () => 'fixed', getToken: () => null });
    expect(source.kind).toBe('fixed');
    expect(await source.current()).toBe('fixed');
    expect(await source.renew()).toBe(false);
  });
});

describe('TokenSource for guests', () => {
  it('starts a guest once, keeps the token per tenant, renews it in good time, restarts after a refusal', async () => {
    let now = Date.parse('2026-11-27T00:00:00Z');
    const storage = memoryStorage();
    const store = new GuestTokenStore('ten_1', storage);
    const api = {
      startGuest: vi.fn(async () => ({ token: `g${api.startGuest.mock.calls.length}`, expiresAt: new Date(now + 30 * 86_400_000).toISOString() })),
      refreshGuestToken: vi.fn(async (old: string) => ({ token: `${old}-r`, expiresAt: new Date(now + 30 * 86_400_000).toISOString() })),
    };
    const source = new TokenSource({ fixedToken: () => null, getToken: () => null, now: () => now });
    expect(source.kind).toBe('none');
    source.useGuest(store, api);
    expect(source.kind).toBe('guest');
    expect(await Promise.all([source.current(), source.current()])).toEqual(['g1', 'g1']);
    expect(api.startGuest).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.getItem('interview-studio:guest:ten_1')!).token).toBe('g1');

    now += 30 * 86_400_000 - GUEST_RENEW_BEFORE_MS + 1;
    expect(await source.current()).toBe('g1-r');
    expect(api.refreshGuestToken).toHaveBeenCalledWith('g1');

    expect(await source.renew()).toBe(true);
    expect(await source.current()).toBe('g2');
  });

  it('starts afresh when the server will not renew a guest who never confirmed their age', async () => {
    let now = Date.parse('2026-11-27T00:00:00Z');
    const store = new GuestTokenStore('ten_1', memoryStorage());
    store.write({ token: 'unconfirmed', expiresAt: new Date(now + GUEST_RENEW_BEFORE_MS - 1).toISOString() });
    const api = {
      startGuest: vi.fn(async () => ({ token: 'fresh', expiresAt: new Date(now + 30 * 86_400_000).toISOString() })),
      refreshGuestToken: vi.fn(async () => {
        throw Object.assign(new Error('confirm first'), { kind: 'InterviewStudioError', code: 'AGE_CONFIRMATION_REQUIRED' });
      }),
    };
    const source = new TokenSource({ fixedToken: () => null, getToken: () => null, now: () => now });
    source.useGuest(store, api);
    expect(await source.current()).toBe('fresh');
    expect(api.refreshGuestToken).toHaveBeenCalledWith('unconfirmed');
    expect(store.read()?.token).toBe('fresh');
    // Any other refusal is not a reason to drop a guest's progress.
    now += 30 * 86_400_000 - GUEST_RENEW_BEFORE_MS + 1;
    api.refreshGuestToken.mockRejectedValueOnce(Object.assign(new Error('offline'), { code: 'UNAVAILABLE' }));
    await expect(source.current()).rejects.toThrow('offline');
    expect(api.startGuest).toHaveBeenCalledTimes(1);
  });

  it('drops the token for good once the account is gone, forgetting a guest’s stored one', async () => {
    const storage = memoryStorage();
    const store = new GuestTokenStore('ten_1', storage);
    const api = {
      startGuest: vi.fn(async () => ({ token: 'g1', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })),
      refreshGuestToken: vi.fn(),
    };
    const source = new TokenSource({ fixedToken: () => null, getToken: () => null });
    source.useGuest(store, api);
    expect(await source.current()).toBe('g1');
    source.drop();
    expect(storage.getItem('interview-studio:guest:ten_1')).toBeNull();
    expect(await source.current()).toBeNull();
    expect(await source.renew()).toBe(false);
    expect(api.startGuest).toHaveBeenCalledTimes(1);
    // A token the host gives afterwards is used again.
    let fixed: string | null = null;
    const signedIn = new TokenSource({ fixedToken: () => fixed, getToken: () => null });
    signedIn.drop();
    fixed = 'host-token';
    expect(await signedIn.current()).toBeNull();
    signedIn.reset();
    expect(await signedIn.current()).toBe('host-token');
  });

  it('remembers which tenant a publishable key belongs to', () => {
    const storage = memoryStorage();
    expect(GuestTokenStore.tenantOf('pk_1', storage)).toBeNull();
    GuestTokenStore.rememberTenant('pk_1', { tenantId: 'ten_1', guests: true }, storage);
    expect(GuestTokenStore.tenantOf('pk_1', storage)).toEqual({ tenantId: 'ten_1', guests: true });
    storage.setItem('interview-studio:tenant:pk_2', 'not json');
    expect(GuestTokenStore.tenantOf('pk_2', storage)).toBeNull();
  });
});
