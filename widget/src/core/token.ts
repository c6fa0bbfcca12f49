/**
 * Where the widget's learner token comes from, and when to ask for a new one.
 *
 * Three sources, in order: a `getToken()` callback the host page provides (called again a
 * minute before the token expires, and when the server answers UNAUTHENTICATED), a fixed
 * `token` attribute (the host replaces it through `setToken()`), or, where the tenant allows
 * it, a guest token from `learner.startGuest`, kept in localStorage per tenant and renewed
 * through `learner.refreshGuestToken` well before it runs out.
 */

/** Why the widget is asking the host page for a token. */
export type TokenRequestReason = 'initial' | 'expiring' | 'rejected';

/** The host page's token callback. Return null when nobody is signed in. */
export type GetToken = (request: { reason: TokenRequestReason }) => string | null | undefined | Promise<string | null | undefined>;

/** Asks for a new token this long before the current one expires. */
export const RENEW_BEFORE_MS = 60_000;
/** Guest tokens live for weeks; renew them once they have less than this left. */
export const GUEST_RENEW_BEFORE_MS = 7 * 86_400_000;

/** The `exp` of a JWT in epoch milliseconds, or null when the token is not a readable JWT. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

interface StoredGuest {
  token: string;
  expiresAt: string;
}

/** The guest-token calls of the API (kept narrow so this file does not need the whole API). */
export interface GuestApi {
  startGuest(): Promise<{ token: string; expiresAt: string }>;
  /** Renews the given (still valid) guest token. */
  refreshGuestToken(token: string): Promise<{ token: string; expiresAt: string }>;
}

/** Reads and writes one tenant's guest token; storage failures (private mode, quotas) are not fatal. */
export class GuestTokenStore {
  readonly key: string;
  constructor(tenantId: string, private readonly storage: Storage | null = safeLocalStorage()) {
    this.key = `interview-studio:guest:${tenantId}`;
  }

  /**
   * What this browser learned about a publishable key last time: its tenant, and whether that
   * tenant takes guests (so a guest can be started, or not, before asking again).
   */
  static tenantOf(publishableKey: string, storage: Storage | null = safeLocalStorage()): { tenantId: string; guests: boolean } | null {
    try {
      const raw = storage?.getItem(`interview-studio:tenant:${publishableKey}`);
      const value = raw ? (JSON.parse(raw) as { tenantId?: unknown; guests?: unknown }) : null;
      return value && typeof value.tenantId === 'string' ? { tenantId: value.tenantId, guests: value.guests === true } : null;
    } catch {
      return null;
    }
  }

  static rememberTenant(publishableKey: string, tenant: { tenantId: string; guests: boolean }, storage: Storage | null = safeLocalStorage()): void {
    try {
      storage?.setItem(`interview-studio:tenant:${publishableKey}`, JSON.stringify(tenant));
    } catch {
      // see write()
    }
  }

  read(): StoredGuest | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const value = JSON.parse(raw) as Partial<StoredGuest>;
      return typeof value.token === 'string' && typeof value.expiresAt === 'string' ? { token: value.token, expiresAt: value.expiresAt } : null;
    } catch {
      return null;
    }
  }

  write(value: StoredGuest): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(value));
    } catch {
      // Without storage the guest simply starts afresh next time.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // see write()
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface TokenSourceOptions {
  /** The fixed token (attribute or `setToken`), read each time. */
  fixedToken(): string | null;
  /** The host page's callback, read each time. */
  getToken(): GetToken | null;
  now?: () => number;
}

/**
 * Hands out the current learner token. `current()` is called before every request (the SDK's
 * `getToken`); `renew()` after the server refused a token.
 */
export class TokenSource {
  private cached: { token: string; expiresAt: number | null } | null = null;
  private pending: Promise<string | null> | null = null;
  private guest: { store: GuestTokenStore; api: GuestApi } | null = null;
  /** Set by `drop()`: no token until the host gives a new one. */
  private dropped = false;
  private readonly now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Which source provides tokens now. */
  get kind(): 'callback' | 'fixed' | 'guest' | 'none' {
    if (this.options.getToken()) return 'callback';
    if (this.options.fixedToken()) return 'fixed';
    return this.guest ? 'guest' : 'none';
  }

  /** Lets guests in: called once the tenant says it allows them and no other source exists. */
  useGuest(store: GuestTokenStore, api: GuestApi): void {
    this.guest = { store, api };
  }

  /** Forgets the cached token (after `setToken`, or when the host swaps its callback). */
  reset(): void {
    this.cached = null;
    this.pending = null;
    this.dropped = false;
  }

  /**
   * Stops handing out tokens: the account was deleted, or its learner is under the minimum
   * age. A guest's stored token is forgotten too, so this browser keeps nothing of them.
   */
  drop(): void {
    this.cached = null;
    this.pending = null;
    this.guest?.store.clear();
    this.guest = null;
    this.dropped = true;
  }

  async current(): Promise<string | null> {
    if (this.dropped) return null;
    const getToken = this.options.getToken();
    if (getToken) {
      const cached = this.cached;
      if (cached && (cached.expiresAt === null || cached.expiresAt - this.now() > RENEW_BEFORE_MS)) return cached.token;
      return this.ask(getToken, cached ? 'expiring' : 'initial');
    }
    const fixed = this.options.fixedToken();
    if (fixed) return fixed;
    if (this.guest) return this.guestToken();
    return null;
  }

  /**
   * Gets a different token after the server refused the current one. True when there is a new
   * token worth retrying with; false when the host must step in (`is-token-expired`).
   */
  async renew(): Promise<boolean> {
    if (this.dropped) return false;
    const refused = this.cached?.token ?? this.options.fixedToken();
    const getToken = this.options.getToken();
    if (getToken) {
      this.cached = null;
      const token = await this.ask(getToken, 'rejected');
      return token !== null && token !== refused;
    }
    if (this.options.fixedToken()) return false;
    if (this.guest) {
      // A refused guest token cannot renew itself: start a new guest.
      this.guest.store.clear();
      this.cached = null;
      return (await this.guestToken()) !== null;
    }
    return false;
  }

  private ask(getToken: GetToken, reason: TokenRequestReason): Promise<string | null> {
    this.pending ??= (async () => {
      try {
        const token = await getToken({ reason });
        if (typeof token !== 'string' || token.length === 0) {
          this.cached = null;
          return null;
        }
        this.cached = { token, expiresAt: tokenExpiry(token) };
        return token;
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }

  private async guestToken(): Promise<string | null> {
    const guest = this.guest!;
    const stored = guest.store.read();
    const left = stored ? Date.parse(stored.expiresAt) - this.now() : -1;
    if (stored && left > GUEST_RENEW_BEFORE_MS) return stored.token;
    if (this.pending) return stored && left > 0 ? stored.token : this.pending;
    // The guest calls carry their token themselves, so they never come back here.
    this.pending = (async () => {
      try {
        const fresh = stored && left > 0 ? await this.refreshOrRestart(guest, stored.token) : await guest.api.startGuest();
        guest.store.write({ token: fresh.token, expiresAt: fresh.expiresAt });
        return fresh.token;
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }

  /**
   * Renews a guest token. A guest who never confirmed their age has no account, so the server
   * will not renew their token (AGE_CONFIRMATION_REQUIRED): nothing is lost by starting afresh.
   */
  private async refreshOrRestart(guest: { api: GuestApi }, token: string): Promise<{ token: string; expiresAt: string }> {
    try {
      return await guest.api.refreshGuestToken(token);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== 'AGE_CONFIRMATION_REQUIRED') throw error;
      return guest.api.startGuest();
    }
  }
}
