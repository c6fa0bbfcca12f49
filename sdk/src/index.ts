/**
 * `@interview-studio/sdk`: a typed client for the Interview Studio API, for browsers and Node
 * (ESM and CommonJS). Everything public is exported here; a change to this list is a change to
 * the package's API (see the exports snapshot in `test/consumers.test.ts`).
 */
export { createInterviewStudioClient, type InterviewStudioClient } from './client.js';
export type { EventSourceConstructor, InterviewStudioClientOptions, TokenGetter } from './options.js';
export { ErrorCode, getErrorCode, InterviewStudioError, isInterviewStudioError, type ValidationIssue } from './errors.js';
export type { AppRouter, RouterInputs, RouterOutputs } from './router-types.js';
