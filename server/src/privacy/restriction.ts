/**
 * Restriction of processing (UK GDPR art. 18): while a learner has it set, their data is kept
 * but not processed: no AI provider call, no scoring, no generated questions, no STAR
 * suggestions, no mock summary, no analytics. The decision is `isProcessingRestricted`; the
 * coach selector (coach/select-coach.ts) enforces it by handing out `refusingCoach`, the only
 * coach such a learner can reach, so no procedure can forget the check.
 */
import type { Coach } from '../coach/coach.js';
import { AppError } from '../errors.js';
import type { Learner } from '../store/records.js';

export function isProcessingRestricted(learner: Pick<Learner, 'restrictedAt'>): boolean {
  // `!= null`: a record from an adapter that does not know the field yet counts as unrestricted.
  return learner.restrictedAt != null;
}

function refuse(): AppError {
  return new AppError('PROCESSING_RESTRICTED');
}

/** A coach that processes nothing: every method rejects with PROCESSING_RESTRICTED. */
export function refusingCoach(): Coach {
  return {
    name: 'restricted',
    generateQuestions: async () => {
      throw refuse();
    },
    // eslint-disable-next-line require-yield
    evaluateAnswer: async function* () {
      throw refuse();
    },
    suggestStar: async () => {
      throw refuse();
    },
    summariseMock: async () => {
      throw refuse();
    },
  };
}
