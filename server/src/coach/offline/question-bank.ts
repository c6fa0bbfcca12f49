/**
 * The offline coach's question bank: original questions written for Interview Studio, grouped
 * by role family in `./bank/`. Each question carries a stable id, its competency, what a strong
 * answer shows, its interview type, the role families it suits, a seniority range and keywords.
 */
import { generalQuestions } from './bank/general.js';
import { consultingQuestions, financeQuestions, marketingSalesQuestions } from './bank/business.js';
import { educationQuestions, graduateQuestions, healthcareQuestions } from './bank/care-education.js';
import { designQuestions, productQuestions } from './bank/product-design.js';
import { dataQuestions, softwareQuestions } from './bank/technology.js';
import type { BankQuestion } from './bank/types.js';

export { questionTypes, roleFamilies } from './bank/types.js';
export type { BankQuestion, QuestionType, RoleFamily } from './bank/types.js';

export const questionBank: readonly BankQuestion[] = Object.freeze([
  ...generalQuestions,
  ...graduateQuestions,
  ...softwareQuestions,
  ...dataQuestions,
  ...productQuestions,
  ...designQuestions,
  ...consultingQuestions,
  ...financeQuestions,
  ...marketingSalesQuestions,
  ...healthcareQuestions,
  ...educationQuestions,
]);

const byId = new Map(questionBank.map((question) => [question.id, question]));

/** The bank question with this id, if the id came from the bank. */
export function findBankQuestion(id: string): BankQuestion | undefined {
  return byId.get(id);
}
