import type { Seniority } from '../../../store/records.js';

/** Interview types a single question can have ('mixed' is a session setting, not a question type). */
export const questionTypes = ['behavioural', 'situational', 'technical-conceptual', 'motivational'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const roleFamilies = [
  'software',
  'data',
  'product',
  'design',
  'consulting',
  'finance',
  'marketing-sales',
  'healthcare',
  'education',
  'general-graduate',
] as const;
export type RoleFamily = (typeof roleFamilies)[number];

export interface BankQuestion {
  /** Stable: `<family>-<type>-<nnn>`; never renumbered, because learners' history refers to it. */
  id: string;
  /** The question as asked when no company is named. */
  text: string;
  /** A variant naming the company, with `{company}` where the name goes. */
  companyText?: string;
  competency: string;
  /** One or two sentences: what a strong answer shows. */
  guidance: string;
  type: QuestionType;
  families: readonly RoleFamily[] | 'any';
  seniority: { min: Seniority; max: Seniority };
  /** Lower-case words or short phrases matched against job descriptions and answers. */
  keywords: readonly string[];
}

/** The compact form the data files are written in. */
export interface QuestionRow {
  id: string;
  type: QuestionType;
  competency: string;
  text: string;
  companyText?: string;
  guidance: string;
  keywords: readonly string[];
  /** Defaults to intern…lead. */
  seniority?: readonly [Seniority, Seniority];
}

export function defineQuestions(families: readonly RoleFamily[] | 'any', rows: readonly QuestionRow[]): BankQuestion[] {
  return rows.map((row) => {
    const [min, max] = row.seniority ?? ['intern', 'lead'];
    const question: BankQuestion = {
      id: row.id,
      text: row.text,
      competency: row.competency,
      guidance: row.guidance,
      type: row.type,
      families,
      seniority: { min, max },
      keywords: row.keywords,
    };
    if (row.companyText) question.companyText = row.companyText;
    return question;
  });
}
