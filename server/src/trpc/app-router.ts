/** The root router. Clients `import type { AppRouter }` and nothing else from the server. */
import { router } from './init.js';
import { adminRouter } from './routers/admin.js';
import { learnerRouter } from './routers/learner.js';
import { tenantRouter } from './routers/tenant.js';

export const appRouter = router({
  tenant: tenantRouter,
  learner: learnerRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
