/** The root router. Clients `import type { AppRouter }` and nothing else from the server. */
import { router } from './init.js';
import { adminRouter } from './routers/admin.js';
import { answerRouter } from './routers/answer.js';
import { billingRouter } from './routers/billing.js';
import { learnerRouter } from './routers/learner.js';
import { privacyRouter } from './routers/privacy.js';
import { progressRouter } from './routers/progress.js';
import { sessionRouter } from './routers/session.js';
import { starRouter } from './routers/star.js';
import { tenantRouter } from './routers/tenant.js';

export const appRouter = router({
  tenant: tenantRouter,
  learner: learnerRouter,
  session: sessionRouter,
  answer: answerRouter,
  star: starRouter,
  progress: progressRouter,
  billing: billingRouter,
  privacy: privacyRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
