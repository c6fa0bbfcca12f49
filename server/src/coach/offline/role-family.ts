/**
 * Maps free-text role titles (and job descriptions) onto the question bank's role families by
 * weighted phrase matching. The role title counts three times as much as the job description,
 * so "Nurse" with a data-heavy job advert is still healthcare.
 */
import { roleFamilies, type RoleFamily } from './bank/types.js';

type Cue = readonly [phrase: string, weight: number];

const CUES: Record<RoleFamily, readonly Cue[]> = {
  software: [
    ['software', 2], ['developer', 2], ['engineer', 1], ['engineering', 1], ['programmer', 2], ['backend', 2],
    ['back end', 2], ['frontend', 2], ['front end', 2], ['full stack', 2], ['fullstack', 2], ['devops', 2],
    ['sre', 2], ['site reliability', 3], ['mobile', 1], ['ios', 2], ['android', 2], ['web developer', 3],
    ['test engineer', 2], ['qa', 1], ['coding', 1], ['javascript', 1], ['typescript', 1], ['java', 1],
    ['react', 1], ['cloud', 1], ['platform engineer', 2], ['security engineer', 2], ['cyber', 1],
    ['computer science', 1], ['it support', 2], ['microservices', 1], ['kubernetes', 1], ['api', 0.5],
  ],
  data: [
    ['data', 2], ['analytics', 2], ['analyst', 0.5], ['data scientist', 4], ['data science', 4],
    ['data engineer', 4], ['data analyst', 4], ['machine learning', 3], ['ml', 2], ['ai engineer', 3],
    ['statistician', 3], ['statistics', 2], ['bi', 2], ['business intelligence', 3], ['insight', 1],
    ['insights', 1], ['sql', 1], ['python', 1], ['quantitative', 1], ['research scientist', 2],
  ],
  product: [
    ['product manager', 5], ['product owner', 5], ['product management', 5], ['product', 1.5], ['pm', 1],
    ['apm', 3], ['roadmap', 1], ['product analyst', 2],
  ],
  design: [
    ['designer', 3], ['design', 2], ['ux', 3], ['ui', 2], ['user experience', 3], ['user research', 2],
    ['ux researcher', 4], ['product designer', 6], ['graphic', 2], ['visual', 1], ['interaction', 1],
    ['figma', 1], ['service design', 3],
  ],
  consulting: [
    ['consultant', 3], ['consulting', 3], ['consultancy', 3], ['strategy', 1.5], ['advisory', 2],
    ['management consultant', 4], ['business analyst', 2], ['case', 0.5],
  ],
  finance: [
    ['finance', 3], ['financial', 2], ['accountant', 3], ['accounting', 3], ['audit', 3], ['auditor', 3],
    ['investment', 2], ['banking', 3], ['bank', 1], ['analyst', 0.5], ['equity', 2], ['actuarial', 3],
    ['actuary', 3], ['tax', 2], ['trader', 3], ['trading', 2], ['wealth', 2], ['asset management', 3],
    ['fp a', 3], ['treasury', 2], ['credit', 1], ['insurance', 2], ['private equity', 3],
  ],
  'marketing-sales': [
    ['marketing', 3], ['marketer', 3], ['sales', 3], ['brand', 2], ['growth', 1], ['seo', 2],
    ['social media', 3], ['content', 1], ['copywriter', 3], ['account executive', 4], ['account manager', 3],
    ['business development', 3], ['bdr', 3], ['sdr', 3], ['communications', 1.5], ['pr', 1.5],
    ['public relations', 3], ['advertising', 3], ['campaign', 1], ['ecommerce', 1], ['retail', 1],
  ],
  healthcare: [
    ['nurse', 4], ['nursing', 4], ['doctor', 4], ['physician', 4], ['medical', 3], ['medicine', 3],
    ['clinical', 3], ['clinician', 3], ['healthcare', 4], ['health care', 4], ['health', 1.5], ['hospital', 3],
    ['nhs', 3], ['patient', 2], ['pharmacist', 4], ['pharmacy', 3], ['physiotherapist', 4], ['physio', 3],
    ['midwife', 4], ['paramedic', 4], ['dentist', 4], ['dental', 3], ['occupational therapist', 4],
    ['radiographer', 4], ['care assistant', 4], ['healthcare assistant', 5], ['carer', 3],
    ['junior doctor', 5], ['psychologist', 3], ['ward', 2], ['gp', 2], ['surgeon', 4], ['biomedical', 2],
  ],
  education: [
    ['teacher', 4], ['teaching', 4], ['tutor', 3], ['tutoring', 3], ['lecturer', 3], ['education', 3],
    ['educator', 3], ['school', 2], ['classroom', 2], ['pgce', 4], ['teaching assistant', 5],
    ['learning support', 3], ['curriculum', 2], ['pupils', 2], ['early years', 3], ['nursery', 2],
    ['instructional', 2], ['trainer', 1.5],
  ],
  'general-graduate': [
    ['graduate scheme', 3], ['graduate programme', 3], ['graduate program', 3], ['management trainee', 3],
    ['trainee', 1], ['operations', 2], ['project coordinator', 2], ['project manager', 2], ['administrator', 2],
    ['admin', 1.5], ['hr', 2], ['human resources', 3], ['recruitment', 1.5], ['civil service', 3],
    ['policy', 1.5], ['logistics', 2], ['supply chain', 2], ['procurement', 2], ['customer service', 2],
    ['coordinator', 1.5], ['mechanical', 2], ['civil engineer', 3], ['chemical', 2], ['manufacturing', 2],
  ],
};

const ROLE_WEIGHT = 3;
const MAX_HITS_PER_PHRASE = 3;

/** Lower-case words separated by single spaces, padded with a space each side. */
export function normaliseForMatching(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function countPhrase(haystack: string, phrase: string): number {
  let hits = 0;
  for (const needle of [` ${phrase} `, ` ${phrase}s `]) {
    let from = 0;
    while (hits < MAX_HITS_PER_PHRASE) {
      const at = haystack.indexOf(needle, from);
      if (at < 0) break;
      hits++;
      from = at + needle.length - 1;
    }
  }
  return Math.min(hits, MAX_HITS_PER_PHRASE);
}

/** Scores every family; exported for tests and for explaining a choice. */
export function scoreRoleFamilies(role: string, jobDescription: string | null): Record<RoleFamily, number> {
  const roleText = normaliseForMatching(role);
  const jdText = jobDescription ? normaliseForMatching(jobDescription) : '';
  const scores = {} as Record<RoleFamily, number>;
  for (const family of roleFamilies) {
    let score = 0;
    for (const [phrase, weight] of CUES[family]) {
      if (countPhrase(roleText, phrase) > 0) score += weight * ROLE_WEIGHT;
      if (jdText) score += weight * countPhrase(jdText, phrase);
    }
    scores[family] = score;
  }
  return scores;
}

/** The best-matching family; 'general-graduate' when nothing matches. Ties go to the earlier family. */
export function detectRoleFamily(role: string, jobDescription: string | null): RoleFamily {
  const scores = scoreRoleFamilies(role, jobDescription);
  let best: RoleFamily = 'general-graduate';
  let bestScore = 1;
  for (const family of roleFamilies) {
    if (scores[family] > bestScore) {
      best = family;
      bestScore = scores[family];
    }
  }
  return best;
}
