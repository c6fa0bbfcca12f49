// The same package seen from a CommonJS TypeScript file: resolves the `require` condition and
// so checks dist/index.d.cts.
import { createInterviewStudioClient, ErrorCode, type InterviewStudioError } from '@interview-studio/sdk';

const client = createInterviewStudioClient({ url: 'http://localhost:3000', publishableKey: 'pk_x' });

export async function me(): Promise<string | null> {
  const result = await client.learner.me.query();
  // @ts-expect-error the learner's id is a string
  const id: number = result.learner.id;
  void id;
  return result.learner.email;
}

export const unauthenticated: InterviewStudioError['code'] = ErrorCode.UNAUTHENTICATED;
