/** Questions for product management and design roles. Written for Interview Studio; ids are stable. */
import { defineQuestions } from './types.js';

export const productQuestions = defineQuestions(['product'], [
  {
    id: 'pm-tech-001',
    type: 'technical-conceptual',
    competency: 'product-metrics',
    text: 'How would you measure the success of a new feature that lets students save jobs to a shortlist?',
    guidance:
      'Start from the user goal, choose one primary metric tied to it (for example applications from saved jobs), add guardrail metrics, and say what result would make you roll it back.',
    keywords: ['metrics', 'kpi', 'analytics', 'success', 'engagement'],
  },
  {
    id: 'pm-tech-002',
    type: 'technical-conceptual',
    competency: 'product-sense',
    text: 'Pick an app you use every day. What would you improve, and how would you know the change worked?',
    guidance:
      'Name the user and their problem before the solution, justify why this improvement matters most, and describe how you would test it.',
    keywords: ['user experience', 'product', 'improvement', 'users', 'hypothesis'],
  },
  {
    id: 'pm-tech-003',
    type: 'technical-conceptual',
    competency: 'product-strategy',
    text: 'How do you decide what goes into a product roadmap, and what stays out?',
    guidance:
      'Connect the roadmap to strategy and outcomes, explain how evidence, effort and risk shape the order, and how you communicate what is not being done.',
    keywords: ['roadmap', 'strategy', 'prioritisation', 'stakeholders', 'vision'],
  },
  {
    id: 'pm-tech-004',
    type: 'technical-conceptual',
    competency: 'product-discovery',
    text: 'How would you find out whether a problem is worth solving before anything is built?',
    guidance:
      'Describe discovery methods — interviews, data, prototypes, smoke tests — and the evidence that would convince you to go ahead or stop.',
    keywords: ['discovery', 'user research', 'validation', 'prototype', 'problem'],
  },
  {
    id: 'pm-tech-005',
    type: 'technical-conceptual',
    competency: 'product-metrics',
    text: 'Weekly active users fell 10% last month. How would you investigate?',
    guidance:
      'Show a structured approach: check the data, segment by platform, cohort and region, line the drop up with releases and external events, then form and test hypotheses.',
    keywords: ['metrics', 'analytics', 'retention', 'investigation', 'dashboard'],
  },
  {
    id: 'pm-tech-006',
    type: 'technical-conceptual',
    competency: 'product-strategy',
    text: "What's the difference between an output and an outcome, and why does it matter to a product team?",
    guidance:
      'Define both with an example (shipping a feature versus changing user behaviour) and explain how focusing on outcomes changes planning and measurement.',
    keywords: ['outcomes', 'okrs', 'strategy', 'goals'],
  },
  {
    id: 'pm-tech-007',
    type: 'technical-conceptual',
    competency: 'product-sense',
    text: 'Explain a prioritisation framework you like — such as RICE or MoSCoW — and its weaknesses.',
    guidance:
      'Explain how it works with an example, then show judgement by naming where it misleads (false precision, ignoring strategy) and how you compensate.',
    keywords: ['rice', 'moscow', 'prioritisation', 'framework', 'backlog'],
  },
  {
    id: 'pm-tech-008',
    type: 'technical-conceptual',
    competency: 'product-delivery',
    text: 'What makes a good user story, and what makes acceptance criteria useful to engineers?',
    guidance:
      'Show a story framed around a user need and value, criteria that are testable and cover edge cases, and how you refine them with the team.',
    keywords: ['user stories', 'agile', 'scrum', 'backlog', 'acceptance criteria', 'jira'],
  },
  {
    id: 'pm-beh-001',
    type: 'behavioural',
    competency: 'customer-focus',
    text: 'Tell me about a time you learned something from users that changed what you built or planned.',
    guidance:
      'Describe how you gathered the insight, why it was surprising, what you changed, and the effect on the product or plan.',
    keywords: ['user research', 'feedback', 'insight', 'iterate', 'customers'],
  },
  {
    id: 'pm-beh-002',
    type: 'behavioural',
    competency: 'leadership',
    text: 'Describe a time you got a group to agree on priorities when everyone wanted something different.',
    guidance:
      'Show how you surfaced the goals behind each request, used evidence and a shared framework to decide, and kept people committed afterwards.',
    keywords: ['alignment', 'stakeholders', 'prioritisation', 'facilitation'],
  },
  {
    id: 'pm-beh-003',
    type: 'behavioural',
    competency: 'communication',
    text: "Tell me about a time you had to tell someone that their request wouldn't be delivered.",
    guidance:
      'A strong answer explains the reasoning clearly and early, offers an alternative or a timeline, and keeps the relationship strong.',
    keywords: ['stakeholder management', 'saying no', 'communication', 'expectations'],
  },
  {
    id: 'pm-sit-001',
    type: 'situational',
    competency: 'prioritisation',
    text: 'Your biggest customer demands a feature only they would use, and the sales team says the deal depends on it. What would you do?',
    guidance:
      'Show that you would dig into the underlying need, estimate the true cost including maintenance, explore alternatives, and make the trade-off explicit with leadership.',
    keywords: ['customer', 'sales', 'roadmap', 'trade-off', 'negotiation'],
  },
  {
    id: 'pm-sit-002',
    type: 'situational',
    competency: 'ethics',
    text: 'A growth experiment would lift sign-ups by making it harder for users to cancel. Would you run it?',
    guidance:
      'A strong answer names the dark pattern, weighs short-term metrics against trust, regulation and retention, and proposes an ethical alternative.',
    keywords: ['ethics', 'growth', 'dark patterns', 'trust', 'experiment'],
  },
  {
    id: 'pm-sit-003',
    type: 'situational',
    competency: 'problem-solving',
    text: 'Engineering says your top-priority feature will take three times longer than planned. What do you do?',
    guidance:
      'Show that you would understand why, look for a smaller version that delivers most of the value, and re-plan openly with stakeholders.',
    keywords: ['scope', 'estimation', 'mvp', 'engineering', 'replan'],
  },
  {
    id: 'pm-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why product management? What do you think a product manager actually does day to day?',
    guidance:
      'Show a realistic picture of the job (discovery, prioritising, aligning people, measuring outcomes) and evidence that you already enjoy that kind of work.',
    keywords: ['product management', 'career', 'stakeholders', 'users', 'motivation'],
  },
]);

export const designQuestions = defineQuestions(['design'], [
  {
    id: 'des-tech-001',
    type: 'technical-conceptual',
    competency: 'user-research',
    text: 'How would you plan user research for a product you know little about, with two weeks and no budget?',
    guidance:
      'Show how you would define the research questions, pick lean methods (guerrilla testing, interviews with existing contacts, analytics), and turn findings into decisions.',
    keywords: ['user research', 'interviews', 'usability testing', 'research plan'],
  },
  {
    id: 'des-tech-002',
    type: 'technical-conceptual',
    competency: 'accessibility',
    text: 'What does designing for accessibility mean in practice? Give some specific things you check.',
    guidance:
      'Go beyond principles: colour contrast, keyboard navigation, focus states, screen reader labels, text resizing, plain language, and testing with disabled users.',
    keywords: ['accessibility', 'wcag', 'contrast', 'screen reader', 'inclusive design'],
  },
  {
    id: 'des-tech-003',
    type: 'technical-conceptual',
    competency: 'design-process',
    text: 'Walk me through your design process from brief to handover, using a recent project.',
    guidance:
      'Use one real project to show each stage — understanding the problem, exploring options, testing, refining, handing over — and the decisions you made at each.',
    keywords: ['design process', 'portfolio', 'handoff', 'iteration', 'figma'],
  },
  {
    id: 'des-tech-004',
    type: 'technical-conceptual',
    competency: 'design-systems',
    text: 'What is a design system, and what problems does it solve — and create?',
    guidance:
      'Explain components, tokens and guidelines and the consistency and speed they bring, then the costs: governance, rigidity and keeping design and code in step.',
    keywords: ['design system', 'components', 'design tokens', 'consistency'],
  },
  {
    id: 'des-tech-005',
    type: 'technical-conceptual',
    competency: 'user-research',
    text: "What's the difference between usability testing and user interviews? When would you use each?",
    guidance:
      'Contrast observing behaviour on a task with exploring needs and motivations, and give a moment in a project where each is the right tool.',
    keywords: ['usability testing', 'user interviews', 'research methods', 'qualitative'],
  },
  {
    id: 'des-tech-006',
    type: 'technical-conceptual',
    competency: 'interaction-design',
    text: 'How do you decide between a quick low-fidelity prototype and a polished high-fidelity one?',
    guidance:
      'Tie fidelity to the question being tested and the audience, with examples of when each saved time or gave misleading feedback.',
    keywords: ['prototyping', 'wireframes', 'figma', 'fidelity', 'testing'],
  },
  {
    id: 'des-tech-007',
    type: 'technical-conceptual',
    competency: 'visual-design',
    text: "How do you use hierarchy, spacing and typography to guide someone's attention on a screen?",
    guidance:
      'Explain concrete techniques — size, weight, contrast, proximity, alignment, a type scale — with an example of a screen you improved.',
    keywords: ['visual design', 'typography', 'layout', 'hierarchy', 'ui'],
  },
  {
    id: 'des-tech-008',
    type: 'technical-conceptual',
    competency: 'design-measurement',
    text: 'How do you tell whether a design is working once it has shipped?',
    guidance:
      'Name the signals — task success, analytics funnels, support tickets, qualitative feedback — and how you would set targets before launch.',
    keywords: ['analytics', 'metrics', 'ux', 'iteration', 'feedback'],
  },
  {
    id: 'des-beh-001',
    type: 'behavioural',
    competency: 'conflict',
    text: 'Tell me about a time a stakeholder rejected your design. What did you do?',
    guidance:
      'Show that you sought to understand their concern, brought evidence from users, and found a route forward without becoming defensive.',
    keywords: ['stakeholder', 'critique', 'feedback', 'design decision'],
  },
  {
    id: 'des-beh-002',
    type: 'behavioural',
    competency: 'customer-focus',
    text: 'Describe a time research findings surprised you and changed your design.',
    guidance:
      'Explain what you expected, what users actually did or said, how you changed the design, and what happened as a result.',
    keywords: ['user research', 'insight', 'iteration', 'usability'],
  },
  {
    id: 'des-sit-001',
    type: 'situational',
    competency: 'communication',
    text: "An engineer tells you your design can't be built in time for the release. How would you respond?",
    guidance:
      'A strong answer asks what is expensive and why, works with the engineer on a version that keeps the core experience, and plans the rest for later.',
    keywords: ['engineering', 'collaboration', 'scope', 'trade-off', 'release'],
  },
  {
    id: 'des-sit-002',
    type: 'situational',
    competency: 'ethics',
    text: "You're asked to design a pop-up that nudges users into sharing more personal data than they need to. What do you do?",
    guidance:
      'Show that you would name the risks (trust, privacy law, dark patterns), propose a transparent alternative that still meets the business goal, and escalate if needed.',
    keywords: ['ethics', 'privacy', 'dark patterns', 'gdpr', 'trust'],
  },
  {
    id: 'des-sit-003',
    type: 'situational',
    competency: 'prioritisation',
    text: "You're the only designer supporting three teams, and each thinks its work is most urgent. How do you manage it?",
    guidance:
      'Show how you would make demand visible, agree priorities with the team leads against shared goals, and find ways to scale yourself such as reusable patterns.',
    keywords: ['prioritisation', 'stakeholders', 'workload', 'design ops'],
  },
  {
    id: 'des-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why design? Tell me about a piece of design — not your own — that you think is excellent, and why.',
    guidance:
      'Pick something specific, explain what problem it solves for its users and the choices that make it work, and connect that to the designer you want to become.',
    keywords: ['design', 'inspiration', 'craft', 'users', 'career'],
  },
]);
