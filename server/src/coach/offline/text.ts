/**
 * Small, linear-time text helpers shared by the offline coach: sentence spans that are exact
 * slices of the input, tokens, a crude suffix-stripping stemmer and a stop-word list. English
 * only; good enough for rubric signals, not linguistics.
 */

export interface Span {
  start: number;
  end: number;
}

const CLOSERS = '.!?"\'”’)]';

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029;
}

/**
 * Splits into sentences at `.`, `!` or `?` followed by whitespace, and at line breaks. Each span
 * is trimmed and is an exact slice of `text`, so quotes taken from it are verbatim.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  const push = (end: number): void => {
    let e = end;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > start) spans.push({ start, end: e });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (start < 0) {
      if (!isSpace(code)) start = i;
      else continue;
    }
    if (code === 10 || code === 13) {
      push(i);
      continue;
    }
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?') {
      let j = i + 1;
      while (j < text.length && CLOSERS.includes(text[j]!)) j++;
      if (j >= text.length || isSpace(text.charCodeAt(j))) {
        push(j);
        i = j - 1;
      }
    }
  }
  if (start >= 0) push(text.length);
  return spans;
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Lower-case word tokens ("I'm" stays one token, as "i'm"). */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const normalised = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
  return normalised.match(TOKEN) ?? [];
}

const SUFFIXES = [
  'isations', 'izations', 'isation', 'ization', 'ational', 'ership', 'ements', 'ations', 'ement', 'ments',
  'ation', 'ities', 'ness', 'ment', 'ings', 'ated', 'ates', 'ity', 'ing', 'ies', 'ied', 'ate', 'ers', 'ed', 'er',
  'ly', 'es', 's', 'e',
];

/**
 * Strips one common English suffix (keeping at least three letters), so "disagreed",
 * "disagreement" and "disagree" meet at "disagre". Crude, but consistent: every table the coach
 * compares against is stemmed with this same function.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = computeStem(word);
  // A bounded memo: English has far fewer distinct words than this, so it rarely clears.
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, result);
  return result;
}

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

function computeStem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (w.length <= 3) return w;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      if (suffix === 's' && w.endsWith('ss')) continue;
      w = w.slice(0, w.length - suffix.length);
      if (suffix === 'ies' || suffix === 'ied') w += 'y';
      break;
    }
  }
  return w;
}

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as into onto over under about above after before ' +
    'between through during without within is are was were be been being am do does did doing done have has had having ' +
    'i me my mine myself we us our ours you your yours he him his she her hers they them their it its this that these those ' +
    "i'm i've i'd i'll we're we've it's that's there's don't didn't can't couldn't wouldn't won't isn't wasn't " +
    'what which who whom whose when where why how all any both each few more most other some such no nor not only own same ' +
    'than too very can will just should would could may might must shall also really quite there here out up down off ' +
    'again further once one get got make made go went say said like well even still much many lot lots thing things way ' +
    'because while until'
  ).split(' '),
);

/** Words a question uses that say nothing about its topic ("tell me about a time…"). */
export const QUESTION_FILLER: ReadonlySet<string> = new Set(
  (
    'tell describe give example time times walk talk explain think know want share situation experience recent ' +
    'happened happen handle handled respond deal dealt approach yourself someone something anything anyone ever ' +
    'kind type sort day week month year years first next last new good best most least decide'
  )
    .split(' ')
    .map(stem),
);

/** Stems of the content words in `text` (no stop words, no digits-only tokens). */
export function contentStems(text: string, extraStop?: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    if (STOPWORDS.has(token) || /^\d+$/.test(token)) continue;
    const s = stem(token);
    if (s.length < 2 || extraStop?.has(s)) continue;
    out.add(s);
  }
  return out;
}

/** "failure-and-learning" → "failure and learning". */
export function humanise(id: string): string {
  return id.replace(/[-_]+/g, ' ').trim();
}
