/**
 * The behavioural competencies readiness coverage counts, in the order the widget suggests
 * them to a newcomer. Technical competencies are scored too but are role-specific, so they
 * do not count toward coverage.
 */
export const coreCompetencies = [
  'teamwork',
  'communication',
  'problem-solving',
  'ownership',
  'conflict',
  'leadership',
  'adaptability',
  'failure-and-learning',
  'prioritisation',
  'customer-focus',
  'ethics',
  'motivation-fit',
] as const;
