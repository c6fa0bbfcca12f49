/** Row <-> record conversions shared by the aggregate modules (SQLite has no booleans or documents). */

export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

export function fromFlag(value: number): boolean {
  return value !== 0;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function toNullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function fromNullableJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/**
 * For `SET column = IIF(@hasX, @x, column)`: a patch field left undefined keeps the column,
 * while an explicit null clears it.
 */
export function patchField<K extends string, V>(
  key: K,
  value: V | undefined,
): Record<`has_${K}`, 0 | 1> & Record<K, V | null> {
  return { [`has_${key}`]: toFlag(value !== undefined), [key]: value ?? null } as Record<`has_${K}`, 0 | 1> &
    Record<K, V | null>;
}
