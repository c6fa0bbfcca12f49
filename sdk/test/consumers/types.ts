// A TypeScript user (strict), type-checked only. Every @ts-expect-error must be needed, so
// tsc fails if a wrong call stops being a type error.
import {
  createInterviewStudioClient,
  ErrorCode,
  getErrorCode,
  isInterviewStudioError,
  type InterviewStudioClient,
  type RouterInputs,
  type RouterOutputs,
} from '@interview-studio/sdk';

const admin: InterviewStudioClient = createInterviewStudioClient({ url: 'http://localhost:3000', secretKey: 'sk_x' });
const learner = createInterviewStudioClient({ url: 'http://localhost:3000', publishableKey: 'pk_x', getToken: async () => null });

export async function typedCalls(): Promise<void> {
  const minted = await admin.admin.learners.createToken.mutate({ externalId: 'x', ttlSeconds: 600 });
  const token: string = minted.token;
  const expiresAt: string = minted.expiresAt;

  const me: RouterOutputs['learner']['me'] = await learner.learner.me.query();
  const externalId: string = me.learner.externalId;
  const keys = await admin.admin.keys.list.query();
  const kinds: ('publishable' | 'secret')[] = keys.map((key) => key.kind);
  const input: RouterInputs['admin']['learners']['createToken'] = { externalId: 'y', email: 'y@example.com' };
  void [token, expiresAt, externalId, kinds, input];

  // @ts-expect-error externalId is required
  await admin.admin.learners.createToken.mutate({});
  // @ts-expect-error externalId is a string
  await admin.admin.learners.createToken.mutate({ externalId: 42 });
  // @ts-expect-error the token is a string
  const wrong: number = minted.token;
  // @ts-expect-error no such procedure
  await admin.admin.learners.deleteEverything.mutate();
  // @ts-expect-error a query is not a mutation
  await learner.learner.me.mutate();
  void wrong;
}

export function options(): void {
  // @ts-expect-error unknown option
  createInterviewStudioClient({ url: 'http://localhost:3000', publishableKey: 'pk_x', apiKey: 'pk_x' });
  // @ts-expect-error url is required
  createInterviewStudioClient({ publishableKey: 'pk_x' });
}

export function errors(error: unknown): ErrorCode | null {
  if (isInterviewStudioError(error)) {
    const status: number | null = error.httpStatus;
    const issues: { path: string; message: string }[] | undefined = error.issues;
    void [status, issues];
    if (error.code === ErrorCode.PASS_REQUIRED) return error.code;
  }
  const code = getErrorCode(error);
  // @ts-expect-error not one of the codes
  if (code === 'TEAPOT') return null;
  return code;
}
