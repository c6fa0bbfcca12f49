/**
 * One pass over an answer that extracts every signal the rubric uses: STAR stages, first-person
 * actions, numbers, names, fillers, repetition, and per-type markers (plans for situational
 * answers, definitions and trade-offs for technical ones, reasons for motivational ones).
 *
 * Linear in the answer's length: each sentence is scanned by a fixed set of regexes compiled
 * once at load. Duplicate sentences are marked and left out of every count, so repeating an
 * answer can never add signal — only the clarity penalty for repetition.
 */
import { splitSentences, stem, STOPWORDS, tokenize } from './text.js';

// ---------- patterns (compiled once) ----------

// "kind of"/"sort of" only as hedges, not in "the kind of work I enjoy".
const FILLER =
  /\b(?:basically|literally|you know|i mean|um+|uh+|erm+)\b|(?<!\b(?:the|a|what|this|that|some|any|every|one|same|which|no|each)\s)\b(?:kind|sort) of\b|(?<=,\s?)like\b|\blike(?=,)/g;

/** A cheap pre-check so most sentences skip FILLER's lookbehinds. */
const FILLER_HINT = /basically|literally|you know|i mean|\bu[mh]|\berm|kind of|sort of|like/;

const SITUATION =
  /\b(?:when i was|while i was|while (?:working|studying|interning|volunteering)|during (?:my|our|a|an|the|last)|at the time|last (?:year|summer|term|semester|month|spring|autumn|winter)|in my (?:first|second|third|final|last|previous|current|part-time)|in (?:19|20)\d\d|on (?:my|a|an) (?:placement|internship|rotation|shift|project|team)|as part of|i was working|i worked (?:as|at|in|on)|i was (?:a|an|the|one of|part of|working|studying|volunteering|interning|on)|our (?:team|group|society|project|company|class|ward|school|department) (?:was|had|were)|the (?:situation|context|background) was|we were (?:asked|given|working|tasked|preparing|running)|back in|a few (?:months|years|weeks) ago|at (?:my|a|an|the) (?:part-time|previous|summer|local|university|uni|school|company|internship|placement|start))\b/;

const TASK =
  /\b(?:my (?:role|job|task|responsibility|goal|aim|objective|brief|remit) (?:was|is|became)|i was (?:responsible|asked|tasked|in charge|expected|given|assigned|chosen|elected)|i (?:needed|had|wanted|was determined) to|the (?:goal|aim|objective|challenge|problem|task|deadline|target|brief|issue) was|we (?:needed|had) to|our (?:goal|aim|target|task|brief|deadline) was|it was (?:my job|up to me)|i took (?:on|charge|responsibility)|i volunteered to|i set out to)\b/;

const RESULT =
  /\b(?:as a result|the result|the outcome|in the end|ended up|resulted in|(?:which|this|that) (?:meant|led|helped|allowed|saved|cut|reduced|increased|improved)|led to|by the end|eventually|consequently|(?:we|i|it|they|she|he|the team) (?:delivered|won|finished|launched|hit|met|achieved|exceeded|completed|passed|secured|raised|reduced|increased|cut|saved|improved|grew|doubled|halved|shipped|received|got)|(?:increased|reduced|improved|cut|saved|grew|raised|doubled|halved|boosted|decreased|lowered|dropped|rose|fell) (?:by|from|to)|on time|ahead of schedule|under budget|(?:positive|great|good|glowing) feedback|praised|thanked|was (?:adopted|rolled out|approved|accepted|selected|chosen|promoted|offered)|went on to|successfully|so (?:we|i|it|they|the team) (?:ended|finished|got|had|were|was|managed|hit|met|reached|sold|won|made)|(?:we|i|they|the team) (?:ended (?:with|up)|reached|sold|attracted|recruited|gained|made it|managed to|broke even|kept|turned it around)|broke even|by the end of)\b/;

const CHANGE =
  /\b(?:increas|reduc|improv|cut|sav|grew|grow|rais|doubl|halv|boost|decreas|lower|drop|rose|fell|faster|fewer|more|less|up to|down to)\w*|\bfrom [\w£$€.,%]+ to\b/;

const REFLECTION =
  /\b(?:i (?:learned|learnt|realised|realized|now|have since|would now|will always|took away)|i've (?:learned|learnt|since|taken)|taught me|lessons?|next time|in hindsight|looking back|since then|if i (?:did|were to do|had to do) it again|i(?:'d| would) do (?:it |things )?differently|going forward|(?:changed|shaped) (?:how|the way) i|made me (?:realise|realize|more|better)|i (?:still|now) (?:use|do|make|apply|check|ask|plan|start))\b/;

const GENERIC =
  /\b(?:i always|i usually|i generally|i normally|i typically|i tend to|in general|generally speaking|i would say (?:that )?i(?:'m| am)|i(?:'m| am) (?:a|an|very) (?:team player|hard[- ]working|hard worker|people person|perfectionist|good communicator|quick learner|natural leader)|i(?:'m| am) (?:very|really|extremely) (?:organised|organized|hardworking|hard-working|passionate|motivated|good at)|whenever|i like to think|it is important to|it's important to|you (?:should|have to|need to))\b/g;

/** Stock phrases that say nothing specific about why this employer or role. */
const VAGUE =
  /\b(?:well[- ]known|good reputation|great reputation|big company|large company|great company|fit in well|(?:really |very )?interesting|exciting opportunity|the pay|good salary|salary|benefits|prestigious|i(?:'ve| have) always wanted|dream job|great place to work)\b/g;

const I_ACTION =
  /\bi\s+(?:(?:then|first|also|quickly|personally|immediately|eventually|finally|carefully|initially|soon|later|even|actually|just|jointly)\s+)?([a-z]+)\b/g;
const I_HAVE_ACTION = /\bi(?:'ve|\s+have)\s+(?:(?:also|since|now)\s+)?([a-z]+)\b/g;
const WE_ACTION = /\bwe\s+(?:(?:then|first|also|quickly|eventually|finally|all|together|jointly)\s+)?([a-z]+)\b/g;
const PLAN_ACTION =
  /\bi(?:'d|\s+would|\s+will|\s+should|'ll)\s+(?:(?:first|then|also|probably|immediately|quickly|calmly|start by|try to|make sure to|want to|need to)\s+)?([a-z]+)\b/g;

const DEFINE =
  /\b(?:is (?:a|an|the|when|how|where|what|about|basically)|are (?:a|an|the|when|how|used)|means|refers? to|is defined as|in (?:short|simple terms|other words)|essentially|the idea (?:is|behind)|stands for|describes|measures|is like)\b/;
const MECHANISM =
  /\b(?:because|works by|so that|which means|this means|that means|under the hood|in turn|therefore|that way|the reason|happens when|which is why|this is why|so the|which lets|which allows|this allows|in order to)\b/;
const EXAMPLE =
  /\b(?:for example|for instance|such as|e\.g\.|imagine|say you|let's say|in my (?:projects?|internship|placement|course|dissertation|job|team|last role|experience)|when i (?:built|used|worked|wrote|ran|designed|analysed|analyzed|taught|was)|on (?:a|my) (?:projects?|placement)|in practice|a good example|one example|real[- ]world)\b/;
const TRADEOFF =
  /\b(?:trade-?offs?|however|whereas|on the other hand|downsides?|drawbacks?|costs?|risks?|it depends|depends on|limitations?|limits|versus|vs|instead|the catch|at the expense|pros and cons|disadvantages?|weakness(?:es)?|but it|but you|but the|only if|unless)\b/;

const CLARIFY =
  /\b(?:find out|understand|ask|clarify|gather|check|listen|speak (?:to|with)|talk (?:to|with)|establish|confirm|look (?:at|into)|investigate|assess|get (?:more )?information)\b/;
const SEQUENCE = /\b(?:first(?:ly)?|then|next|after that|secondly|second|finally|once|before|meanwhile|at the same time|step)\b/;
const OUTCOME_CHECK =
  /\b(?:so that|to make sure|make sure|to ensure|ensure|measure|success|follow(?:ing)? up|follow-up|check in|check back|review|outcome|the goal|in the end|that way|afterwards|long[- ]term|prevent|going forward)\b/;
const EXPERIENCE =
  /\b(?:when i (?:was|worked|did|had|faced|led|ran)|last (?:year|summer|term)|in my (?:experience|placement|internship|job|role|previous|part-time)|previously|i once|i(?:'ve| have) (?:done|dealt|faced|handled|seen|been in)|i did (?:this|something similar)|on (?:my|a) placement)\b/;
const STAKEHOLDER =
  /\b(?:manager|supervisor|lead|team|colleague|colleagues|client|customer|stakeholder|stakeholders|senior|patient|parent|teacher|tutor|engineer|everyone)\b/;

const REASON =
  /\b(?:because|why|what (?:draws|attracts|excites|interests|motivates) me|i(?:'m| am) (?:drawn|interested|excited|passionate|motivated|keen)|appeals? to me|i (?:love|enjoy|care about|want to)|(?:drew|attracted) me|the reason)\b/;
const EVIDENCE =
  /\b(?:during my|in my (?:degree|course|dissertation|placement|internship|project|society|job|role|final)|i (?:worked|studied|volunteered|built|led|completed|spent|ran|organised|organized|founded|taught|interned|started)|last (?:year|summer))\b/;
const FIT =
  /\b(?:your|you're|you are|this role|the role|this position|the team|the company|the organisation|the organization|the firm|the programme|the scheme|values|mission|culture|clients|products?|reputation)\b/;
const FUTURE =
  /\b(?:i (?:want|hope|aim|would like|plan|intend) to|i'd like to|in (?:five|5|two|2|three|3|ten|10) years|long[- ]term|grow|develop|contribute|career|future|progress|bring)\b/;

const NUMBER =
  /(?:[£$€]\s?)?\b\d+(?:[.,]\d+)*(?:\s?(?:percent|per cent|k|m|bn|x)\b|%)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|hundreds|thousand|thousands|million|dozen|half|double|doubled|halved|twice|triple|tripled)\b/g;
const YEAR = /^(?:19|20)\d\d$/;

const WORD_ORIGINAL = /[A-Za-z][A-Za-z0-9+#&'’.-]*/g;
const ACRONYM = /^[A-Z][A-Z0-9&]+s?$/;
const NOT_NAMES = new Set(['I', "I'm", "I've", "I'd", "I'll", 'OK', 'Ok', 'Mr', 'Mrs', 'Ms', 'Dr', 'A']);

const NON_ACTION = new Set([
  'was', 'am', 'had', 'needed', 'wanted', 'liked', 'loved', 'hated', 'learned', 'learnt', 'realised', 'realized',
  'hoped', 'wished', 'preferred', 'enjoyed', 'seemed', 'appeared', 'believed', 'assumed', 'supposed', 'expected',
  'noticed', 'struggled', 'worried', 'panicked', 'felt', 'think', 'thought', 'guess', 'feel', 'know', 'knew',
  'mean', 'would', 'could', 'should', 'will', 'might', 'must', 'can', 'did', 'do', 'don', 'didn', 'never', 'always',
  'usually', 'tend', 'like', 'love', 'am', 'been', 'being', 'got', 'get', 'also', 'not', 'really', 'just', 'guessed',
]);
const IRREGULAR_ACTIONS = new Set([
  'built', 'wrote', 'set', 'ran', 'led', 'made', 'took', 'spoke', 'met', 'sat', 'went', 'found', 'chose', 'drew',
  'gave', 'began', 'broke', 'brought', 'sought', 'taught', 'put', 'split', 'kept', 'held', 'sent', 'rewrote', 'told',
  'paid', 'won', 'bought', 'cut', 'dealt', 'left', 'read', 'rang', 'stood', 'spent', 'undertook', 'oversaw', 'drove',
  'overcame', 'rebuilt', 'redid', 'rethought', 'sold', 'upheld', 'reran', 'shut', 'led', 'fed', 'lent', 'withdrew',
]);

const TOOL_WORDS = new Set(
  (
    'excel python sql java javascript typescript react node git github gitlab jira trello asana notion slack figma ' +
    'miro canva tableau powerbi looker spss stata matlab sas pandas numpy scikit tensorflow pytorch docker kubernetes ' +
    'aws azure gcp linux postgres postgresql mysql mongodb redis salesforce hubspot mailchimp hootsuite wordpress ' +
    'shopify xero quickbooks bloomberg powerpoint sharepoint qualtrics surveymonkey agile scrum kanban swot pestle ' +
    'okr okrs kpi kpis crm seo sbar news2 abcde datix wcag gantt prince2 vlookup xlookup dashboard spreadsheet ' +
    'prototype prototypes survey surveys wireframe wireframes regression dcf ebitda rota api apis ci pipeline'
  ).split(' '),
);
const TOOL_PHRASES = [
  'google analytics', 'power bi', 'a/b test', 'pivot table', 'root cause', 'six sigma', 'user interview',
  'usability test', 'five whys', '5 whys', 'unit test', 'code review', 'pull request', 'cross-validation',
];

const TOOL_PHRASE_HINT = /google|power|a\/b|pivot|root|six|user|usability|whys|unit|code|pull|cross/;

const I_WORDS = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'myself', 'mine']);
const WE_WORDS = new Set(['we', "we're", "we've", "we'd", "we'll", 'our', 'ours', 'us', 'ourselves']);

// ---------- features ----------

export interface SentenceFeatures {
  /** Offsets into the original answer; `text` is exactly `answer.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** Lower-case words without fillers or punctuation: equal keys mean a repeated sentence. */
  key: string;
  /** Whether `text` can be quoted as evidence (single-spaced, so also verbatim after normalising). */
  quotable: boolean;
  duplicate: boolean;
  words: number;
  fillers: number;
  stems: string[];
  iRefs: number;
  weRefs: number;
  iActions: number;
  weActions: number;
  planActions: number;
  numbers: string[];
  quantified: boolean;
  named: string[];
  generic: number;
  vague: number;
  situation: boolean;
  task: boolean;
  result: boolean;
  reflection: boolean;
  define: boolean;
  mechanism: boolean;
  example: boolean;
  tradeoff: boolean;
  clarify: boolean;
  sequence: boolean;
  outcomeCheck: boolean;
  experience: boolean;
  stakeholder: boolean;
  reason: boolean;
  evidence: boolean;
  fit: boolean;
  future: boolean;
}

export interface AnswerFeatures {
  text: string;
  sentences: SentenceFeatures[];
  /** Sentences minus repeats, in order; every count below is over these. */
  unique: SentenceFeatures[];
  /** All word tokens, repeats and fillers included. */
  totalWords: number;
  /** Words in unique sentences, fillers excluded: the length the rubric judges. */
  contentWords: number;
  fillerCount: number;
  duplicateCount: number;
  iRefs: number;
  weRefs: number;
  iActions: number;
  weActions: number;
  planActions: number;
  numbers: Set<string>;
  quantifiedCount: number;
  named: Set<string>;
  genericCount: number;
  vagueCount: number;
  stems: Set<string>;
  longestSentenceWords: number;
  averageSentenceWords: number;
}

function countVerbs(lower: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(lower); match !== null; match = pattern.exec(lower)) {
    const verb = match[1] ?? '';
    if (NON_ACTION.has(verb)) continue;
    if (IRREGULAR_ACTIONS.has(verb) || (verb.endsWith('ed') && verb.length > 3)) count++;
  }
  return count;
}

function countMatches(lower: string, pattern: RegExp): number {
  return lower.match(pattern)?.length ?? 0;
}

function namedIn(text: string, lower: string, tokens: readonly string[]): string[] {
  const names: string[] = [];
  let first = true;
  for (const token of text.match(WORD_ORIGINAL) ?? []) {
    const code = token.charCodeAt(0);
    const wasFirst = first;
    first = false;
    if (code < 65 || code > 90) continue; // only capitalised words can be names or acronyms
    const word = token.replace(/[.’'-]+$/, '').replace(/['’]s$/, '');
    if (NOT_NAMES.has(word)) continue;
    if (!wasFirst || (word.length >= 2 && ACRONYM.test(word))) names.push(word.toLowerCase());
  }
  for (const token of tokens) if (TOOL_WORDS.has(token)) names.push(token);
  if (TOOL_PHRASE_HINT.test(lower)) for (const phrase of TOOL_PHRASES) if (lower.includes(phrase)) names.push(phrase);
  return names;
}

function analyseSentence(answer: string, start: number, end: number): SentenceFeatures {
  const text = answer.slice(start, end);
  const lowered = text.toLowerCase();
  const raw = lowered.includes('’') ? lowered.replace(/’/g, "'") : lowered;
  let fillerWords = 0;
  if (FILLER_HINT.test(raw)) for (const match of raw.match(FILLER) ?? []) fillerWords += match.includes(' ') ? 2 : 1;
  // Every signal is read with fillers removed, so sprinkling them in can only cost clarity.
  const lower = fillerWords > 0 ? raw.replace(FILLER, ' ').replace(/\s*,(?:\s*,)+/g, ',') : raw;
  const tokens = tokenize(lower);
  let iRefs = 0;
  let weRefs = 0;
  const stems: string[] = [];
  for (const token of tokens) {
    if (I_WORDS.has(token)) iRefs++;
    else if (WE_WORDS.has(token)) weRefs++;
    if (!STOPWORDS.has(token) && !/^\d+$/.test(token)) stems.push(stem(token));
  }
  const numbers = /\d|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|dozen|half|double|halved|twice|triple/.test(lower)
    ? (lower.match(NUMBER) ?? []).map((n) => n.replace(/\s+/g, ''))
    : [];
  const result = RESULT.test(lower);
  const reflection = REFLECTION.test(lower);
  const quantifiable = numbers.some((n) => !YEAR.test(n));
  return {
    start,
    end,
    text,
    key: tokens.join(' '),
    quotable: !/\s\s|[\t\r\n\u00a0]/.test(text),
    duplicate: false,
    words: tokens.length,
    fillers: fillerWords,
    stems,
    iRefs,
    weRefs,
    iActions: countVerbs(lower, I_ACTION) + countVerbs(lower, I_HAVE_ACTION),
    weActions: countVerbs(lower, WE_ACTION),
    planActions: countMatches(lower, PLAN_ACTION),
    numbers,
    quantified: quantifiable && (result || CHANGE.test(lower) || lower.includes('%')),
    named: namedIn(text, lower, tokens),
    // "Since then I always…" is a lesson applied, not a generality.
    generic: reflection ? 0 : countMatches(lower, GENERIC),
    vague: countMatches(lower, VAGUE),
    situation: SITUATION.test(lower),
    task: TASK.test(lower),
    result,
    reflection,
    define: DEFINE.test(lower),
    mechanism: MECHANISM.test(lower),
    example: EXAMPLE.test(lower),
    tradeoff: TRADEOFF.test(lower),
    clarify: CLARIFY.test(lower),
    sequence: SEQUENCE.test(lower),
    outcomeCheck: OUTCOME_CHECK.test(lower),
    experience: EXPERIENCE.test(lower),
    stakeholder: STAKEHOLDER.test(lower),
    reason: REASON.test(lower),
    evidence: EVIDENCE.test(lower),
    fit: FIT.test(lower),
    future: FUTURE.test(lower),
  };
}


export function analyseAnswer(answer: string): AnswerFeatures {
  const sentences = splitSentences(answer).map(({ start, end }) => analyseSentence(answer, start, end));
  const seen = new Set<string>();
  const unique: SentenceFeatures[] = [];
  let totalWords = 0;
  let fillerCount = 0;
  for (const sentence of sentences) {
    totalWords += sentence.words + sentence.fillers;
    fillerCount += sentence.fillers;
    const key = sentence.key;
    if (key.length > 0 && seen.has(key)) {
      sentence.duplicate = true;
      continue;
    }
    seen.add(key);
    unique.push(sentence);
  }
  const features: AnswerFeatures = {
    text: answer,
    sentences,
    unique,
    totalWords,
    contentWords: 0,
    fillerCount,
    duplicateCount: sentences.length - unique.length,
    iRefs: 0,
    weRefs: 0,
    iActions: 0,
    weActions: 0,
    planActions: 0,
    numbers: new Set(),
    quantifiedCount: 0,
    named: new Set(),
    genericCount: 0,
    vagueCount: 0,
    stems: new Set(),
    longestSentenceWords: 0,
    averageSentenceWords: 0,
  };
  for (const s of unique) {
    features.contentWords += s.words;
    features.iRefs += s.iRefs;
    features.weRefs += s.weRefs;
    features.iActions += s.iActions;
    features.weActions += s.weActions;
    features.planActions += s.planActions;
    features.genericCount += s.generic;
    features.vagueCount += s.vague;
    if (s.quantified) features.quantifiedCount++;
    for (const n of s.numbers) features.numbers.add(n);
    for (const n of s.named) features.named.add(n);
    for (const st of s.stems) features.stems.add(st);
    if (s.words > features.longestSentenceWords) features.longestSentenceWords = s.words;
  }
  features.averageSentenceWords = unique.length > 0 ? features.contentWords / unique.length : 0;
  return features;
}
