/**
 * A learner with one of every kind of record, made through the app as a learner would (session,
 * answer with feedback, STAR story) plus what billing and mail write (a pass, a purchase, a
 * queued e-mail). Every text carries `tag`, so a test can search any table or document for it.
 */
import type { AppCaller, TestApp, TestTenant } from '../../test-support/test-app.js';

export interface SeededLearner {
  tag: string;
  externalId: string;
  email: string;
  name: string;
  token: string;
  caller: AppCaller;
  learnerId: string;
  sessionId: string;
  answerId: string;
  answerText: string;
  draftId: string;
  passId: string;
  purchaseId: string;
  emailId: string;
}

export async function seedLearner(t: TestApp, tenant: TestTenant, tag: string, origin?: string): Promise<SeededLearner> {
  const externalId = `student-${tag}`;
  const email = `${tag}@example.edu`;
  const name = `Learner ${tag}`;
  const { token } = await t.caller({ apiKey: tenant.sk }).admin.learners.createToken({ externalId, email, name });
  const caller = t.caller({ apiKey: tenant.pk, bearer: token, ...(origin ? { origin } : {}) });
  const session = await caller.session.create({
    role: `Analyst ${tag}`,
    seniority: 'graduate',
    interviewType: 'behavioural',
    jobDescription: `Job description ${tag}`,
    questionCount: 2,
    mode: 'practice',
  });
  const answerText = `Answer ${tag}: in my placement I led a team of four to rebuild the reporting pipeline, cutting errors by half and saving a day each week.`;
  const { answer } = await caller.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text: answerText });
  await caller.answer.evaluate({ answerId: answer.id });
  const draft = await caller.star.save({
    id: null,
    expectedRevision: 0,
    content: {
      title: `Story ${tag}`,
      competency: 'teamwork',
      situation: `Situation ${tag}`,
      task: `Task ${tag}`,
      action: `Action ${tag}`,
      result: `Result ${tag}`,
      reflection: `Reflection ${tag}`,
    },
  });
  const learnerId = (await caller.learner.me()).learner.id;
  const tenantStore = t.store.forTenant(tenant.tenant.id);
  const now = t.now().getTime();
  const purchase = await tenantStore.purchases.create({
    learnerId,
    passType: 'week',
    amount: 699,
    currency: 'gbp',
    provider: 'demo',
    checkoutSessionId: `cs_${tag}`,
    status: 'paid',
  });
  const pass = await tenantStore.passes.create({
    learnerId,
    type: 'week',
    source: 'purchase',
    startsAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 7 * 86_400_000).toISOString(),
    purchaseId: purchase.id,
  });
  const queued = await tenantStore.outbox.enqueue({
    learnerId,
    dedupeKey: `receipt-${tag}`,
    kind: 'receipt',
    to: email,
    subject: `Receipt for ${name}`,
    text: `Thanks ${name}`,
    html: `<p>Thanks ${name}</p>`,
  });
  return {
    tag,
    externalId,
    email,
    name,
    token,
    caller,
    learnerId,
    sessionId: session.id,
    answerId: answer.id,
    answerText,
    draftId: draft.id,
    passId: pass.id,
    purchaseId: purchase.id,
    emailId: queued.id,
  };
}
