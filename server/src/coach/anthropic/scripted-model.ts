/**
 * The fake Messages API's default "model": a well-behaved reply for each of our tasks, built
 * from what the request carries (the task is recognised by the output schema's properties).
 * Feedback quotes the start of the answer's sentences verbatim, skipping any with a redaction
 * placeholder, so a correct adapter keeps every quote.
 */
import type { FakeCall, FakeReply } from './fake-messages-api.js';

function userText(call: FakeCall): string {
  const first = call.body.messages?.[0]?.content;
  if (typeof first === 'string') return first;
  if (Array.isArray(first)) return first.map((b: { text?: string }) => b.text ?? '').join('\n');
  return '';
}

function between(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  if (start < 0) return '';
  const end = text.indexOf(close, start + open.length);
  return text.slice(start + open.length, end < 0 ? undefined : end);
}

/** Up to `max` quotes: the first eight words of sentences without placeholders. */
export function quotesFrom(answer: string, max = 3): string[] {
  return answer
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length >= 3 && !words.some((w) => w.includes('[')))
    .slice(0, max)
    .map((words) => words.slice(0, 8).join(' '));
}

/** Longer answers with numbers score higher, so a strong answer beats a weak one. */
export function scriptedFeedback(answer: string): Record<string, unknown> {
  const quotes = quotesFrom(answer);
  const pick = (i: number) => (quotes.length ? [quotes[i % quotes.length]!] : []);
  const words = answer.split(/\s+/).filter(Boolean).length;
  const quality = Math.min(1, words / 200) * 0.8 + (/\d/.test(answer) ? 0.2 : 0);
  const score = (bonus: number) => Math.max(1, Math.min(5, 1 + Math.round(quality * 3) + bonus));
  return {
    criteria: [
      { criterion: 'structure', score: score(1), reason: 'You set the scene and moved on to what you did.', evidence: pick(0) },
      { criterion: 'relevance', score: score(1), reason: 'Your example answers the question asked.', evidence: pick(1) },
      { criterion: 'specificity', score: score(0), reason: 'Some concrete detail; name the tools and numbers.', evidence: pick(2) },
      { criterion: 'impact', score: score(0), reason: 'Say what changed because of your actions.', evidence: [] },
      { criterion: 'clarity', score: score(1), reason: 'Short, direct sentences that are easy to follow.', evidence: pick(0) },
    ],
    overallScore: Math.round(15 + quality * 70),
    strengths: ['You chose a real example and told it in order.', 'You said what you did yourself.'],
    improvements: ['End with a measurable result, such as time saved or people helped.', 'Cut the context to two sentences.'],
    outline: ['Situation: one sentence of context.', 'Task: what you were responsible for.', 'Action: the steps you took.', 'Result: what changed, with a number.'],
  };
}

const COMPETENCIES = ['teamwork', 'problem-solving', 'communication', 'ownership', 'adaptability', 'leadership'];

function scriptedQuestions(user: string): Record<string, unknown> {
  const count = Number(/Write exactly (\d+) question/.exec(user)?.[1] ?? 3);
  const role = /role: (.*)/.exec(user)?.[1]?.trim() ?? 'this role';
  return {
    questions: Array.from({ length: count }, (_, i) => ({
      text: `Tell me about a time your work as a ${role} needed ${COMPETENCIES[i % COMPETENCIES.length]!.replace('-', ' ')} (example ${i + 1}).`,
      competency: COMPETENCIES[i % COMPETENCIES.length],
      guidance: 'Pick one real example, say what you did and finish with the result.',
    })),
  };
}

function scriptedStar(): Record<string, unknown> {
  return {
    situation: ['Cut the context to where, when and what was at stake.'],
    task: ['Say what you were responsible for, starting "My job was to".'],
    action: ['Use "I" and list the two or three steps you took.'],
    result: ['Add a number: how much time, money or effort it saved.'],
    reflection: ['Say what you do differently since.'],
    overall: ['A solid story; tighten the situation so the action stands out.'],
  };
}

function scriptedSummary(user: string): Record<string, unknown> {
  const score = /mock score: (\d+)/.exec(user)?.[1] ?? '0';
  return {
    summary: `You finished the mock interview with a score of ${score}/100. Your clearest answers told one real example in order. Next time, end every answer with a measurable result.`,
  };
}

export function scriptedReply(call: FakeCall): FakeReply {
  const properties = Object.keys(call.body.output_config?.format?.schema?.properties ?? {});
  const user = userText(call);
  let json: Record<string, unknown>;
  if (properties.includes('criteria')) json = scriptedFeedback(between(user, '<answer>\n', '\n</answer>'));
  else if (properties.includes('questions')) json = scriptedQuestions(user);
  else if (properties.includes('situation')) json = scriptedStar();
  else if (properties.includes('summary')) json = scriptedSummary(user);
  else return { type: 'message', text: 'Hello from the fake model.' };
  return { type: 'message', text: JSON.stringify(json) };
}
