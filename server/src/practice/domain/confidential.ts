/**
 * Checks answers for obviously confidential or personal material, and redacts personal
 * identifiers before text leaves for an AI provider. Pure functions, no I/O.
 *
 * - `detectConfidential(text)` returns one warning per kind found (email, phone, personal URL,
 *   confidential wording) with a count. Messages never repeat the matched text: a warning is
 *   shown and may be logged, and echoing a phone number back would defeat the point.
 * - `redactPersonalIdentifiers(text, { names })` replaces emails → `[email]`, phones → `[phone]`,
 *   personal URLs → `[url]` and the learner's own name → `[name]`.
 *
 * Heuristics, tuned to avoid the common false alarms in interview answers: years and year ranges
 * (2019-2021), percentages, money, decimals and lists of scores are not phone numbers;
 * "confidence" is not "confidential"; talking about the *concept* of confidentiality (a nurse
 * explaining patient confidentiality) is not confidential wording.
 */

export const confidentialKinds = ['email', 'phone', 'personal-url', 'confidential-wording'] as const;
export type ConfidentialKind = (typeof confidentialKinds)[number];

export interface ConfidentialWarning {
  kind: ConfidentialKind;
  count: number;
  /** Safe to show and log: never contains the matched text. */
  message: string;
}

export interface RedactOptions {
  /** The learner's own name(s); the full name and each part are redacted. */
  names?: readonly string[];
}

interface Span {
  kind: 'email' | 'phone' | 'personal-url';
  start: number;
  end: number;
}

// ---------- patterns (compiled once) ----------

const EMAIL = /(?<![\w.+%-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

const BARE_TLDS =
  'com|org|net|io|dev|me|co|uk|edu|gov|ac|app|ai|page|site|xyz|info|blog|tech|design|studio|online|eu|de|fr|nl|ie|in|au|ca|us|ly|gg|sh|so|to|tv|fm|social';
const URL_PATTERN = new RegExp(
  `(?<![\\w@.-])(?:(?:https?:\\/\\/|www\\.)[^\\s<>"'\`()\\[\\]{}]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${BARE_TLDS})\\/[^\\s<>"'\`()\\[\\]{}]*)`,
  'gi',
);

const PHONE = /(?<![\w@/£$€#.,+-])(?:\+ ?|00|\()?\d[\d ().-]{5,}\d(?![\w%]|[.,]\d)/g;

const CONFIDENTIAL_WORDING =
  /\b(?:confidential(?:ly)?|confidentiality agreements?|non[- ]?disclosure(?: agreements?)?|NDAs?|internal[- ]only|for internal use|proprietary|do not (?:distribute|share|forward|circulate)|not for (?:distribution|circulation)|trade secrets?|under embargo|embargoed)\b/gi;

/** Sites where the first path segment is a person's handle. */
const PROFILE_HOSTS = new Set([
  'github.com', 'gitlab.com', 'bitbucket.org', 'twitter.com', 'x.com', 'instagram.com', 'facebook.com', 'fb.com',
  'tiktok.com', 'medium.com', 'behance.net', 'dribbble.com', 'youtube.com', 'threads.net', 'mastodon.social',
  'codepen.io', 'kaggle.com', 'huggingface.co', 'linktr.ee', 'about.me', 'soundcloud.com', 'vimeo.com',
  'pinterest.com', 'reddit.com', 'leetcode.com', 'replit.com', 'orcid.org', 'researchgate.net', 'scholar.google.com',
]);
/** Hosts whose subdomain is a person's handle (jane.github.io). */
const PERSONAL_SUBDOMAIN_HOSTS = ['github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'wordpress.com', 'substack.com', 'medium.com', 'carrd.co', 'wixsite.com'];
/** First path segments on profile hosts that are site pages, not people. */
const RESERVED_SEGMENTS = new Set([
  'about', 'features', 'pricing', 'explore', 'topics', 'login', 'signup', 'join', 'search', 'settings', 'marketplace',
  'trending', 'collections', 'sponsors', 'watch', 'results', 'hashtag', 'home', 'i', 'intent', 'share', 'sharer',
  'help', 'legal', 'privacy', 'terms', 'blog', 'docs', 'enterprise', 'team', 'customers', 'security', 'events',
  'jobs', 'careers', 'r', 'feed', 'notifications', 'messages', 'competitions', 'datasets', 'learn', 'discover',
]);
/** Path segments that introduce a person. */
const PERSON_PREFIXES = new Set(['in', 'pub', 'users', 'user', 'u', 'profile', 'profiles', 'people', 'person', 'author', 'authors', 'members', 'member', 'staff', 'c', 'channel']);
/** Words that make a hyphenated path segment a page ("about-us"), not a name ("jane-doe"). */
const COMMON_PATH_WORDS = new Set(
  (
    'about us contact our team blog news products product services service careers jobs privacy policy terms help ' +
    'support faq docs en gb home page index how it works get started sign up in log out case studies study year ' +
    'report annual press release releases events event the and for of to a my your new best top guide guides tutorial ' +
    'learn course courses open source data web app apps api design user users using with what why who when where is ' +
    'are vs how-to getting introduction intro part chapter week day month summer winter spring autumn free online ' +
    'student students graduate graduates job role roles apply application applications interview interviews tips ' +
    'machine learning deep science engineering software development developer management marketing sales finance ' +
    'health care education school university research project projects portfolio work case study resources library'
  ).split(' '),
);
const NAME_LIKE_SEGMENT = /^[a-z]{2,20}(?:[-_.][a-z]{2,20}){1,2}$/i;

/** Name parts that are also everyday words; these are redacted only when capitalised. */
const WORD_NAMES = new Set(
  (
    'will may june april august summer autumn grace hope faith joy rose lily daisy iris ivy dawn eve sky mark bill ' +
    'pat sue rob drew art chase hunter mason taylor page lane young king long small white brown green black hill wood ' +
    'rich frank earnest guy jack ray sunny holly robin max miles penny sandy bob lee'
  ).split(' '),
);

// ---------- finding spans ----------

function isPersonalUrl(url: string): boolean {
  const withoutScheme = url.replace(/^https?:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const host = (slash < 0 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase().replace(/^www\./, '').replace(/:\d+$/, '');
  const path = slash < 0 ? '' : withoutScheme.slice(slash).split(/[?#]/)[0]!;
  const segments = path.split('/').filter(Boolean).map((s) => decodeSafe(s));

  if (PERSONAL_SUBDOMAIN_HOSTS.some((h) => host.endsWith(`.${h}`))) return true;
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return segments[0] === 'in' || segments[0] === 'pub';
  if (segments.length === 0) return false;
  if (segments.some((s) => s.startsWith('@') || s.startsWith('~'))) return true;
  if (PROFILE_HOSTS.has(host) && !RESERVED_SEGMENTS.has(segments[0]!.toLowerCase())) return true;
  for (let i = 0; i < segments.length - 1; i++) {
    if (PERSON_PREFIXES.has(segments[i]!.toLowerCase())) return true;
  }
  return segments.some((segment) => {
    if (!NAME_LIKE_SEGMENT.test(segment)) return false;
    const parts = segment.toLowerCase().split(/[-_.]/);
    return parts.every((p) => !COMMON_PATH_WORDS.has(p));
  });
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isPhone(candidate: string): boolean {
  const international = /^(?:\+|00)/.test(candidate);
  if (candidate.startsWith('(') && !candidate.includes(')')) return false;
  const open = (candidate.match(/\(/g) ?? []).length;
  const close = (candidate.match(/\)/g) ?? []).length;
  if (open !== close) return false;
  const groups = candidate.split(/[^\d]+/).filter(Boolean);
  const digits = groups.join('').length;
  if (international ? digits < 8 || digits > 15 : digits < 9 || digits > 13) return false;
  // Year lists and ranges: "2019-2021", "2018 - 2019 - 2020".
  if (groups.every((g) => /^(?:19|20)\d\d$/.test(g))) return false;
  // A decimal such as 3.14159265.
  if (/^\d+\.\d+$/.test(candidate)) return false;
  if (international) return true;
  if (groups.length === 1) {
    const only = groups[0]!;
    return (only.startsWith('0') && (only.length === 10 || only.length === 11)) || only.length === 10;
  }
  // Lists of scores ("85 90 95 100") have no long group; French local numbers (06 12 34 56 78) start with 0.
  return groups.some((g) => g.length >= 4) || (groups[0]!.startsWith('0') && digits === 10);
}

function trimUrl(match: string): string {
  return match.replace(/[.,;:!?'"]+$/, '');
}

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

/** Non-overlapping spans of personal identifiers, in text order. */
function findIdentifiers(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(m[0]);
    const end = m.index + url.length;
    if (!overlaps(spans, m.index, end) && isPersonalUrl(url)) spans.push({ kind: 'personal-url', start: m.index, end });
  }
  // URLs that are not personal still must not be mistaken for phone numbers.
  const urlRanges = [...text.matchAll(URL_PATTERN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(spans, start, end) || urlRanges.some((r) => start < r.end && end > r.start)) continue;
    if (isPhone(m[0])) spans.push({ kind: 'phone', start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

// ---------- public API ----------

const MESSAGES: Record<ConfidentialKind, (n: number) => string> = {
  email: (n) =>
    `Your answer contains ${n === 1 ? 'an email address' : `${n} email addresses`}. Interviewers don't need contact details here, so remove ${n === 1 ? 'it' : 'them'}.`,
  phone: (n) =>
    `Your answer contains ${n === 1 ? 'a phone number' : `${n} phone numbers`}. Remove ${n === 1 ? 'it' : 'them'} before you submit.`,
  'personal-url': (n) =>
    `Your answer contains ${n === 1 ? 'a link' : `${n} links`} to a personal profile or page. Remove ${n === 1 ? 'it' : 'them'} unless you mean to share ${n === 1 ? 'it' : 'them'}.`,
  'confidential-wording': (n) =>
    `Your answer uses wording that suggests private or restricted material (${n === 1 ? 'once' : `${n} times`}). Check you aren't sharing anything covered by an agreement or meant to stay inside an organisation; describe the work in general terms instead.`,
};

export function detectConfidential(text: string): ConfidentialWarning[] {
  const counts: Record<ConfidentialKind, number> = { email: 0, phone: 0, 'personal-url': 0, 'confidential-wording': 0 };
  for (const span of findIdentifiers(text)) counts[span.kind]++;
  for (const _ of text.matchAll(CONFIDENTIAL_WORDING)) counts['confidential-wording']++;
  return confidentialKinds
    .filter((kind) => counts[kind] > 0)
    .map((kind) => ({ kind, count: counts[kind], message: MESSAGES[kind](counts[kind]) }));
}

const PLACEHOLDER: Record<Span['kind'] | 'name', string> = {
  email: '[email]',
  phone: '[phone]',
  'personal-url': '[url]',
  name: '[name]',
};

// Private-use characters stand in for placeholders until the end, so a learner called "Email"
// or "Name" cannot have the placeholders themselves rewritten.
const SENTINEL: Record<Span['kind'] | 'name', string> = {
  email: '\uE000',
  phone: '\uE001',
  'personal-url': '\uE002',
  name: '\uE003',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namePattern(name: string, caseSensitive: boolean): RegExp {
  const body = name.split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, caseSensitive ? 'gu' : 'giu');
}

export function redactPersonalIdentifiers(text: string, options: RedactOptions = {}): string {
  let out = '';
  let last = 0;
  for (const span of findIdentifiers(text)) {
    out += text.slice(last, span.start) + SENTINEL[span.kind];
    last = span.end;
  }
  out += text.slice(last);

  const variants = new Map<string, boolean>(); // variant → case-sensitive?
  for (const raw of options.names ?? []) {
    const full = raw.replace(/\s+/g, ' ').trim();
    if (full.length < 2) continue;
    variants.set(full, false);
    for (const part of full.split(' ')) {
      if (part.length < 2 || variants.has(part)) continue;
      variants.set(part, WORD_NAMES.has(part.toLowerCase()));
    }
  }
  // Longest first, so "Jane Doe" becomes one [name], not "[name] [name]".
  const ordered = [...variants.entries()].sort((a, b) => b[0].length - a[0].length);
  for (const [variant, caseSensitive] of ordered) {
    const pattern = caseSensitive
      ? namePattern(variant.charAt(0).toUpperCase() + variant.slice(1), true)
      : namePattern(variant, false);
    out = out.replace(pattern, SENTINEL.name);
  }

  for (const kind of Object.keys(SENTINEL) as (keyof typeof SENTINEL)[]) {
    out = out.split(SENTINEL[kind]).join(PLACEHOLDER[kind]);
  }
  return out;
}
