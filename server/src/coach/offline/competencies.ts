/**
 * What the offline coach knows about each competency: the words an on-topic answer tends to use
 * (stemmed once, at load), and hints for tailoring the suggested STAR outline.
 */
import { humanise, stem, tokenize } from './text.js';

interface CompetencyInfo {
  words: string;
  /** Behavioural outline hints: the moment to pick, the actions that matter, the result to show. */
  situation?: string;
  action?: string;
  result?: string;
}

const COMPETENCIES: Record<string, CompetencyInfo> = {
  teamwork: {
    words:
      'roles responsibilities agreed rely depend communicate pitch in team teammate teammates together collaborate collaboration group colleague share support help role coordinate contribute delegate divide split member cooperate meeting trust peer classmate joint partner everyone',
    situation: 'a team effort with a shared goal',
    action: 'how you coordinated, shared the work and supported others',
    result: 'what the team delivered and which part of it was yours',
  },
  leadership: {
    words:
      'suggest propose plan meeting agree volunteer club title people rally persuade encourage charge roles responsibility lead leader led leadership motivate vision direction delegate guide inspire responsibility decision organise coordinate mentor coach empower goal morale buy-in initiative authority manage committee president captain volunteers',
    situation: 'a moment when a group needed direction',
    action: 'how you set the goal, gave people roles and kept them motivated',
    result: 'what the group achieved and how people responded to your lead',
  },
  conflict: {
    words:
      'talk talked both side sides middle argued debate disagree disagreement conflict tension argument argue dispute compromise perspective view opinion listen understand resolve resolution mediate concern frustrate clash differ difference common ground agree agreement discuss conversation calm respect criticism unfair relationship',
    situation: 'a real disagreement about the work, not a personality clash',
    action: "how you listened to the other person's view, found common ground and agreed a way forward",
    result: 'the outcome for the work and for the working relationship',
  },
  'failure-and-learning': {
    words:
      'disappoint disappointing poorly problem tried again better review target owned admit honest lesson underestimate assumption improved fail failure failed mistake error wrong setback learn lesson reflect improve responsibility own fix feedback change differently hindsight realise missed rejected blame apologise',
    situation: 'a genuine failure or mistake you owned',
    action: 'what you did to recover, who you told and how you put it right',
    result: 'what you learned and how you have applied it since',
  },
  'problem-solving': {
    words:
      'figure broken tested debug analysed diagnose problem issue analyse analysis cause root solution solve option approach test hypothesis data investigate decision evaluate fix identify research break constraint workaround alternative evidence risk tried',
    situation: 'a problem that was genuinely hard, and why',
    action: 'how you analysed it, the options you weighed and why you chose one',
    result: 'the outcome, measured if you can',
  },
  communication: {
    words:
      'talked spoke explain present presentation listen audience message clear clarify email write simplify jargon understand question feedback persuade convince discuss conversation update report meeting language visual slide stakeholder misunderstanding inform analogy',
    situation: 'who you needed to reach and what made it difficult',
    action: 'how you tailored the message and checked they understood',
    result: 'what they understood, decided or did as a result',
  },
  ownership: {
    words:
      'myself noticed nobody fixed checked followed sure responsibility responsible own ownership initiative volunteer step accountable deadline follow commit commitment proactive took fix flag deliver start launch independent',
    situation: 'something that needed doing that nobody had picked up',
    action: 'the steps you took without being asked, and how you followed through',
    result: 'what changed because you stepped up',
  },
  adaptability: {
    words:
      'cancel cancelled changed instead switch adjusted online remote rearrange change adapt adjust new learn flexible unexpected quickly plan pivot unfamiliar transition move environment cope resilience pressure challenge persist uncertain different switch settle stress',
    situation: 'what changed, and why it was hard',
    action: 'how you re-planned, learned quickly and kept others informed',
    result: 'how it turned out and what you would keep doing',
  },
  'customer-focus': {
    words:
      'apologised refund replace sorry angry upset calm review shop store order customer client user service need complaint feedback satisfy satisfaction experience expectation help support listen relationship patient member visitor guest request frustrated unhappy resolve apologise',
    situation: 'who the customer was and what they needed',
    action: 'what you did to understand their need and help them',
    result: 'the effect on them — their words or a measure',
  },
  ethics: {
    words:
      'ethics ethical integrity honest honesty right wrong values policy rule report concern raise speak uncomfortable pressure fair fairness trust transparent confidential standard cut corner principle escalate compliance safety manager',
    situation: 'the dilemma and what was at stake',
    action: 'how you raised it, with whom, and how you held your position',
    result: 'the outcome and why you would make the same call again',
  },
  prioritisation: {
    words:
      'most order deadlines manager week hours clash list priority prioritise deadline urgent important impact schedule plan time workload list order first delay negotiate push trade-off balance manage calendar task deliver focus later defer capacity',
    situation: 'the competing demands and their deadlines',
    action: 'how you decided the order and told people about the trade-offs',
    result: 'what was delivered, and when',
  },
  'motivation-fit': {
    words:
      'want enjoy care love drawn attract excite proud placement degree study skill hope aspire bring match align project client sector industry employer firm programme training motivate motivation passion passionate interest interested excite career goal value mission culture role organisation company team grow growth learn develop contribute fit strength experience future purpose impact opportunity',
  },
  'attention-to-detail': {
    words: 'detail accuracy accurate check error mistake review reconcile spot notice catch double-check figure number spreadsheet discrepancy verify careful correct',
    situation: 'the piece of work and why accuracy mattered',
    action: 'how you spotted and checked the problem',
    result: 'what it would have cost and the check you now use',
  },
  'analytical-thinking': {
    words: 'data analyse analysis evidence source trend compare target check assumption method sample question conclusion pattern outlier measure estimate spreadsheet break',
  },
  'digital-literacy': {
    words: 'tool software app platform spreadsheet excel notion trello slack teams calendar drive document share collaborate version automate organise track',
  },
  'commercial-awareness': {
    words: 'market competitor customer revenue profit cost margin growth risk regulation strategy price demand trend industry economy technology business model invest share',
  },
  'project-management': {
    words: 'plan scope goal task milestone deadline owner estimate dependency risk buffer track progress gantt timeline resource stakeholder review',
  },
  'data-literacy': {
    words: 'correlation causation cause data variable confound evidence test experiment decision trend sample compare control',
  },
  // ---- software ----
  'system-design': {
    words: 'scale scalability database cache load balancer api server storage request latency throughput replication shard partition availability hash key queue traffic read write consistency bottleneck redirect',
  },
  'computer-science-fundamentals': {
    words: 'process thread memory cpu core concurrency parallel share isolation context switch lock race scheduler operating overhead stack heap hash bucket collision key lookup array list chain resize constant complexity',
  },
  testing: {
    words: 'test unit integration assert mock stub coverage edge case behaviour regression isolate fast deterministic tdd fixture bug refactor confidence',
  },
  debugging: {
    words: 'reproduce log logs profile profiler metric trace bottleneck network query slow latency cache database deploy change hypothesis narrow isolate monitor devtools waterfall bisect production environment error root cause',
  },
  'code-quality': {
    words: 'review readable readability naming test maintainable refactor design pattern comment consistency feedback pull request bug edge case debt shortcut complexity duplication clean',
  },
  'data-storage': {
    words: 'relational sql schema join transaction acid consistency document nosql mongodb postgres flexible scale horizontal query index normalise relationship model',
  },
  'web-fundamentals': {
    words: 'dns ip tcp tls https http request response server browser html css javascript render parse cache cdn handshake header dom load',
  },
  security: {
    words: 'injection sql input parameterised query sanitise escape xss csrf authentication authorisation access control owasp vulnerability attacker validate encrypt password token session',
  },
  'software-architecture': {
    words: 'microservice microservices monolith service deploy deployment independent scale team network latency failure consistency complexity boundary api database coupling kubernetes operational distributed',
  },
  'delivery-practices': {
    words: 'pipeline build test deploy deployment automate automation ci cd continuous integration stage staging rollback canary feedback release merge docker lint artifact environment',
  },
  algorithms: {
    words: 'complexity big linear quadratic constant logarithmic loop nested input size grow space sort search array hash optimise performance',
  },
  // ---- data ----
  statistics: {
    words: 'p-value null hypothesis significant significance probability effect sample random chance evidence confidence interval test false positive mean median average skew outlier distribution correlation causation confound cause variable',
  },
  experimentation: {
    words: 'a/b variant control treatment random randomise metric conversion sample size duration power hypothesis significance peek novelty segment guardrail test experiment',
  },
  'data-quality': {
    words: 'missing null duplicate outlier clean impute drop remove validate check source document bias distribution pandas dataset column row error consistent',
  },
  'machine-learning': {
    words: 'model train training test validation cross-validation overfit overfitting underfit regularisation feature label predict prediction accuracy precision recall f1 auc classification regression cluster supervised unsupervised data generalise noise signal threshold',
  },
  'data-modelling': {
    words: 'join inner left table row match null key sql query record customer order duplicate result missing count',
  },
  'data-communication': {
    words: 'chart graph axis bar line scatter visual visualise dashboard audience story trend compare distribution mislead label colour scale',
  },
  'data-engineering': {
    words: 'pipeline extract transform load etl schedule airflow dbt warehouse test monitor alert idempotent rerun lineage owner source quality freshness failure',
  },
  // ---- product and design ----
  'product-metrics': {
    words: 'metric measure success goal user engagement retention conversion funnel baseline target guardrail active segment cohort analytics data drop dashboard kpi',
  },
  'product-sense': {
    words: 'user problem need pain feature improve experience solution hypothesis test measure prioritise value effort impact reach confidence framework backlog app',
  },
  'product-strategy': {
    words: 'roadmap strategy goal vision outcome output priority evidence impact effort stakeholder customer trade-off okr measure behaviour value business',
  },
  'product-discovery': {
    words: 'discovery interview research prototype validate assumption problem user test evidence survey data experiment demand smoke build',
  },
  'product-delivery': {
    words: 'user story acceptance criteria engineer team backlog sprint edge case test refine value need agile scrum ticket definition done',
  },
  'user-research': {
    words: 'research interview participant usability test observe survey question recruit insight finding synthesise affinity persona user method qualitative quantitative goal behaviour',
  },
  accessibility: {
    words: 'accessible accessibility contrast keyboard screen reader focus label alt text wcag colour disability disabled inclusive resize caption semantic navigation test',
  },
  'design-process': {
    words: 'brief research problem define ideate sketch wireframe prototype test iterate feedback handover handoff developer figma stakeholder decision user design',
  },
  'design-systems': {
    words: 'component token pattern library guideline consistency consistent reuse governance documentation code design scale maintain variant brand',
  },
  'interaction-design': {
    words: 'prototype fidelity low high wireframe paper figma test feedback interaction flow detail stakeholder user quick polish iterate',
  },
  'visual-design': {
    words: 'hierarchy spacing typography type scale size weight contrast colour alignment grid whitespace attention layout font proximity emphasis',
  },
  'design-measurement': {
    words: 'metric analytics funnel task success completion support ticket feedback survey target baseline measure conversion usability data',
  },
  // ---- consulting ----
  'case-structuring': {
    words: 'structure framework profit revenue cost tree hypothesis branch data analyse break driver fixed variable customer price volume root cause bottleneck patient process capacity demand mece segment',
  },
  estimation: {
    words: 'estimate assume assumption population household percent per year average segment multiply total sanity check round market number',
  },
  'data-interpretation': {
    words: 'survey sample respondent bias satisfaction loyalty churn segment data question measure leave reason test interview compare cohort',
  },
  'structured-communication': {
    words: 'recommendation answer first key argument evidence slide storyline executive summary risk next step question decision pyramid minute audience',
  },
  // ---- finance ----
  accounting: {
    words: 'income statement balance sheet cash flow asset liability equity revenue expense profit net depreciation accrual working capital receivable payable inventory debt operating investing financing retained earnings',
  },
  valuation: {
    words: 'value valuation dcf discount cash flow multiple comparable ebitda earnings price terminal growth wacc assumption peer market intrinsic relative',
  },
  markets: {
    words: 'bond price interest rate yield coupon inflation central bank market equity stock share duration discount investor demand risk',
  },
  'financial-modelling': {
    words: 'model assumption input output formula excel check balance sensitivity scenario driver forecast structure consistent hardcode audit trace error',
  },
  risk: {
    words: 'risk diversify diversification portfolio asset correlation volatility return market systematic specific control fraud error audit segregation approval compliance reconcile test',
  },
  // ---- marketing and sales ----
  'marketing-strategy': {
    words: 'audience segment target message channel budget campaign launch brand awareness social influencer ambassador partnership student persona position research measure conversion',
  },
  'campaign-measurement': {
    words: 'metric kpi reach impression engagement click conversion rate sign-up sale roi attribution cost cac ltv lifetime value acquisition test variant open subject audience objective vanity',
  },
  brand: {
    words: 'brand position positioning promise audience identity value consistent tone voice competitor differentiate loyalty story customer logo experience',
  },
  'sales-process': {
    words: 'prospect research question discovery listen need pain value objection price budget decision next step follow close relationship call demo benefit pipeline negotiate',
  },
  // ---- healthcare ----
  'patient-safety': {
    words: 'patient safety safe check identity medication dose allergy handover incident report error harm escalate speak double-check policy risk falls monitor datix candour open senior',
  },
  'professional-standards': {
    words: 'consent capacity inform voluntary best interest law policy confidential confidentiality share safeguarding record document code conduct professional trust need assess advocate family',
  },
  'infection-control': {
    words: 'hand hygiene wash gel ppe glove apron mask isolation clean sharps waste infection spread bacteria outbreak policy challenge audit',
  },
  'clinical-reasoning': {
    words: 'observation deteriorate deterioration early warning score news2 sign symptom assess assessment abcde airway breathing circulation escalate sbar doctor senior evidence research guideline trial practice patient',
  },
  'patient-communication': {
    words: 'patient listen calm explain plain language interpreter understand check reassure empathy anxious pain family question involve decision dignity respect',
  },
  // ---- education ----
  pedagogy: {
    words: 'lesson plan objective learning learner pupil student scaffold differentiate stretch challenge prior knowledge model practice check question progress adapt task explain retrieval engagement technology tool',
  },
  assessment: {
    words: 'assessment formative summative feedback question hinge whiteboard exit ticket test exam mark marking grade progress improve target criteria act response',
  },
  'behaviour-management': {
    words: 'behaviour routine expectation rule policy consequence reward praise relationship calm consistent seating sanction disrupt low-level restorative class classroom follow',
  },
  safeguarding: {
    words: 'safeguard safeguarding disclosure listen calm promise secret record word report designated lead dsl same day child protection policy concern welfare safe',
  },
  inclusion: {
    words: 'send need senco support plan adapt adjust scaffold teaching assistant access inclusive individual progress strategy environment parent wellbeing quiet check',
  },
};

/** Words that map a competency name the bank does not know (from another coach) to one it does. */
const ALIASES: Record<string, string> = {
  team: 'teamwork',
  collaboration: 'teamwork',
  lead: 'leadership',
  influence: 'communication',
  stakeholder: 'communication',
  conflict: 'conflict',
  failure: 'failure-and-learning',
  learning: 'failure-and-learning',
  resilience: 'adaptability',
  problem: 'problem-solving',
  analytical: 'analytical-thinking',
  communication: 'communication',
  initiative: 'ownership',
  accountability: 'ownership',
  ownership: 'ownership',
  adaptability: 'adaptability',
  customer: 'customer-focus',
  client: 'customer-focus',
  ethic: 'ethics',
  integrity: 'ethics',
  priorit: 'prioritisation',
  time: 'prioritisation',
  motivation: 'motivation-fit',
  fit: 'motivation-fit',
  technical: 'problem-solving',
};

const lexicons = new Map<string, ReadonlySet<string>>(
  Object.entries(COMPETENCIES).map(([id, info]) => [id, new Set(tokenize(info.words).map(stem))]),
);

/** The stemmed vocabulary of a competency (falling back through aliases); empty if unknown. */
export function competencyLexicon(competency: string): ReadonlySet<string> {
  const id = competency.toLowerCase().trim();
  const direct = lexicons.get(id);
  if (direct) return direct;
  const merged = new Set<string>();
  for (const token of tokenize(id)) {
    const key = Object.keys(ALIASES).find((alias) => token.startsWith(alias));
    const lexicon = key ? lexicons.get(ALIASES[key]!) : lexicons.get(token);
    if (lexicon) for (const s of lexicon) merged.add(s);
  }
  return merged;
}

export interface OutlineHints {
  situation: string;
  action: string;
  result: string;
}

const DEFAULT_HINTS: OutlineHints = {
  situation: 'a specific occasion that fits the question',
  action: 'what you did, step by step',
  result: 'the outcome, with a number if you can',
};

export function outlineHints(competency: string): OutlineHints {
  const info = COMPETENCIES[competency.toLowerCase().trim()];
  return {
    situation: info?.situation ?? DEFAULT_HINTS.situation,
    action: info?.action ?? DEFAULT_HINTS.action,
    result: info?.result ?? DEFAULT_HINTS.result,
  };
}

const LABELS: Record<string, string> = {
  'motivation-fit': 'your motivation and fit',
  'customer-focus': 'customer focus',
  'problem-solving': 'problem solving',
};

/** "customer-focus" → "customer focus"; the form used in feedback sentences. */
export function competencyLabel(competency: string): string {
  const id = competency.toLowerCase().trim();
  return LABELS[id] ?? humanise(id);
}
