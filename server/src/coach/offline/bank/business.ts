/** Questions for consulting, finance, and marketing and sales roles. Written for Interview Studio; ids are stable. */
import { defineQuestions } from './types.js';

export const consultingQuestions = defineQuestions(['consulting'], [
  {
    id: 'con-tech-001',
    type: 'technical-conceptual',
    competency: 'case-structuring',
    text: "A regional bakery chain's profits have fallen for two years while revenue has stayed flat. How would you structure the problem?",
    guidance:
      'Lay out a clear profit tree (revenue is flat, so focus on costs: ingredients, labour, rent, waste), say which branch you would test first and what data you would ask for.',
    keywords: ['case interview', 'profitability', 'costs', 'framework', 'hypothesis'],
  },
  {
    id: 'con-tech-002',
    type: 'technical-conceptual',
    competency: 'estimation',
    text: 'Estimate the annual market for bicycle repairs in a city of one million people. Talk me through your assumptions.',
    guidance:
      'Segment the population, state each assumption with a round number and a reason, do the arithmetic out loud, and sanity-check the answer at the end.',
    keywords: ['market sizing', 'estimation', 'assumptions', 'guesstimate'],
  },
  {
    id: 'con-tech-003',
    type: 'technical-conceptual',
    competency: 'commercial-awareness',
    text: 'A client is considering expanding into a new country. What would you want to know before recommending it?',
    guidance:
      'Cover the market (size, growth, competitors), the client (capabilities, economics), entry options and risks, and say what would make the answer no.',
    keywords: ['market entry', 'strategy', 'competitors', 'risk', 'expansion'],
  },
  {
    id: 'con-tech-004',
    type: 'technical-conceptual',
    competency: 'data-interpretation',
    text: "A client's survey shows 80% of customers are satisfied, yet they are losing customers. How would you reconcile the two?",
    guidance:
      'Question the data (who answered, what was asked), separate satisfaction from loyalty, look at who is leaving and why, and propose how to test each explanation.',
    keywords: ['survey', 'data analysis', 'churn', 'customer satisfaction', 'insight'],
  },
  {
    id: 'con-tech-005',
    type: 'technical-conceptual',
    competency: 'case-structuring',
    text: 'What does a hypothesis-driven approach to a problem look like? Give an example of how you would use one.',
    guidance:
      'Explain starting from a testable answer, splitting it into supporting claims, and gathering only the evidence that confirms or kills each — with a concrete example.',
    keywords: ['hypothesis', 'problem solving', 'mece', 'analysis'],
  },
  {
    id: 'con-tech-006',
    type: 'technical-conceptual',
    competency: 'commercial-awareness',
    text: "What's the difference between cutting costs and improving profitability? Give an example where the two conflict.",
    guidance:
      'Show that profitability depends on revenue, mix and efficiency too, and give an example such as cutting service staff that lowers costs but drives customers away.',
    keywords: ['profitability', 'cost reduction', 'margins', 'strategy'],
  },
  {
    id: 'con-tech-007',
    type: 'technical-conceptual',
    competency: 'case-structuring',
    text: 'A hospital wants to reduce waiting times in its emergency department. How would you break the problem down?',
    guidance:
      'Follow the patient journey (arrival, triage, treatment, discharge or admission), identify where capacity and demand mismatch, and name the data that would locate the bottleneck.',
    keywords: ['operations', 'process', 'bottleneck', 'public sector', 'framework'],
  },
  {
    id: 'con-tech-008',
    type: 'technical-conceptual',
    competency: 'structured-communication',
    text: "How would you present a recommendation to a client's leadership team in ten minutes?",
    guidance:
      'Lead with the answer, support it with three key arguments and evidence, address risks and next steps, and leave time for the discussion that matters to them.',
    keywords: ['presentation', 'pyramid principle', 'storyline', 'slides', 'executive'],
  },
  {
    id: 'con-beh-001',
    type: 'behavioural',
    competency: 'customer-focus',
    text: "Tell me about a time you had to work out what someone really needed when they weren't sure themselves.",
    guidance:
      'Show the questions you asked, how you tested your understanding, and how the final piece of work met the underlying need rather than the first request.',
    keywords: ['client', 'requirements', 'needs', 'listening', 'discovery'],
  },
  {
    id: 'con-beh-002',
    type: 'behavioural',
    competency: 'adaptability',
    text: 'Describe a time you had to get up to speed on an unfamiliar topic quickly and then advise others on it.',
    guidance:
      'Explain how you found and prioritised sources, checked your understanding with experts, and how confident and accurate your advice turned out to be.',
    keywords: ['research', 'learning', 'advice', 'client', 'synthesis'],
  },
  {
    id: 'con-sit-001',
    type: 'situational',
    competency: 'conflict',
    text: "Your client contact disagrees with your team's findings in front of their boss. What do you do?",
    guidance:
      'A strong answer stays calm, acknowledges the point, separates facts from interpretation, and offers to resolve it offline without undermining either person.',
    keywords: ['client', 'disagreement', 'stakeholder', 'presentation', 'diplomacy'],
  },
  {
    id: 'con-sit-002',
    type: 'situational',
    competency: 'ethics',
    text: 'You realise your team is leaning towards a recommendation that benefits your firm more than the client. What would you do?',
    guidance:
      "Show that you would raise it with your team lead, frame it in terms of the client's interest and the firm's reputation, and stand by an honest recommendation.",
    keywords: ['integrity', 'client', 'conflict of interest', 'ethics'],
  },
  {
    id: 'con-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why consulting, rather than joining one company in an industry you like?',
    companyText: 'Why consulting, and why {company} in particular?',
    guidance:
      'Give honest reasons (variety, problem solving, learning fast) backed by experience, show you know the downsides, and name what sets this firm apart for you.',
    keywords: ['consulting', 'career', 'variety', 'clients', 'firm'],
  },
]);

export const financeQuestions = defineQuestions(['finance'], [
  {
    id: 'fin-tech-001',
    type: 'technical-conceptual',
    competency: 'accounting',
    text: 'Walk me through the three financial statements and how they link together.',
    guidance:
      'Describe the income statement, balance sheet and cash flow statement, then trace a single item such as depreciation or net income through all three.',
    keywords: ['financial statements', 'accounting', 'balance sheet', 'cash flow', 'income statement'],
  },
  {
    id: 'fin-tech-002',
    type: 'technical-conceptual',
    competency: 'valuation',
    text: "How would you value a company? Compare two methods and say when you'd use each.",
    guidance:
      'Contrast intrinsic valuation (DCF) with relative valuation (multiples), naming key assumptions and when each is more reliable.',
    keywords: ['valuation', 'dcf', 'multiples', 'investment banking', 'equity'],
  },
  {
    id: 'fin-tech-003',
    type: 'technical-conceptual',
    competency: 'markets',
    text: 'What happens to bond prices when interest rates rise, and why?',
    guidance:
      'Explain the inverse relationship through fixed coupons and discounting, mention duration, and connect it to a recent market event if you can.',
    keywords: ['bonds', 'interest rates', 'fixed income', 'yield', 'markets'],
  },
  {
    id: 'fin-tech-004',
    type: 'technical-conceptual',
    competency: 'accounting',
    text: "What's the difference between profit and cash flow? How can a profitable company run out of cash?",
    guidance:
      'Explain accruals versus cash timing, give examples such as slow-paying customers, stock build-up or heavy investment, and why lenders watch cash.',
    keywords: ['cash flow', 'profit', 'working capital', 'liquidity', 'accounting'],
  },
  {
    id: 'fin-tech-005',
    type: 'technical-conceptual',
    competency: 'financial-modelling',
    text: "What makes a financial model trustworthy? How would you check one built by someone else?",
    guidance:
      'Cover clear structure, separated and sourced assumptions, consistent formulas, balance checks and sensitivity analysis, and how you would trace the key drivers.',
    keywords: ['financial modelling', 'excel', 'assumptions', 'sensitivity analysis', 'forecast'],
  },
  {
    id: 'fin-tech-006',
    type: 'technical-conceptual',
    competency: 'commercial-awareness',
    text: 'Pick a company or market you follow. What has happened recently, and what do you think happens next?',
    guidance:
      'Show genuine interest with specific facts and numbers, a clear view of the drivers, and a reasoned opinion including what would change your mind.',
    keywords: ['markets', 'news', 'equity research', 'investment', 'economy'],
  },
  {
    id: 'fin-tech-007',
    type: 'technical-conceptual',
    competency: 'risk',
    text: 'What is diversification, and what are its limits?',
    guidance:
      'Explain reducing specific risk by combining assets that do not move together, then its limits: market-wide risk, correlations rising in a crisis, and over-diversifying.',
    keywords: ['portfolio', 'risk', 'diversification', 'asset management', 'correlation'],
  },
  {
    id: 'fin-tech-008',
    type: 'technical-conceptual',
    competency: 'accounting',
    text: 'What is working capital, and why do analysts care about changes in it?',
    guidance:
      'Define it (current assets minus current liabilities, or receivables plus inventory minus payables) and explain how changes tie up or release cash.',
    keywords: ['working capital', 'cash flow', 'receivables', 'inventory', 'analysis'],
  },
  {
    id: 'fin-tech-009',
    type: 'technical-conceptual',
    competency: 'risk',
    text: 'Why do organisations need internal controls? Give an example of a control and the risk it reduces.',
    guidance:
      'Explain controls as safeguards against error and fraud, give a concrete control such as segregation of duties or approval limits, and how an auditor would test it.',
    keywords: ['audit', 'internal controls', 'compliance', 'fraud', 'risk'],
  },
  {
    id: 'fin-beh-001',
    type: 'behavioural',
    competency: 'attention-to-detail',
    text: 'Tell me about a time your attention to detail caught an error others had missed.',
    guidance:
      'Explain how you spotted it, how you confirmed it, what it would have cost, and the habit or check that made you catch it.',
    keywords: ['accuracy', 'detail', 'error', 'reconciliation', 'review'],
  },
  {
    id: 'fin-beh-002',
    type: 'behavioural',
    competency: 'prioritisation',
    text: 'Describe a time you worked under heavy time pressure with little room for error.',
    guidance:
      'Show how you planned, what you checked and when, how you stayed accurate under pressure, and the result.',
    keywords: ['pressure', 'deadline', 'accuracy', 'time management'],
  },
  {
    id: 'fin-sit-001',
    type: 'situational',
    competency: 'ethics',
    text: 'You notice a senior colleague has booked revenue into this quarter that you think belongs in the next. What do you do?',
    guidance:
      'A strong answer checks the facts and the policy first, raises it respectfully with the colleague or through proper channels, and does not let seniority override accuracy.',
    keywords: ['revenue recognition', 'integrity', 'compliance', 'escalation', 'accounting'],
  },
  {
    id: 'fin-sit-002',
    type: 'situational',
    competency: 'communication',
    text: 'A client with little financial knowledge asks why their portfolio lost value this year. How would you explain it?',
    guidance:
      'Show empathy first, then a jargon-free explanation of what drove the losses, how it relates to their goals and time horizon, and what happens next.',
    keywords: ['client', 'portfolio', 'wealth management', 'explain', 'investment'],
  },
  {
    id: 'fin-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why do you want a career in finance, and why this area of it in particular?',
    guidance:
      'Go beyond money: show genuine interest through something you have followed or done, and explain why this division suits you better than its neighbours.',
    keywords: ['finance', 'career', 'markets', 'banking', 'motivation'],
  },
]);

export const marketingSalesQuestions = defineQuestions(['marketing-sales'], [
  {
    id: 'mkt-tech-001',
    type: 'technical-conceptual',
    competency: 'marketing-strategy',
    text: 'How would you launch a new product to university students with a small budget?',
    guidance:
      'Define the audience and its channels, pick a sharp message, choose low-cost tactics such as ambassadors, partnerships or societies, and say how you would measure success.',
    keywords: ['go-to-market', 'launch', 'campaign', 'budget', 'channels'],
  },
  {
    id: 'mkt-tech-002',
    type: 'technical-conceptual',
    competency: 'campaign-measurement',
    text: 'Which metrics would you use to judge whether a social media campaign worked, and which would you ignore?',
    guidance:
      "Tie metrics to the campaign's objective (awareness, consideration, conversion), distinguish vanity metrics from outcome metrics, and mention attribution limits.",
    keywords: ['social media', 'metrics', 'engagement', 'conversion', 'analytics'],
  },
  {
    id: 'mkt-tech-003',
    type: 'technical-conceptual',
    competency: 'marketing-strategy',
    text: 'How would you define the target audience for a product? Walk me through an example.',
    guidance:
      'Use segmentation (needs, behaviour, demographics), explain how you would validate it with data or research, and how it shapes message and channel.',
    keywords: ['segmentation', 'targeting', 'persona', 'market research', 'positioning'],
  },
  {
    id: 'mkt-tech-004',
    type: 'technical-conceptual',
    competency: 'sales-process',
    text: "Walk me through how you'd run a first sales call with a prospect you know little about.",
    guidance:
      'Show preparation, good discovery questions, listening more than talking, tying value to their needs, and agreeing a clear next step.',
    keywords: ['sales', 'discovery call', 'prospecting', 'pipeline', 'b2b'],
  },
  {
    id: 'mkt-tech-005',
    type: 'technical-conceptual',
    competency: 'campaign-measurement',
    text: 'What is customer acquisition cost, and how does it relate to customer lifetime value?',
    guidance:
      'Define both with a simple worked example, explain why the ratio matters for deciding how much to spend, and mention the payback period.',
    keywords: ['cac', 'ltv', 'unit economics', 'growth', 'marketing'],
  },
  {
    id: 'mkt-tech-006',
    type: 'technical-conceptual',
    competency: 'brand',
    text: 'Pick a brand you admire. What makes its positioning work?',
    guidance:
      'Be specific about the audience, the promise and how it is delivered consistently across touchpoints, and compare it with a competitor.',
    keywords: ['brand', 'positioning', 'marketing', 'identity', 'competitors'],
  },
  {
    id: 'mkt-tech-007',
    type: 'technical-conceptual',
    competency: 'sales-process',
    text: "How do you handle the objection 'it's too expensive'?",
    guidance:
      'Show that you would explore what lies behind it, re-anchor on value and outcomes, and only then discuss options — without discounting reflexively.',
    keywords: ['objection handling', 'negotiation', 'sales', 'value', 'pricing'],
  },
  {
    id: 'mkt-tech-008',
    type: 'technical-conceptual',
    competency: 'campaign-measurement',
    text: 'How would you use an A/B test to improve an email campaign?',
    guidance:
      'Pick one variable, define the success metric, split the audience randomly with enough volume, and explain how you would read and act on the result.',
    keywords: ['email marketing', 'a/b testing', 'open rate', 'crm', 'conversion'],
  },
  {
    id: 'mkt-beh-001',
    type: 'behavioural',
    competency: 'communication',
    text: 'Tell me about a time you persuaded someone to buy, join or sign up for something.',
    guidance:
      'Show how you understood what they cared about, tailored your pitch, handled hesitation, and the result.',
    keywords: ['persuasion', 'sales', 'pitch', 'influence', 'conversion'],
  },
  {
    id: 'mkt-beh-002',
    type: 'behavioural',
    competency: 'adaptability',
    text: "Describe a time a campaign or pitch didn't land. What did you change?",
    guidance:
      'A strong answer uses evidence to diagnose why, describes the specific change, and shows the improvement it made.',
    keywords: ['campaign', 'pitch', 'iteration', 'results', 'feedback'],
  },
  {
    id: 'mkt-beh-003',
    type: 'behavioural',
    competency: 'customer-focus',
    text: 'Tell me about a time you built a relationship with a customer or client over time.',
    guidance:
      'Show how you earned trust through reliability and understanding their goals, and what the relationship produced for both sides.',
    keywords: ['relationship', 'account management', 'client', 'trust', 'retention'],
  },
  {
    id: 'mkt-sit-001',
    type: 'situational',
    competency: 'ethics',
    text: "You're under pressure to hit a monthly sales target, and a customer is about to buy a product that doesn't really suit them. What do you do?",
    guidance:
      "A strong answer puts the customer's interest and long-term trust first, suggests what does suit them, and is honest with your manager about the target.",
    keywords: ['sales target', 'integrity', 'customer', 'trust', 'ethics'],
  },
  {
    id: 'mkt-sit-002',
    type: 'situational',
    competency: 'prioritisation',
    text: 'Your campaign budget is cut in half a week before launch. How would you decide what to keep?',
    guidance:
      'Show that you would go back to the objective, keep the channels with the best evidence of return, protect the core message, and tell stakeholders what changes.',
    keywords: ['budget', 'campaign', 'channels', 'roi', 'trade-off'],
  },
  {
    id: 'mkt-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What draws you to marketing or sales? Which campaign or salesperson has impressed you recently, and why?',
    guidance:
      'Show you think like a marketer or seller: analyse why the example worked for its audience, and link it to the work you want to do here.',
    keywords: ['marketing', 'sales', 'campaign', 'career', 'customers'],
  },
]);
