/** Public surface of the server package (for the SDK's types, examples and embedding). */
export type { AppRouter } from './trpc/app-router.js';
export { appRouter } from './trpc/app-router.js';
export { buildApp, type BuildOptions, type BuiltApp } from './app.js';
export { loadConfig, ConfigError, type Config } from './config.js';
export { AppError, ErrorCode, errorTable, isAppError, isErrorCode } from './errors.js';
export type * from './store/records.js';
