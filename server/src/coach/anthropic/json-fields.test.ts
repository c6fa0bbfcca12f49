import { describe, expect, it } from 'vitest';
import { createJsonFieldReader, type JsonField } from './json-fields.js';

function read(chunks: string[]): JsonField[] {
  const fields: JsonField[] = [];
  const reader = createJsonFieldReader((f) => fields.push(f));
  for (const c of chunks) reader.push(c);
  return fields;
}

/** Every split of the text into single characters, plus awkward fixed-size chunks. */
function splits(text: string): string[][] {
  const sizes = [1, 2, 3, 7, 13, text.length];
  return sizes.map((n) => Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, i * n + n)));
}

const doc = {
  criteria: [
    { criterion: 'structure', score: 4, reason: 'Clear "STAR" {shape}, with [brackets], commas', evidence: ['I led', 'a \\ back\\slash'] },
    { criterion: 'relevance', score: 3, reason: 'Ok', evidence: [] },
  ],
  overallScore: 72,
  strengths: ['Named the result: 30% faster'],
  improvements: [],
  outline: ['Situation', 'Task'],
  nested: { deep: [1, { x: '}' }] },
};

describe('createJsonFieldReader', () => {
  it('reports each array element and each top-level member once complete, whatever the chunking', () => {
    const text = JSON.stringify(doc, null, 2);
    for (const chunks of splits(text)) {
      const fields = read(chunks);
      expect(fields.filter((f) => f.kind === 'element' && f.key === 'criteria').map((f) => (f as { value: unknown }).value)).toEqual(doc.criteria);
      const members = Object.fromEntries(fields.filter((f) => f.kind === 'member').map((f) => [f.key, f.value]));
      expect(members).toEqual(doc);
      expect(fields.filter((f) => f.kind === 'element' && f.key === 'outline')).toEqual([
        { kind: 'element', key: 'outline', index: 0, value: 'Situation' },
        { kind: 'element', key: 'outline', index: 1, value: 'Task' },
      ]);
    }
  });

  it('reports a criterion before the rest of the object has arrived', () => {
    const text = JSON.stringify(doc);
    const cut = text.indexOf('{"criterion":"relevance"');
    const fields = read([text.slice(0, cut)]);
    expect(fields).toEqual([{ kind: 'element', key: 'criteria', index: 0, value: doc.criteria[0] }]);
  });

  it('never reports a number that may still grow', () => {
    expect(read(['{"overallScore": 7'])).toEqual([]);
    expect(read(['{"overallScore": 7', '2}'])).toEqual([{ kind: 'member', key: 'overallScore', value: 72 }]);
  });

  it('ignores a code fence around the object and anything after it', () => {
    expect(read(['```json\n{"a": 1}\n```', '{"b": 2}'])).toEqual([{ kind: 'member', key: 'a', value: 1 }]);
  });

  it('reports nothing for a slice that does not parse', () => {
    expect(read(['{"a": tru, "b": 2}'])).toEqual([{ kind: 'member', key: 'b', value: 2 }]);
  });
});
