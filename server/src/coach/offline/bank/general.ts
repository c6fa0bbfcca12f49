/**
 * Questions that suit any role: the behavioural core (eleven competencies, three angles each),
 * situational judgement, motivation and a few general analytical questions.
 * Written for Interview Studio; ids are stable.
 */
import { defineQuestions } from './types.js';

export const generalQuestions = defineQuestions('any', [
  // ---- teamwork ----
  {
    id: 'gen-beh-001',
    type: 'behavioural',
    competency: 'teamwork',
    text: "Tell me about a time you worked in a team to deliver something you couldn't have delivered alone. What was your part?",
    guidance:
      'Make your own contribution unmistakable, show how you coordinated with the others, and finish with what the team achieved because of it.',
    keywords: ['team', 'collaboration', 'group', 'contribution', 'deliver', 'coordinate'],
  },
  {
    id: 'gen-beh-002',
    type: 'behavioural',
    competency: 'teamwork',
    text: "Describe a group project where one member wasn't pulling their weight. What did you do?",
    guidance:
      'Show that you raised it early and kindly, tried to understand why, and kept the work on track without quietly doing their share yourself.',
    keywords: ['group project', 'team', 'workload', 'accountability', 'deadline'],
    seniority: ['intern', 'junior'],
  },
  {
    id: 'gen-beh-003',
    type: 'behavioural',
    competency: 'teamwork',
    text: "Give an example of a time you helped a colleague or classmate succeed, even though it wasn't your responsibility.",
    guidance:
      'A strong answer shows you noticed someone struggling, offered help in a way that respected them, and can say what difference it made to them.',
    keywords: ['help', 'support', 'colleague', 'mentor', 'team'],
  },
  // ---- leadership ----
  {
    id: 'gen-beh-004',
    type: 'behavioural',
    competency: 'leadership',
    text: 'Tell me about a time you led a group without having any formal authority over them.',
    guidance:
      'Show how you earned buy-in — a shared goal, clear roles, listening — rather than giving orders, and what the group achieved.',
    keywords: ['lead', 'influence', 'initiative', 'society', 'group', 'organise'],
  },
  {
    id: 'gen-beh-005',
    type: 'behavioural',
    competency: 'leadership',
    text: 'Describe a time you had to motivate people who had lost interest in a project.',
    guidance:
      'Explain how you found out why energy had dropped, what you changed to re-engage people, and the evidence that it worked.',
    keywords: ['motivate', 'engagement', 'morale', 'team', 'lead'],
  },
  {
    id: 'gen-beh-006',
    type: 'behavioural',
    competency: 'leadership',
    text: 'Tell me about a decision you made as a leader that was unpopular. How did you handle it?',
    guidance:
      'A strong answer explains why the decision was right, how you communicated it and listened to objections, and how you kept the team together afterwards.',
    keywords: ['decision', 'lead', 'unpopular', 'stakeholders', 'communicate'],
    seniority: ['graduate', 'lead'],
  },
  {
    id: 'gen-beh-036',
    type: 'behavioural',
    competency: 'leadership',
    text: "Tell me about a time you helped develop someone else's skills — by mentoring, coaching or training them.",
    guidance:
      'Describe how you worked out what they needed, how you adjusted your approach to them, and how their work changed as a result.',
    keywords: ['mentor', 'coach', 'train', 'develop', 'feedback'],
    seniority: ['junior', 'lead'],
  },
  // ---- conflict ----
  {
    id: 'gen-beh-007',
    type: 'behavioural',
    competency: 'conflict',
    text: 'Tell me about a time you disagreed with a teammate. How did you resolve it?',
    guidance:
      "Show that you listened to understand their view, kept the discussion about the work rather than the person, and reached an outcome you can both stand behind.",
    keywords: ['disagreement', 'conflict', 'resolve', 'compromise', 'teammate'],
  },
  {
    id: 'gen-beh-008',
    type: 'behavioural',
    competency: 'conflict',
    text: 'Describe a situation where you had to work closely with someone whose working style was very different from yours.',
    guidance:
      'A strong answer names the difference without blame, explains how you adapted or agreed ground rules, and shows the working relationship improving.',
    keywords: ['working style', 'difference', 'adapt', 'relationship', 'colleague'],
  },
  {
    id: 'gen-beh-009',
    type: 'behavioural',
    competency: 'conflict',
    text: 'Tell me about a time you received criticism you thought was unfair. How did you respond?',
    guidance:
      'Show composure: you sought to understand the criticism, separated what was fair from what was not, and responded professionally.',
    keywords: ['criticism', 'feedback', 'unfair', 'respond', 'professional'],
  },
  // ---- failure and learning ----
  {
    id: 'gen-beh-010',
    type: 'behavioural',
    competency: 'failure-and-learning',
    text: 'Tell me about a time you failed. What happened, and what did you learn?',
    guidance:
      'Choose a real failure you owned, spend most of the answer on what you did next and what you learned, and show how you have applied the lesson since.',
    keywords: ['failure', 'mistake', 'learn', 'setback', 'improve'],
  },
  {
    id: 'gen-beh-011',
    type: 'behavioural',
    competency: 'failure-and-learning',
    text: 'Describe a mistake you made that affected other people. How did you put it right?',
    guidance:
      'A strong answer owns the mistake quickly, explains how you limited the damage and told the people affected, and what you changed to stop it happening again.',
    keywords: ['mistake', 'error', 'fix', 'accountability', 'impact'],
  },
  {
    id: 'gen-beh-012',
    type: 'behavioural',
    competency: 'failure-and-learning',
    text: 'Tell me about a piece of feedback that changed the way you work.',
    guidance:
      'Show that you can hear difficult feedback, describe concretely what you changed, and give evidence that the change stuck.',
    keywords: ['feedback', 'improve', 'change', 'growth', 'learn'],
  },
  // ---- problem solving ----
  {
    id: 'gen-beh-013',
    type: 'behavioural',
    competency: 'problem-solving',
    text: 'Tell me about the most difficult problem you have solved. How did you approach it?',
    guidance:
      'Walk through your reasoning: how you understood the problem, the options you weighed, why you chose your approach, and what the result was.',
    keywords: ['problem', 'analysis', 'solution', 'approach', 'root cause'],
  },
  {
    id: 'gen-beh-014',
    type: 'behavioural',
    competency: 'problem-solving',
    text: 'Describe a time you had to make a decision without all the information you wanted.',
    guidance:
      'A strong answer shows how you judged what you knew and what you could safely assume, how you limited the risk, and how the decision turned out.',
    keywords: ['decision', 'uncertainty', 'risk', 'judgement', 'information'],
  },
  {
    id: 'gen-beh-015',
    type: 'behavioural',
    competency: 'problem-solving',
    text: 'Give an example of when you spotted a problem before anyone else did.',
    guidance:
      'Explain what tipped you off, how you checked you were right, who you told and what you did, and what trouble it saved.',
    keywords: ['spot', 'problem', 'risk', 'prevent', 'initiative'],
  },
  // ---- communication ----
  {
    id: 'gen-beh-016',
    type: 'behavioural',
    competency: 'communication',
    text: 'Tell me about a time you had to explain something complex to someone without your background.',
    guidance:
      'Show how you worked out what they already knew, the analogy or example you used, and how you checked they had really understood.',
    keywords: ['explain', 'complex', 'audience', 'simplify', 'present'],
  },
  {
    id: 'gen-beh-017',
    type: 'behavioural',
    competency: 'communication',
    text: 'Describe a time when a misunderstanding caused a problem. What did you do about it?',
    guidance:
      'A strong answer pinpoints where the communication broke down, how you cleared it up, and what you now do to prevent the same gap.',
    keywords: ['misunderstanding', 'communication', 'clarify', 'expectations'],
  },
  {
    id: 'gen-beh-018',
    type: 'behavioural',
    competency: 'communication',
    text: 'Tell me about a time you had to persuade someone to change their mind.',
    guidance:
      'Show that you understood their position first, built your case on evidence that mattered to them, and respected the outcome.',
    keywords: ['persuade', 'influence', 'evidence', 'stakeholder', 'negotiate'],
  },
  // ---- ownership ----
  {
    id: 'gen-beh-019',
    type: 'behavioural',
    competency: 'ownership',
    text: "Tell me about a time you took responsibility for something that wasn't strictly your job.",
    guidance:
      'A strong answer explains why it mattered, what you did without being asked, and how you made sure it was finished properly.',
    keywords: ['responsibility', 'initiative', 'ownership', 'step up'],
  },
  {
    id: 'gen-beh-020',
    type: 'behavioural',
    competency: 'ownership',
    text: 'Describe something you started on your own initiative. What made you start it, and how far did you take it?',
    guidance:
      'Show the spark (a problem you noticed), the steps you took to make it real, and concrete evidence of what it became.',
    keywords: ['initiative', 'start', 'project', 'self-starter', 'build'],
  },
  {
    id: 'gen-beh-021',
    type: 'behavioural',
    competency: 'ownership',
    text: 'Tell me about a time you committed to a deadline and then realised you might miss it.',
    guidance:
      'Show that you flagged the risk early, offered options rather than excuses, and either delivered or agreed a new plan that people could rely on.',
    keywords: ['deadline', 'commitment', 'risk', 'communicate', 'deliver'],
  },
  // ---- adaptability ----
  {
    id: 'gen-beh-022',
    type: 'behavioural',
    competency: 'adaptability',
    text: 'Tell me about a time your plans changed at the last minute. How did you adapt?',
    guidance:
      'A strong answer shows you stayed calm, re-planned quickly around what mattered most, and kept others informed.',
    keywords: ['change', 'adapt', 'flexible', 'plan', 'pressure'],
  },
  {
    id: 'gen-beh-023',
    type: 'behavioural',
    competency: 'adaptability',
    text: 'Describe a time you had to learn something new very quickly to get a job done.',
    guidance:
      'Explain how you found the right sources, how you practised or tested your understanding, and what you delivered with the new skill.',
    keywords: ['learn', 'new skill', 'quickly', 'self-taught', 'adapt'],
  },
  {
    id: 'gen-beh-024',
    type: 'behavioural',
    competency: 'adaptability',
    text: 'Tell me about a time you moved into an unfamiliar environment — a new team, country or course. How did you get up to speed?',
    guidance:
      'Show the deliberate steps you took to learn how things worked and build relationships, and how quickly you became useful.',
    keywords: ['new environment', 'transition', 'settle', 'relationships', 'adapt'],
  },
  // ---- customer focus ----
  {
    id: 'gen-beh-025',
    type: 'behavioural',
    competency: 'customer-focus',
    text: 'Tell me about a time you went out of your way to help a customer, client or service user.',
    guidance:
      'A strong answer shows you understood what the person actually needed, what you did beyond the minimum, and how it affected them.',
    keywords: ['customer', 'client', 'service', 'help', 'needs'],
  },
  {
    id: 'gen-beh-026',
    type: 'behavioural',
    competency: 'customer-focus',
    text: 'Describe a time you dealt with an unhappy customer or user. What did you do?',
    guidance:
      'Show that you listened and acknowledged the problem, took a concrete step to fix it, and followed up — and that you stayed professional.',
    keywords: ['complaint', 'customer', 'unhappy', 'resolve', 'service'],
  },
  {
    id: 'gen-beh-027',
    type: 'behavioural',
    competency: 'customer-focus',
    text: "Give an example of when you used someone's feedback to improve what you were offering them.",
    guidance:
      'Explain how you gathered the feedback, what you changed because of it, and how you knew the change made things better for them.',
    keywords: ['feedback', 'customer', 'improve', 'user', 'iterate'],
  },
  // ---- ethics ----
  {
    id: 'gen-beh-028',
    type: 'behavioural',
    competency: 'ethics',
    text: "Tell me about a time you were asked to do something you weren't comfortable with. What did you do?",
    guidance:
      'A strong answer shows you identified the issue clearly, raised it respectfully with the right person, and held to your standards.',
    keywords: ['integrity', 'ethics', 'uncomfortable', 'values', 'speak up'],
  },
  {
    id: 'gen-beh-029',
    type: 'behavioural',
    competency: 'ethics',
    text: 'Describe a situation where you noticed someone cutting corners. How did you handle it?',
    guidance:
      'Show that you checked your facts, addressed it proportionately — often with the person first — and cared about the consequences for others.',
    keywords: ['integrity', 'standards', 'corners', 'raise concern', 'quality'],
  },
  {
    id: 'gen-beh-030',
    type: 'behavioural',
    competency: 'ethics',
    text: 'Tell me about a time you had to choose between doing something quickly and doing it properly.',
    guidance:
      'A strong answer explains the risks on each side, how you decided, who you involved, and whether you would choose the same way again.',
    keywords: ['quality', 'speed', 'trade-off', 'standards', 'integrity'],
  },
  // ---- prioritisation ----
  {
    id: 'gen-beh-031',
    type: 'behavioural',
    competency: 'prioritisation',
    text: 'Tell me about a time you had several deadlines at once. How did you decide what to do first?',
    guidance:
      'Show the criteria you used (urgency, impact, dependencies), how you planned your time, and how you kept people informed about trade-offs.',
    keywords: ['deadlines', 'prioritise', 'time management', 'plan', 'workload'],
  },
  {
    id: 'gen-beh-032',
    type: 'behavioural',
    competency: 'prioritisation',
    text: 'Describe a time you had to say no to a request, or push back on a deadline.',
    guidance:
      'A strong answer explains why you pushed back, how you offered an alternative, and how you kept the relationship intact.',
    keywords: ['push back', 'say no', 'workload', 'negotiate', 'prioritise'],
  },
  {
    id: 'gen-beh-033',
    type: 'behavioural',
    competency: 'prioritisation',
    text: 'Tell me about a time you had to balance your studies or work with other significant commitments.',
    guidance:
      'Show the system you used to plan, the hard choices you made, and the results you achieved across your commitments.',
    keywords: ['balance', 'time management', 'commitments', 'organise', 'plan'],
    seniority: ['intern', 'junior'],
  },
  // ---- motivation and resilience ----
  {
    id: 'gen-beh-034',
    type: 'behavioural',
    competency: 'motivation-fit',
    text: "Tell me about an achievement outside your studies or job that you're proud of.",
    guidance:
      'Pick something that shows qualities relevant to this role, explain what made it hard, and say what it tells an employer about you.',
    keywords: ['achievement', 'proud', 'volunteering', 'hobby', 'goal'],
  },
  {
    id: 'gen-beh-035',
    type: 'behavioural',
    competency: 'adaptability',
    text: 'Tell me about a time you kept going on something even though it became much harder than you expected.',
    guidance:
      'A strong answer shows what made it hard, how you kept yourself going and sought help, and what you achieved by persisting.',
    keywords: ['resilience', 'persistence', 'challenge', 'setback', 'determination'],
  },

  // ---- situational judgement ----
  {
    id: 'gen-sit-001',
    type: 'situational',
    competency: 'prioritisation',
    text: 'Your manager gives you an urgent task on the same morning that a colleague needs your help to meet their own deadline. What would you do?',
    guidance:
      'Show that you would clarify how urgent each really is, be open with both people, and find a plan (splitting time, finding other help) rather than silently choosing one.',
    keywords: ['prioritise', 'urgent', 'manager', 'colleague', 'deadline'],
  },
  {
    id: 'gen-sit-002',
    type: 'situational',
    competency: 'ethics',
    text: 'You notice that a colleague has put figures in a client report that you believe are wrong, and it goes out in an hour. What do you do?',
    guidance:
      'A strong answer checks the facts quickly, raises it directly and calmly with the colleague (then a manager if needed), and puts accuracy ahead of awkwardness.',
    keywords: ['accuracy', 'report', 'client', 'integrity', 'raise concern'],
  },
  {
    id: 'gen-sit-003',
    type: 'situational',
    competency: 'conflict',
    text: "Two members of your team keep arguing in meetings and it is slowing the project down. You're not their manager. How would you handle it?",
    guidance:
      'Show that you would understand both sides privately, steer the team back to shared goals and facts, and know when to involve a manager.',
    keywords: ['conflict', 'team', 'mediate', 'meeting', 'tension'],
  },
  {
    id: 'gen-sit-004',
    type: 'situational',
    competency: 'ownership',
    text: "Halfway through a project you realise the approach you proposed isn't going to work. What would you do?",
    guidance:
      'A strong answer owns it early, explains the evidence, brings options and a recommendation, and protects the deadline or resets it honestly.',
    keywords: ['ownership', 'approach', 'pivot', 'communicate', 'risk'],
  },
  {
    id: 'gen-sit-005',
    type: 'situational',
    competency: 'communication',
    text: "You're asked to present your team's work to senior leaders tomorrow, but the person who did most of it is off sick. How would you prepare?",
    guidance:
      'Show how you would gather the essentials fast, shape the message around what the leaders need to decide, credit the absent colleague and handle questions you cannot answer.',
    keywords: ['present', 'senior', 'prepare', 'stakeholders', 'communicate'],
  },
  {
    id: 'gen-sit-006',
    type: 'situational',
    competency: 'customer-focus',
    text: "A customer asks for something your organisation can't provide, and they're getting frustrated. How would you respond?",
    guidance:
      'A strong answer acknowledges the frustration, is honest about what is not possible, and offers the best alternative or a clear next step.',
    keywords: ['customer', 'frustrated', 'expectations', 'alternative', 'service'],
  },
  {
    id: 'gen-sit-007',
    type: 'situational',
    competency: 'adaptability',
    text: "In your first week you're given a task using a tool you've never used, and everyone around you seems too busy to ask. What do you do?",
    guidance:
      'Show resourcefulness (documentation, tutorials, past examples), a sensible point at which you would ask for help, and how you would ask efficiently.',
    keywords: ['new tool', 'learn', 'initiative', 'ask for help', 'resourceful'],
    seniority: ['intern', 'mid'],
  },
  {
    id: 'gen-sit-008',
    type: 'situational',
    competency: 'teamwork',
    text: 'You join a team where people mostly work alone and rarely share what they are doing. How would you go about working well with them?',
    guidance:
      'A strong answer respects how the team works while building relationships one by one and suggesting light ways to share progress.',
    keywords: ['team', 'collaboration', 'relationships', 'share', 'culture'],
  },
  {
    id: 'gen-sit-009',
    type: 'situational',
    competency: 'leadership',
    text: "You're organising a large event for a society or club, and two weeks before it your main sponsor pulls out. What would you do?",
    guidance:
      'Show calm re-planning: what must be protected, which costs could be cut, who else you could approach, and how you would keep the committee motivated.',
    keywords: ['event', 'sponsor', 'budget', 'plan', 'lead'],
    seniority: ['intern', 'junior'],
  },
  {
    id: 'gen-sit-010',
    type: 'situational',
    competency: 'problem-solving',
    text: "You're handed a problem with no clear owner, a vague brief and a two-week deadline. How would you get started?",
    guidance:
      'A strong answer clarifies the goal and who cares about it, breaks the problem into parts, makes an early plan, and checks in before going too far.',
    keywords: ['ambiguity', 'problem', 'plan', 'stakeholders', 'scope'],
  },
  {
    id: 'gen-sit-011',
    type: 'situational',
    competency: 'failure-and-learning',
    text: "You've just submitted a piece of work and then find an error in it that nobody else has noticed. What do you do?",
    guidance:
      'Show that you would own the mistake straight away, judge its impact, tell the right person with a fix ready, and learn how it slipped through.',
    keywords: ['mistake', 'error', 'honesty', 'fix', 'accountability'],
  },
  {
    id: 'gen-sit-012',
    type: 'situational',
    competency: 'ethics',
    text: "A friend at another company offers to share their company's internal pricing with you to help with a pitch. How do you respond?",
    guidance:
      'A strong answer declines clearly but kindly, explains why it matters (confidentiality, fairness, trust), and finds legitimate ways to compete.',
    keywords: ['confidentiality', 'integrity', 'competitor', 'ethics', 'decline'],
  },
  {
    id: 'gen-sit-013',
    type: 'situational',
    competency: 'prioritisation',
    text: "You have five tasks, each described as 'top priority' by a different person. How would you decide what to work on?",
    guidance:
      'Show a clear method — impact, deadlines, dependencies — and that you would make the trade-offs visible and agree them with the people involved.',
    keywords: ['prioritise', 'stakeholders', 'impact', 'deadline', 'trade-off'],
  },
  {
    id: 'gen-sit-014',
    type: 'situational',
    competency: 'communication',
    text: "You need to give feedback to a peer whose work isn't good enough and is holding the team back. How would you do it?",
    guidance:
      'A strong answer picks the right moment and setting, is specific about the work rather than the person, and agrees a way forward together.',
    keywords: ['feedback', 'peer', 'difficult conversation', 'team', 'performance'],
  },

  // ---- motivation ----
  {
    id: 'gen-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why do you want to work for this organisation?',
    companyText: 'Why do you want to work at {company}?',
    guidance:
      'Link two or three specific things about the organisation (its work, its clients, how it operates) to your own experience and goals, rather than general praise.',
    keywords: ['why', 'organisation', 'values', 'mission', 'culture'],
  },
  {
    id: 'gen-mot-002',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What attracts you to this role, and what makes you a good fit for it?',
    guidance:
      'Name the parts of the role that genuinely interest you and back each one with evidence from what you have already done.',
    keywords: ['role', 'fit', 'skills', 'interest', 'strengths'],
  },
  {
    id: 'gen-mot-003',
    type: 'motivational',
    competency: 'motivation-fit',
    text: "Where do you see yourself in five years' time?",
    guidance:
      'Show ambition that fits the path this role offers: the skills you want to build and the responsibility you hope to earn, without sounding like you are already leaving.',
    keywords: ['career', 'goals', 'future', 'growth', 'development'],
  },
  {
    id: 'gen-mot-004',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What do you know about our organisation and the challenges it faces?',
    companyText: 'What do you know about {company} and the challenges it faces?',
    guidance:
      'Go beyond the website: mention something recent, a challenge in its market, and how the role you are applying for helps with it.',
    keywords: ['research', 'organisation', 'industry', 'challenges', 'competitors'],
  },
  {
    id: 'gen-mot-005',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What motivates you to do your best work?',
    guidance:
      'Be honest and specific, then prove it with a short example where that motivation made a visible difference to your work.',
    keywords: ['motivation', 'drive', 'values', 'purpose'],
  },
  {
    id: 'gen-mot-006',
    type: 'motivational',
    competency: 'motivation-fit',
    text: "What's the achievement you're proudest of, and why does it matter to you?",
    guidance:
      'Choose an achievement that reveals your values, explain briefly what you did, and spend time on why it matters — that is what the question is really asking.',
    keywords: ['achievement', 'proud', 'values', 'impact'],
  },
  {
    id: 'gen-mot-007',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why should we hire you rather than another candidate?',
    companyText: 'Why should {company} hire you rather than another candidate?',
    guidance:
      'Pick two or three strengths that matter most for this role and give evidence for each; confident and specific beats a long list of adjectives.',
    keywords: ['strengths', 'fit', 'value', 'skills', 'evidence'],
  },
  {
    id: 'gen-mot-008',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What would you hope to learn in your first year here?',
    companyText: 'What would you hope to learn in your first year at {company}?',
    guidance:
      'Name specific skills connected to the role, show how you would go about learning them, and how that would make you more useful to the team.',
    keywords: ['learning', 'development', 'growth', 'first year', 'skills'],
    seniority: ['intern', 'mid'],
  },
  {
    id: 'gen-mot-009',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Tell me about yourself and how you got to this point.',
    guidance:
      'Give a two-minute story, not a CV recital: where you started, two or three turning points, and why this role is the logical next step.',
    keywords: ['background', 'journey', 'career', 'motivation', 'summary'],
  },
  {
    id: 'gen-mot-010',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Which of your values would you bring to this team, and how have they shown up in your work so far?',
    guidance:
      'Name one or two values, and for each give a concrete moment where acting on it changed what you did.',
    keywords: ['values', 'culture', 'team', 'integrity', 'example'],
  },
  {
    id: 'gen-mot-011',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What kind of working environment brings out the best in you?',
    companyText: 'What kind of working environment brings out the best in you, and how does {company} fit that?',
    guidance:
      'Be specific about the conditions you thrive in, show you can work well outside them too, and connect it to what you know about this workplace.',
    keywords: ['environment', 'culture', 'team', 'flexibility', 'support'],
  },

  // ---- general analytical (any role) ----
  {
    id: 'gen-tech-001',
    type: 'technical-conceptual',
    competency: 'analytical-thinking',
    text: 'Walk me through how you would check whether a claim in a news article is really supported by the data behind it.',
    guidance:
      'A strong answer finds the original source, checks how the data was collected and what it measures, looks for alternative explanations, and reaches a proportionate conclusion.',
    keywords: ['data', 'evidence', 'source', 'critical thinking', 'analysis'],
  },
  {
    id: 'gen-tech-002',
    type: 'technical-conceptual',
    competency: 'digital-literacy',
    text: 'Which tools do you use to organise your work and collaborate with others, and how do you decide which one fits a task?',
    guidance:
      'Name real tools and explain the reasons behind your choices — shared visibility, version history, security — with an example of it helping a team.',
    keywords: ['tools', 'software', 'collaboration', 'organise', 'digital'],
  },
  {
    id: 'gen-tech-003',
    type: 'technical-conceptual',
    competency: 'commercial-awareness',
    text: 'Pick a recent change in this industry. What is driving it, and how might it affect organisations like this one?',
    guidance:
      'Choose a specific change, explain the forces behind it (technology, regulation, customers, costs), and reason about concrete consequences for the employer.',
    keywords: ['industry', 'trends', 'market', 'regulation', 'technology'],
  },
  {
    id: 'gen-tech-004',
    type: 'technical-conceptual',
    competency: 'communication',
    text: 'Explain an idea from your degree or recent work as if I were a new client with no background in it.',
    guidance:
      'Pick an idea you know well, start from why it matters, use one good analogy or example, and avoid jargon.',
    keywords: ['explain', 'simplify', 'analogy', 'audience', 'jargon'],
  },
  {
    id: 'gen-tech-005',
    type: 'technical-conceptual',
    competency: 'analytical-thinking',
    text: "If you were given a spreadsheet of last year's results for a team, what would you look at first to understand how they performed?",
    guidance:
      'Show a structured approach: clarify what "performed" means, check the data is sound, compare against targets and trends, and look for the story behind outliers.',
    keywords: ['spreadsheet', 'excel', 'data', 'performance', 'trends'],
  },
  {
    id: 'gen-mot-012',
    type: 'motivational',
    competency: 'motivation-fit',
    text: "What are you looking for in your next role that you don't have now?",
    guidance:
      'Frame it positively — growth you want, not complaints — and show how this role offers it and what you would give in return.',
    keywords: ['career', 'growth', 'next role', 'development', 'motivation'],
    seniority: ['junior', 'lead'],
  },
  {
    id: 'gen-mot-013',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'How do you keep learning outside your studies or job, and what have you learned recently?',
    guidance:
      'Name a real, recent example (a course, a book, a side project), what you took from it, and how it connects to this role.',
    keywords: ['learning', 'curiosity', 'development', 'side project', 'growth'],
  },
]);
