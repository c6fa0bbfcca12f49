/**
 * Rule-based help for tightening a STAR story draft: up to three suggestions per part (or one
 * "looks good" note, so every part always has something), plus notes on the whole story.
 */
import type { StarDraftContent } from '../../store/records.js';
import type { StarPart, StarSuggestions } from '../coach.js';
import { analyseAnswer, type AnswerFeatures } from './answer-features.js';

const MAX_PER_PART = 3;
const YEAR = /^(?:19|20)\d\d$/;
const GOAL = /\b(?:goal|aim|objective|deadline|target|responsib\w*|my (?:job|role|task)|had to|needed to|was asked|brief|challenge)\b/i;
const FUTURE_USE = /\b(?:now|since|next time|would|will|going forward|these days|ever since|from then on|in future|today)\b/i;
const WENT_WELL = /\b(?:went (?:well|ok|okay|fine)|was (?:a )?success(?:ful)?|it worked|good outcome|positive)\b/i;

interface Part {
  text: string;
  f: AnswerFeatures;
  words: number;
}

function part(text: string): Part {
  const f = analyseAnswer(text);
  return { text, f, words: f.contentWords };
}

function hasRealNumber(f: AnswerFeatures): boolean {
  for (const n of f.numbers) if (!YEAR.test(n)) return true;
  return false;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function suggestForStarDraft(draft: StarDraftContent, locale = 'en'): StarSuggestions {
  const situation = part(draft.situation);
  const task = part(draft.task);
  const action = part(draft.action);
  const result = part(draft.result);
  const reflection = part(draft.reflection);

  const out: Record<StarPart, string[]> = { situation: [], task: [], action: [], result: [], reflection: [] };

  // ---- situation ----
  if (situation.words === 0) {
    out.situation.push('Add one or two sentences of context: where you were, when, and what was at stake.');
  } else {
    if (situation.words > 70)
      out.situation.push(
        `Trim to the context: ${situation.words} words is long for a situation. Keep where, when and what was at stake (30-50 words) and move the rest to Action.`,
      );
    if (!situation.f.unique.some((s) => s.situation) && situation.f.numbers.size === 0 && situation.f.named.size === 0)
      out.situation.push('Anchor it: say when and where this happened (e.g. "In my second-year group project…").');
    if (situation.f.iActions >= 2)
      out.situation.push('You describe your actions here; move them into Action so the situation stays short.');
  }

  // ---- task ----
  if (task.words === 0) {
    out.task.push('State what you were responsible for, or the goal you had to hit (e.g. "My job was to…").');
  } else {
    if (task.f.iRefs === 0 || task.f.weRefs > task.f.iRefs)
      out.task.push('Make your own part clear: what were you personally responsible for?');
    if (!GOAL.test(task.text)) out.task.push('Name the goal, deadline or constraint so the stakes are clear.');
    if (task.words > 60) out.task.push(`Shorten to one or two sentences (${task.words} words now).`);
  }

  // ---- action ----
  if (action.words === 0) {
    out.action.push('This is the heart of the story: list two or three things you did, each starting with "I".');
  } else {
    if (action.f.weRefs > action.f.iRefs)
      out.action.push(
        `Say what you did: you used "we" ${plural(action.f.weRefs, 'time')} and "I" ${plural(action.f.iRefs, 'time')}. Use "I" for your own actions.`,
      );
    if (action.f.iActions < 2)
      out.action.push('Break it into two or three concrete steps with strong verbs ("I analysed…", "I proposed…", "I organised…").');
    if (action.f.named.size === 0 && action.f.numbers.size === 0)
      out.action.push('Name the methods, tools or people involved so the steps are concrete.');
    if (action.words < 40) out.action.push('Expand a little: Action should be the longest part, about half the story.');
    if (action.words > 200) out.action.push(`Cut to the two or three steps that mattered most (${action.words} words now).`);
  }

  // ---- result ----
  if (result.words === 0) {
    out.result.push('Add the result: what changed because of what you did?');
  } else {
    if (!hasRealNumber(result.f))
      out.result.push(
        WENT_WELL.test(result.text)
          ? 'Replace "it went well" with evidence: a number, percentage, time saved, grade or a quote from feedback.'
          : 'Quantify it: a number, percentage, time saved, grade or a quote from feedback.',
      );
    if (result.f.unique.some((s) => s.reflection))
      out.result.push('Move the lesson into Reflection and keep Result about the outcome.');
    if (result.words > 90) out.result.push('Keep the result to two or three sentences; lead with the most important outcome.');
  }

  // ---- reflection ----
  if (reflection.words === 0) {
    out.reflection.push("Add what you learned, and what you'd do differently next time.");
  } else {
    if (!FUTURE_USE.test(reflection.text))
      out.reflection.push("Show you've applied it: how have you used this lesson since, or how will you next time?");
    if (reflection.words > 80) out.reflection.push('Keep the reflection to one or two sentences.');
  }

  const praise: Record<StarPart, string> = {
    situation: 'Good: short and sets the scene.',
    task: 'Good: your responsibility and the stakes are clear.',
    action: 'Strong: clear first-person steps with concrete detail.',
    result: 'Good: a concrete, measurable outcome.',
    reflection: "Good: a clear lesson that you've applied.",
  };
  for (const key of Object.keys(out) as StarPart[]) {
    if (out[key].length === 0) out[key].push(praise[key]);
    out[key] = out[key].slice(0, MAX_PER_PART);
  }

  // ---- the whole story ----
  const overall: string[] = [];
  const total = situation.words + task.words + action.words + result.words + reflection.words;
  if (total > 400) overall.push(`At ${total} words this runs past two minutes spoken; aim for 250-350.`);
  else if (total > 0 && total < 80) overall.push(`At ${total} words it is still thin; aim for 150-300 once every part is filled in.`);
  if (total >= 80 && action.words > 0 && action.words / total < 0.35)
    overall.push(`Give Action the most space: it is ${Math.round((action.words / total) * 100)}% of the story; aim for about half.`);
  if (!draft.competency) overall.push('Tag a competency (teamwork, conflict, leadership…) so you can find this story when you need it.');
  if (!draft.title.trim()) overall.push('Give the story a short title you will recognise, e.g. "Budget app disagreement".');
  if (!locale.toLowerCase().startsWith('en')) overall.push('Suggestions from the offline coach are in English.');
  if (overall.length === 0) overall.push('This story is in good shape: practise telling it aloud in about two minutes.');

  return { ...out, overall };
}
