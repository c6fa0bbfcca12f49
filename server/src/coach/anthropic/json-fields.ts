/**
 * Reads a JSON object as it streams in and reports each top-level member once its value is
 * complete, and each element of a top-level array once that element is complete — so a
 * criterion can be shown while the model is still writing the next one.
 *
 * A small state machine over the characters (strings and escapes, nesting depth, where the
 * current member or element began); a completed slice is handed to `JSON.parse`. Linear in the
 * input. Anything before the opening brace (a stray code fence) or after the closing one is ignored. It only ever
 * reports slices that parse, and never decides validity: the full text is parsed and validated
 * again at the end.
 */

export type JsonField =
  | { kind: 'member'; key: string; value: unknown }
  | { kind: 'element'; key: string; index: number; value: unknown };

interface Frame {
  type: 'object' | 'array';
  /** Start of the current member value / element, or -1 while waiting for one. */
  itemStart: number;
  /** Objects: the key of the current member; arrays: the key of the member holding them. */
  key: string | null;
  expectingKey: boolean;
  index: number;
}

export interface JsonFieldReader {
  push(chunk: string): void;
  /** Everything pushed so far. */
  readonly text: string;
}

export function createJsonFieldReader(onField: (field: JsonField) => void): JsonFieldReader {
  let text = '';
  let pos = 0;
  const stack: Frame[] = [];
  let inString = false;
  let escaped = false;
  let keyStart = -1;
  let finished = false;

  function parse(slice: string): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: JSON.parse(slice) };
    } catch {
      return { ok: false };
    }
  }

  /** The value that began at `frame.itemStart` ended just before `end`. */
  function endItem(frame: Frame, depth: number, end: number): void {
    if (frame.itemStart >= 0) {
      const slice = text.slice(frame.itemStart, end);
      if (depth === 1 && frame.key !== null) {
        const parsed = parse(slice);
        if (parsed.ok) onField({ kind: 'member', key: frame.key, value: parsed.value });
      } else if (depth === 2 && frame.type === 'array' && frame.key !== null) {
        const parsed = parse(slice);
        if (parsed.ok) onField({ kind: 'element', key: frame.key, index: frame.index, value: parsed.value });
      }
      if (frame.type === 'array') frame.index++;
    }
    frame.itemStart = -1;
    if (frame.type === 'object') frame.expectingKey = true;
  }

  function markValueStart(at: number): void {
    const top = stack[stack.length - 1];
    if (top && top.itemStart < 0 && !(top.type === 'object' && top.expectingKey)) top.itemStart = at;
  }

  function step(c: string, at: number): void {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        if (keyStart >= 0) {
          const top = stack[stack.length - 1]!;
          const parsed = parse(text.slice(keyStart, at + 1));
          top.key = parsed.ok && typeof parsed.value === 'string' ? parsed.value : null;
          keyStart = -1;
        }
      }
      return;
    }
    if (stack.length === 0) {
      if (c === '{' && !finished) stack.push({ type: 'object', itemStart: -1, key: null, expectingKey: true, index: 0 });
      return;
    }
    const top = stack[stack.length - 1]!;
    switch (c) {
      case '"':
        inString = true;
        if (top.type === 'object' && top.expectingKey) keyStart = at;
        else markValueStart(at);
        return;
      case ':':
        if (top.type === 'object') top.expectingKey = false;
        return;
      case ',':
        endItem(top, stack.length, at);
        return;
      case '{':
      case '[': {
        markValueStart(at);
        // An array that is a top-level member reports its elements under the member's key.
        const key = stack.length === 1 && c === '[' ? top.key : null;
        stack.push({ type: c === '{' ? 'object' : 'array', itemStart: -1, key, expectingKey: c === '{', index: 0 });
        return;
      }
      case '}':
      case ']':
        endItem(top, stack.length, at);
        stack.pop();
        finished = stack.length === 0;
        return;
      case ' ':
      case '\n':
      case '\r':
      case '\t':
        return;
      default:
        markValueStart(at);
    }
  }

  return {
    push(chunk: string) {
      text += chunk;
      for (; pos < text.length; pos++) step(text[pos]!, pos);
    },
    get text() {
      return text;
    },
  };
}
