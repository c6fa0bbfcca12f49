import type { Tenant } from '../../store/records.js';
import { router, tenantProcedure } from '../init.js';

/** What a browser holding the publishable key may know about the tenant. */
export function publicTenantConfig(tenant: Tenant) {
  const { branding, guestAccess, minimumAge, billingMode } = tenant.settings;
  return { tenantId: tenant.id, name: tenant.name, branding, guestAccess, minimumAge, billingMode };
}

export const tenantRouter = router({
  config: tenantProcedure.query(({ ctx }) => publicTenantConfig(ctx.tenant)),
});
