import { randomBytes } from 'node:crypto';

/** 18 random bytes are exactly 24 base64url characters (144 bits). */
const RANDOM_BYTES = 18;

/** A new record id: `prefix_` plus 24 URL-safe random characters, e.g. `ses_Vb2…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(RANDOM_BYTES).toString('base64url')}`;
}
