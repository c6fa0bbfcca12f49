/**
 * Finding feedback's evidence quotes in the answer. The coach quotes the answer verbatim after
 * collapsing whitespace, so a quote is matched with any run of whitespace where it has a space;
 * the answer keeps its own line breaks on screen.
 */

export interface Segment {
  text: string;
  /** The criteria quoting this stretch; null for unquoted text. */
  criteria: string[] | null;
}

export interface Quote {
  criterion: string;
  text: string;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where each quote occurs (first occurrence), as [start, end) ranges in `answer`. */
export function findQuote(answer: string, quote: string): [number, number] | null {
  const words = quote.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return null;
  const match = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u').exec(answer);
  return match ? [match.index, match.index + match[0].length] : null;
}

/** The answer cut into plain and quoted stretches, in order; overlapping quotes merge. */
export function highlightSegments(answer: string, quotes: readonly Quote[]): Segment[] {
  const boundaries = new Set<number>([0, answer.length]);
  const ranges: { start: number; end: number; criterion: string }[] = [];
  for (const q of quotes) {
    const found = findQuote(answer, q.text);
    if (!found) continue;
    ranges.push({ start: found[0], end: found[1], criterion: q.criterion });
    boundaries.add(found[0]);
    boundaries.add(found[1]);
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const criteria = [...new Set(ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.criterion))];
    const text = answer.slice(start, end);
    const previous = segments[segments.length - 1];
    const same = previous && (previous.criteria?.join() ?? null) === (criteria.length ? criteria.join() : null);
    if (same) previous.text += text;
    else segments.push({ text, criteria: criteria.length ? criteria : null });
  }
  return segments;
}
