/**
 * The English table, in two halves so the first render carries only what it shows:
 * `en-core.ts` (shell, home, errors) ships with the root; `en-views.ts` registers itself when
 * the first other view loads. Keys ending in `.one` / `.other` are plural forms; `{name}` is a
 * placeholder. Every other locale must have every key (the `Messages` type checks it).
 */
import type { enCore } from './en-core.js';
import type { enViews } from './en-views.js';

export type MessageKey = keyof typeof enCore | keyof typeof enViews;
export type Messages = Record<MessageKey, string>;
