/**
 * Turns the rubric's diagnosis into words a student can act on: two or three strengths, two or
 * three improvements (each naming what is missing and how to add it), and an outline tailored
 * to the question's type and competency.
 */
import type { FeedbackCriterion } from '../coach.js';
import { competencyLabel, outlineHints } from './competencies.js';
import type { QuestionType } from './question-bank.js';

export interface Diagnosis {
  type: QuestionType;
  competency: string;
  questionText: string;
  company: string | null;
  words: number;
  idealWords: readonly [number, number];
  scores: Record<FeedbackCriterion, number>;
  /** Stage names found / not found for the type's frame (STAR for behavioural). */
  present: string[];
  missing: string[];
  ordered: boolean;
  hasReflection: boolean;
  hasResult: boolean;
  hasQuantifiedResult: boolean;
  numberCount: number;
  namedCount: number;
  iRefs: number;
  weRefs: number;
  iActions: number;
  weHeavy: boolean;
  genericCount: number;
  fillerCount: number;
  duplicateCount: number;
  longestSentenceWords: number;
  clarityIssues: string[];
  hasExperience: boolean;
  hasStakeholder: boolean;
  relevanceHits: number;
  lexiconHits: number;
  planActions: number;
}

interface Note {
  text: string;
  priority: number;
}

const WEIGHT: Record<FeedbackCriterion, number> = {
  structure: 0.2,
  relevance: 0.25,
  specificity: 0.2,
  impact: 0.2,
  clarity: 0.15,
};

function pick(notes: Note[], max: number): string[] {
  const seen = new Set<string>();
  return notes
    .sort((a, b) => b.priority - a.priority)
    .filter((n) => (seen.has(n.text) ? false : (seen.add(n.text), true)))
    .slice(0, max)
    .map((n) => n.text);
}

// ---------- strengths ----------

export function writeStrengths(d: Diagnosis): string[] {
  const s = d.scores;
  const label = competencyLabel(d.competency);
  const notes: Note[] = [];
  const add = (condition: boolean, text: string, priority: number) => {
    if (condition) notes.push({ text, priority });
  };

  if (d.words >= 20) {
    switch (d.type) {
      case 'behavioural':
        add(
          s.structure >= 4 && ['situation', 'action', 'result'].every((stage) => d.present.includes(stage)),
          d.hasReflection
            ? 'Clear STAR shape: you set the scene, said what you did, gave the result and reflected on it.'
            : 'Clear STAR shape: you set the scene, said what you did and finished with the result.',
          s.structure * 10 + 2,
        );
        add(
          s.specificity >= 4 && d.iActions >= 3 && !d.weHeavy,
          'Your own contribution is unmistakable: you describe your actions with "I", not a vague "we".',
          s.specificity * 10 + 3,
        );
        add(
          d.hasQuantifiedResult && s.impact >= 4,
          'You quantified the outcome, which makes the impact concrete and memorable.',
          s.impact * 10 + 4,
        );
        add(
          d.hasReflection && s.impact >= 3,
          'You reflected on what you learned, which shows self-awareness interviewers look for.',
          s.impact * 10,
        );
        break;
      case 'situational':
        add(
          d.missing.length === 0,
          'A clear plan: you would find out more first, act in sensible steps, involve the right people and check the outcome.',
          s.structure * 10 + 2,
        );
        add(
          d.missing.length > 0 && d.present.includes('clarify') && d.present.includes('plan'),
          'You would find out more before acting, then take concrete steps — a sensible order.',
          s.structure * 10,
        );
        add(d.hasStakeholder && s.impact >= 3, 'You thought about the people affected and how to keep them informed.', s.impact * 10 + 1);
        add(d.hasExperience, 'You backed the plan with a similar situation you have handled, which makes it credible.', 45);
        break;
      case 'technical-conceptual':
        add(d.present.includes('definition') && s.structure >= 3, 'You opened with a clear definition before going deeper.', s.structure * 10 + 1);
        add(d.present.includes('trade-offs'), 'You discussed trade-offs and limits, which shows judgement beyond the textbook.', s.impact * 10 + 3);
        add(d.present.includes('example'), 'A concrete example grounds your explanation.', s.impact * 10 + 2);
        add(s.specificity >= 4, `Accurate vocabulary: you used the key terms of ${label} naturally.`, s.specificity * 10 + 2);
        break;
      case 'motivational':
        add(d.hasExperience && s.specificity >= 3, 'You backed your motivation with real experience rather than adjectives.', s.specificity * 10 + 3);
        add(d.present.includes('fit'), 'You linked your interest to this particular role and organisation.', s.structure * 10 + 2);
        add(d.present.includes('future'), 'You looked ahead to what you would contribute and learn.', s.impact * 10 + 1);
        break;
    }
    add(s.relevance >= 4, `You answered the question asked: the answer is clearly about ${label}.`, s.relevance * 10 + 1);
    add(
      s.specificity >= 4 && d.numberCount + d.namedCount >= 2 && d.type !== 'technical-conceptual',
      'Concrete details (numbers, names, tools) make your answer believable.',
      s.specificity * 10 + 1,
    );
    add(
      s.clarity >= 4 && s.relevance >= 2 && d.clarityIssues.length === 0,
      `Easy to follow: a good length (${d.words} words) with clear sentences.`,
      s.clarity * 10,
    );
    add(
      s.clarity >= 4 && s.relevance >= 2 && d.clarityIssues.length > 0 && !d.clarityIssues.includes('long sentences'),
      'Clear, direct sentences that are easy to follow.',
      s.clarity * 10 - 2,
    );
  }

  const chosen = pick(
    notes.filter((n) => n.priority >= 30),
    3,
  );
  // Weak answers still get honest, specific encouragement so the learner knows what to keep.
  const fallbacks: string[] = [];
  if (d.words === 0) {
    fallbacks.push('Nothing to assess yet — the outline below gives you a structure to start from.');
    fallbacks.push(`Questions about ${label} come up often, so a prepared story here will pay off.`);
  } else {
    if (d.scores.relevance >= 3) fallbacks.push(`You chose a topic that fits the question about ${label}.`);
    if (d.iActions > 0 && !d.weHeavy) fallbacks.push('You described your own actions in the first person.');
    if (d.fillerCount === 0 && d.words >= 5) fallbacks.push('Your phrasing is direct, without filler words.');
    if (d.numberCount > 0) fallbacks.push('You included at least one concrete number — build on that.');
    fallbacks.push('You made a start — the outline below shows how to build it into a full answer.');
    fallbacks.push(`Questions about ${label} come up often, so this is a good one to practise.`);
  }
  for (const f of fallbacks) {
    if (chosen.length >= 2) break;
    if (!chosen.includes(f)) chosen.push(f);
  }
  return chosen;
}

// ---------- improvements ----------

const STAR_TIPS: Record<string, string> = {
  situation: 'Open with one or two sentences of context: where you were, when, and what was at stake.',
  task: 'Say what you personally were responsible for, e.g. "My job was to…".',
  action: 'Spend most of the answer on what you did: two or three concrete steps, each starting with "I".',
  result: 'End with the outcome: what changed because of what you did?',
};

const FRAME_TIPS: Record<QuestionType, Record<string, string>> = {
  behavioural: STAR_TIPS,
  situational: {
    clarify: "Start with what you'd find out first and who you'd ask, before acting.",
    plan: 'Lay out two or three concrete steps in order, in the first person ("First I would…, then…").',
    people: "Say who you'd involve or keep informed (your manager, the client, the team) and how.",
    outcome: "Say how you'd know it had worked, and what you'd do if it didn't.",
  },
  'technical-conceptual': {
    definition: 'Open with a one-sentence definition before going into detail.',
    mechanism: 'Explain how or why it works, not just what it is ("…because…", "…which means…").',
    example: 'Give a concrete example, ideally from your own project, course or placement.',
    'trade-offs': "Cover trade-offs or limits: when would you choose differently, and why?",
  },
  motivational: {
    reason: 'State your reason plainly in the first sentence: what draws you to this, specifically?',
    evidence: 'Back your interest with a real experience that shows it (a project, placement, job or society).',
    fit: 'Name something specific about the organisation or role and connect it to your own experience.',
    future: "Finish with what you'd contribute and what you want to learn in the role.",
  },
};

export function writeImprovements(d: Diagnosis): string[] {
  const s = d.scores;
  const label = competencyLabel(d.competency);
  const [lo, hi] = d.idealWords;
  const gap = (criterion: FeedbackCriterion) => WEIGHT[criterion] * (5 - s[criterion]) * 10;
  const notes: Note[] = [];
  const add = (condition: boolean, text: string, priority: number) => {
    if (condition) notes.push({ text, priority });
  };

  if (d.words < 20) {
    add(true, `Write a full answer of roughly ${lo}-${hi} words; the outline below gives you the shape.`, 100);
    add(
      true,
      d.type === 'behavioural'
        ? `Pick one real occasion about ${label} and tell it as a story: context, your actions, the result.`
        : `Answer the question directly, then support your answer with a concrete example.`,
      90,
    );
    return pick(notes, 3);
  }

  add(
    s.relevance === 1,
    `This doesn't answer the question yet — re-read it and pick an example that is clearly about ${label}.`,
    100,
  );
  add(
    s.relevance >= 2 && s.relevance <= 3,
    `Tie your answer to the question: it asks about ${label}, so put that at the centre${
      d.type === 'behavioural' ? ` (${outlineHints(d.competency).action})` : ''
    }.`,
    gap('relevance') + 2,
  );

  // Structure: name the first missing part of the frame, or the ordering problem.
  const importance = d.type === 'behavioural' ? ['result', 'action', 'situation', 'task'] : d.missing;
  const firstMissing = importance.find((stage) => d.missing.includes(stage));
  if (firstMissing && s.structure <= 4) {
    const missingList = d.missing.map((m) => m.charAt(0).toUpperCase() + m.slice(1));
    const prefix = d.type === 'behavioural' ? `Add the missing STAR part${d.missing.length > 1 ? 's' : ''} (${missingList.join(', ')}). ` : '';
    add(true, `${prefix}${FRAME_TIPS[d.type][firstMissing] ?? ''}`.trim(), gap('structure') + (firstMissing === 'result' ? 3 : 1));
  }
  add(
    !d.ordered,
    "Tell it in order — context, then what you did, then the result — so the interviewer doesn't have to piece it together.",
    gap('structure') + 2,
  );

  // Specificity.
  add(
    d.weHeavy,
    `Say what you did: you used "we" ${d.weRefs} times and "I" ${d.iRefs} times. Use "I" for your own actions ("I proposed…", "I built…").`,
    gap('specificity') + 3,
  );
  add(
    d.genericCount > 0 && (d.type === 'behavioural' || d.type === 'motivational'),
    d.type === 'behavioural'
      ? 'Replace general statements ("I always…", "I\'m a team player") with what you actually did on one occasion.'
      : 'Replace stock phrases ("passionate", "well-known", "interesting") with evidence: what exactly, and how do you know?',
    gap('specificity') + 2,
  );
  const concreteTip: Record<QuestionType, string> = {
    behavioural: 'Add concrete details: how many people, how long it took, which tools or methods, what the deadline was.',
    situational: "Make the plan concrete: who exactly you'd speak to, what you'd say, and by when.",
    'technical-conceptual': 'Make it concrete: use a worked example with real numbers, tools or names.',
    motivational:
      'Add specifics: a project, product, value or fact about the organisation, and a concrete experience of your own that connects to it.',
  };
  const fitTipComing = d.type === 'motivational' && d.missing.includes('fit');
  add(s.specificity <= 3 && d.numberCount === 0 && !fitTipComing, concreteTip[d.type], gap('specificity') + 1);
  add(
    d.type === 'behavioural' && s.specificity <= 3 && d.iActions < 2 && !d.weHeavy,
    'Use strong first-person verbs for your actions ("I organised…", "I analysed…", "I persuaded…").',
    gap('specificity'),
  );

  // Impact.
  if (d.type === 'behavioural') {
    add(
      d.hasResult && !d.hasQuantifiedResult,
      'Quantify the result: a number, percentage, time saved, grade or the feedback you received makes it memorable.',
      gap('impact') + 2,
    );
    add(!d.hasReflection, 'Add one line on what you learned or would do differently next time.', gap('impact') + 1);
  } else if (s.impact <= 3) {
    const impactTip: Record<Exclude<QuestionType, 'behavioural'>, string> = {
      situational: d.hasExperience
        ? "Say what could go wrong and what you'd do then — it shows judgement."
        : 'Back the plan with a time you handled something similar; it makes a hypothetical answer credible.',
      'technical-conceptual': "Show why it matters in practice: when you'd use it, what it costs, and an example from your own work.",
      motivational: "Finish with what you'd contribute in the role, not only what you'd gain.",
    };
    add(true, impactTip[d.type], gap('impact') + 1);
  }

  // Clarity.
  add(
    d.clarityIssues.includes('filler'),
    `Cut filler words ("basically", "you know", "like"); there are ${d.fillerCount}. A pause reads better than a filler.`,
    gap('clarity') + 6,
  );
  add(
    d.clarityIssues.includes('repetition'),
    `Avoid repeating yourself: ${d.duplicateCount} sentence${d.duplicateCount === 1 ? '' : 's'} appear${d.duplicateCount === 1 ? 's' : ''} more than once.`,
    gap('clarity') + 8,
  );
  add(
    d.clarityIssues.includes('long'),
    `Trim to about ${lo}-${hi} words (roughly two minutes spoken): cut background and keep your actions and the result.`,
    gap('clarity') + 2,
  );
  const roomFor: Record<QuestionType, string> = {
    behavioural: 'more context, actions and outcome',
    situational: "more steps, the people involved and how you'd check it worked",
    'technical-conceptual': 'an example and the trade-offs',
    motivational: "evidence from your experience and what you'd contribute",
  };
  add(
    d.clarityIssues.includes('short'),
    `Develop the answer to roughly ${lo}-${hi} words: there is room for ${roomFor[d.type]}.`,
    gap('clarity') + 1,
  );
  add(
    d.clarityIssues.includes('long sentences'),
    `Break up long sentences: the longest runs to ${d.longestSentenceWords} words.`,
    gap('clarity'),
  );

  const chosen = pick(
    notes.filter((n) => n.priority > 0),
    3,
  );
  const stretch = [
    d.type === 'behavioural'
      ? 'Stretch: prepare a one-line answer to the follow-up "What would you do differently?"'
      : 'Stretch: prepare for a follow-up question that pushes one level deeper on your main point.',
    'Stretch: practise saying it aloud in under two minutes so it sounds natural, not memorised.',
  ];
  for (const s2 of stretch) {
    if (chosen.length >= 2) break;
    chosen.push(s2);
  }
  return chosen;
}

// ---------- outline ----------

export function writeOutline(d: Diagnosis): string[] {
  const hints = outlineHints(d.competency);
  switch (d.type) {
    case 'behavioural':
      return [
        `Situation: ${hints.situation} — one or two sentences on when and where.`,
        'Task: what you personally were responsible for, and what was at stake.',
        `Action: ${hints.action} — two or three concrete steps, told with "I".`,
        `Result: ${hints.result}; add a number if you can (time saved, grade, people reached).`,
        "Reflection: what you learned, and what you'd do differently next time.",
      ];
    case 'situational':
      return [
        "Clarify: what you'd find out first, and who you'd speak to.",
        `Prioritise: what matters most here (${competencyLabel(d.competency)}) and why.`,
        'Act: two or three steps in order, in the first person ("First I would…").',
        "Communicate: who you'd keep informed, and how.",
        "Check: how you'd know it worked — and a time you handled something similar.",
      ];
    case 'technical-conceptual':
      return [
        'Answer first: a one-sentence definition or direct answer.',
        'Explain how it works and why — the mechanism, not just the name.',
        'Example: a concrete case, ideally from your own project, course or placement.',
        "Trade-offs: limits, costs, or when you'd choose differently.",
        'Close: why it matters in this role.',
      ];
    case 'motivational': {
      const employer = d.company ?? 'the organisation';
      return [
        'Hook: your main reason in one specific sentence (not "I\'m passionate about…").',
        'Evidence: an experience that shows the interest is real (project, placement, job, society).',
        `Fit: two specific things about ${employer} or the role that match your strengths.`,
        "Future: what you'd contribute, and what you want to learn in the first year.",
      ];
    }
  }
}
