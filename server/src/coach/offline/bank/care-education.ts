/** Questions for healthcare and education roles. Written for Interview Studio; ids are stable. */
import { defineQuestions } from './types.js';

export const healthcareQuestions = defineQuestions(['healthcare'], [
  {
    id: 'hc-tech-001',
    type: 'technical-conceptual',
    competency: 'patient-safety',
    text: 'What does patient safety mean to you in day-to-day practice? Give examples of how you protect it.',
    guidance:
      'Name concrete habits — checking identity, double-checking medication, clear handovers, speaking up, reporting incidents — and why each matters.',
    keywords: ['patient safety', 'handover', 'medication', 'incident reporting', 'clinical'],
  },
  {
    id: 'hc-tech-002',
    type: 'technical-conceptual',
    competency: 'professional-standards',
    text: 'How do you make sure you have valid consent, and what would you do if a patient lacked capacity?',
    guidance:
      'Explain informed, voluntary consent from a patient with capacity, how capacity is assessed, and acting in their best interests within the law and local policy.',
    keywords: ['consent', 'capacity', 'mental capacity act', 'best interests', 'ethics'],
  },
  {
    id: 'hc-tech-003',
    type: 'technical-conceptual',
    competency: 'infection-control',
    text: 'Explain the key principles of infection prevention and control on a ward.',
    guidance:
      'Cover hand hygiene, personal protective equipment, cleaning, isolation, safe sharps and waste handling, and how you would challenge poor practice.',
    keywords: ['infection control', 'hand hygiene', 'ppe', 'isolation', 'ward'],
  },
  {
    id: 'hc-tech-004',
    type: 'technical-conceptual',
    competency: 'clinical-reasoning',
    text: 'How do you recognise a patient who is deteriorating, and what would you do?',
    guidance:
      'Mention observations and early warning scores, subtle signs like confusion, a structured assessment such as ABCDE, and escalating with a clear handover such as SBAR.',
    keywords: ['deterioration', 'observations', 'news2', 'escalation', 'sbar'],
  },
  {
    id: 'hc-tech-005',
    type: 'technical-conceptual',
    competency: 'professional-standards',
    text: 'Why is confidentiality so important in healthcare, and when might you have to share information?',
    guidance:
      'Explain trust and the legal duty, then the exceptions — consent, safeguarding, serious risk of harm, legal requirements — and sharing only what is necessary.',
    keywords: ['confidentiality', 'gdpr', 'safeguarding', 'information governance'],
  },
  {
    id: 'hc-tech-006',
    type: 'technical-conceptual',
    competency: 'patient-communication',
    text: "How would you communicate with a patient who is anxious, in pain, or doesn't share your first language?",
    guidance:
      'Show practical techniques: calm pace, plain words, checking understanding, professional interpreters rather than family, and involving the patient in decisions.',
    keywords: ['communication', 'interpreter', 'empathy', 'patient-centred care'],
  },
  {
    id: 'hc-tech-007',
    type: 'technical-conceptual',
    competency: 'clinical-reasoning',
    text: 'What is evidence-based practice? Give an example of research changing practice in your field.',
    guidance:
      'Define it as combining research evidence, clinical expertise and patient preferences, and give a specific example with its effect on care.',
    keywords: ['evidence-based practice', 'research', 'guidelines', 'nice', 'clinical'],
  },
  {
    id: 'hc-tech-008',
    type: 'technical-conceptual',
    competency: 'patient-safety',
    text: 'What should happen after a medication error, including one that caused no harm?',
    guidance:
      "Cover checking the patient's safety first, informing the senior clinician, reporting through the incident system, being open with the patient, and learning without blame.",
    keywords: ['medication error', 'incident reporting', 'duty of candour', 'learning'],
  },
  {
    id: 'hc-beh-001',
    type: 'behavioural',
    competency: 'teamwork',
    text: 'Tell me about a time you worked as part of a multidisciplinary team.',
    guidance:
      'Show that you understood the roles of others, communicated clearly across professions, and that the patient or service user benefited.',
    keywords: ['multidisciplinary', 'team', 'collaboration', 'patient care'],
  },
  {
    id: 'hc-beh-002',
    type: 'behavioural',
    competency: 'adaptability',
    text: 'Describe a stressful or emotionally difficult situation at work or on placement. How did you look after yourself?',
    guidance:
      'A strong answer shows professionalism in the moment, and healthy, concrete coping strategies such as supervision, debriefing and support networks.',
    keywords: ['resilience', 'wellbeing', 'stress', 'placement', 'support'],
  },
  {
    id: 'hc-beh-003',
    type: 'behavioural',
    competency: 'customer-focus',
    text: 'Tell me about a time you advocated for a patient or service user.',
    guidance:
      'Explain what they needed that was being missed, how you raised it and with whom, and the difference it made to their care.',
    keywords: ['advocacy', 'patient', 'dignity', 'person-centred care'],
  },
  {
    id: 'hc-sit-001',
    type: 'situational',
    competency: 'prioritisation',
    text: 'You start a shift and three patients need you at the same time. How would you prioritise?',
    guidance:
      'Show clinical prioritisation (airway, breathing, circulation, risk of harm), delegating appropriately, asking for help early and communicating with the others waiting.',
    keywords: ['prioritisation', 'triage', 'delegation', 'workload', 'shift'],
  },
  {
    id: 'hc-sit-002',
    type: 'situational',
    competency: 'ethics',
    text: 'You see a colleague skip hand hygiene between patients several times. What do you do?',
    guidance:
      'A strong answer addresses it promptly and respectfully with the colleague, explains the risk to patients, and escalates if it continues.',
    keywords: ['infection control', 'speaking up', 'patient safety', 'escalation'],
  },
  {
    id: 'hc-sit-003',
    type: 'situational',
    competency: 'communication',
    text: "A patient's relative is angry about a delay in care and is raising their voice at the nurses' station. How would you handle it?",
    guidance:
      'Show de-escalation: acknowledge feelings, move somewhere private, explain what you can honestly, agree the next step, and keep yourself and others safe.',
    keywords: ['de-escalation', 'complaint', 'relatives', 'communication', 'empathy'],
  },
  {
    id: 'hc-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What made you choose a career in healthcare, and what keeps you committed on the hardest days?',
    guidance:
      'Be personal but professional: a specific experience that drew you in, what you have learned about the reality of the job on placement, and how you sustain yourself.',
    keywords: ['healthcare', 'nursing', 'care', 'patients', 'career'],
  },
]);

export const educationQuestions = defineQuestions(['education'], [
  {
    id: 'edu-tech-001',
    type: 'technical-conceptual',
    competency: 'pedagogy',
    text: 'How do you plan a lesson so that every learner makes progress, not just the middle of the class?',
    guidance:
      'Describe clear objectives, prior-knowledge checks, scaffolding and stretch tasks, and how you would adjust during the lesson based on what you see.',
    keywords: ['lesson planning', 'differentiation', 'adaptive teaching', 'progress'],
  },
  {
    id: 'edu-tech-002',
    type: 'technical-conceptual',
    competency: 'assessment',
    text: "What's the difference between formative and summative assessment? How would you use formative assessment in a lesson?",
    guidance:
      'Define both, then give concrete formative techniques — hinge questions, mini whiteboards, exit tickets — and how the results change what you teach next.',
    keywords: ['assessment', 'formative', 'summative', 'feedback', 'questioning'],
  },
  {
    id: 'edu-tech-003',
    type: 'technical-conceptual',
    competency: 'behaviour-management',
    text: "What's your approach to behaviour management, and how do you keep it consistent?",
    guidance:
      'Show clear routines and expectations, positive relationships, calm consistent consequences in line with school policy, and how you repair relationships afterwards.',
    keywords: ['behaviour management', 'routines', 'classroom', 'school policy'],
  },
  {
    id: 'edu-tech-004',
    type: 'technical-conceptual',
    competency: 'safeguarding',
    text: 'What would you do if a pupil told you something that made you worried about their safety?',
    guidance:
      'Show you would listen calmly, not promise secrecy, record their words accurately, and report to the designated safeguarding lead the same day.',
    keywords: ['safeguarding', 'child protection', 'dsl', 'disclosure', 'policy'],
  },
  {
    id: 'edu-tech-005',
    type: 'technical-conceptual',
    competency: 'inclusion',
    text: 'How would you support a learner with special educational needs in a mainstream class?',
    guidance:
      'Mention understanding their plan, working with the SENCo and teaching assistants, adapting materials and environment, and tracking progress.',
    keywords: ['send', 'inclusion', 'senco', 'adaptive teaching', 'support'],
  },
  {
    id: 'edu-tech-006',
    type: 'technical-conceptual',
    competency: 'pedagogy',
    text: 'How do you check that learning has actually happened, rather than just activity?',
    guidance:
      'Distinguish engagement from learning, and describe checks such as retrieval practice, questioning everyone and looking at work over time.',
    keywords: ['learning', 'assessment', 'retrieval practice', 'progress'],
  },
  {
    id: 'edu-tech-007',
    type: 'technical-conceptual',
    competency: 'pedagogy',
    text: 'How would you use technology in your teaching without it becoming a distraction?',
    guidance:
      'Tie every tool to a learning purpose, give concrete examples, and show awareness of access, screen time and when paper is better.',
    keywords: ['edtech', 'technology', 'digital learning', 'engagement'],
  },
  {
    id: 'edu-tech-008',
    type: 'technical-conceptual',
    competency: 'assessment',
    text: 'How do you give feedback that learners actually act on?',
    guidance:
      'Describe feedback that is specific and forward-looking, time in lessons to act on it, and how you check it made a difference.',
    keywords: ['feedback', 'marking', 'improvement', 'assessment'],
  },
  {
    id: 'edu-beh-001',
    type: 'behavioural',
    competency: 'communication',
    text: 'Tell me about a time you explained something difficult and had to try a different approach.',
    guidance:
      'Show how you noticed the first explanation was not working, what you changed (an example, a model, a visual) and how you checked understanding.',
    keywords: ['explanation', 'teaching', 'tutoring', 'understanding'],
  },
  {
    id: 'edu-beh-002',
    type: 'behavioural',
    competency: 'adaptability',
    text: "Describe a lesson or session that didn't go to plan. What did you do in the moment, and afterwards?",
    guidance:
      'A strong answer shows quick, calm adjustment in the room and honest reflection afterwards that changed your next plan.',
    keywords: ['lesson', 'reflection', 'adapt', 'classroom'],
  },
  {
    id: 'edu-beh-003',
    type: 'behavioural',
    competency: 'teamwork',
    text: 'Tell me about a time you worked with parents, carers or colleagues to support a learner.',
    guidance:
      'Explain what the learner needed, how you shared information and agreed actions with others, and the progress that followed.',
    keywords: ['parents', 'colleagues', 'support', 'collaboration', 'pupil'],
  },
  {
    id: 'edu-sit-001',
    type: 'situational',
    competency: 'conflict',
    text: "A parent emails you, upset about their child's grade, and copies in the head teacher. How would you respond?",
    guidance:
      'Show a prompt, calm reply that acknowledges their concern, offers a conversation, and is ready with evidence of the work and next steps.',
    keywords: ['parents', 'complaint', 'communication', 'grades'],
  },
  {
    id: 'edu-sit-002',
    type: 'situational',
    competency: 'behaviour-management',
    text: 'A small group is disrupting your lesson and the rest of the class is starting to join in. What do you do?',
    guidance:
      'Describe calm, low-key interventions first, consistent use of the behaviour policy, keeping the lesson moving, and following up afterwards.',
    keywords: ['behaviour', 'classroom management', 'disruption', 'policy'],
  },
  {
    id: 'edu-sit-003',
    type: 'situational',
    competency: 'inclusion',
    text: "You notice a quiet student hasn't spoken in class for weeks and their work is slipping. How would you respond?",
    guidance:
      'Show that you would check in privately and kindly, look at the wider picture with colleagues, consider safeguarding, and adapt support.',
    keywords: ['wellbeing', 'pastoral', 'inclusion', 'safeguarding', 'support'],
  },
  {
    id: 'edu-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why do you want to teach? Tell me about a teacher who made a difference to you and what you took from them.',
    guidance:
      'Move from the memory to practice: what that teacher did, how it shapes the teacher you want to be, and evidence from your own time working with young people.',
    keywords: ['teaching', 'education', 'pupils', 'career', 'inspiration'],
  },
]);

export const graduateQuestions = defineQuestions(['general-graduate'], [
  {
    id: 'grad-tech-001',
    type: 'technical-conceptual',
    competency: 'commercial-awareness',
    text: 'How does the organisation you want to join make money, and what could threaten that?',
    guidance:
      'Explain the main revenue streams and cost drivers in plain terms, then one or two real threats (competitors, regulation, technology) and how it might respond.',
    keywords: ['business model', 'revenue', 'commercial awareness', 'competitors'],
  },
  {
    id: 'grad-tech-002',
    type: 'technical-conceptual',
    competency: 'analytical-thinking',
    text: 'Estimate how many coffees are sold on a typical weekday on a campus of 20,000 students. Talk me through your reasoning.',
    guidance:
      'Break the estimate into clear steps with round numbers, explain each assumption, and sanity-check the final figure.',
    keywords: ['estimation', 'numeracy', 'assumptions', 'problem solving'],
  },
  {
    id: 'grad-tech-003',
    type: 'technical-conceptual',
    competency: 'project-management',
    text: "What makes a project plan realistic? Explain how you'd build one for a three-month project.",
    guidance:
      'Cover scope and goals, breaking work into tasks with owners and estimates, dependencies and risks, buffer, and how you would track progress.',
    keywords: ['project management', 'planning', 'milestones', 'risk', 'gantt'],
  },
  {
    id: 'grad-tech-004',
    type: 'technical-conceptual',
    competency: 'analytical-thinking',
    text: "What's the difference between efficiency and effectiveness? Give an example of a process that is one but not the other.",
    guidance:
      'Define doing things right versus doing the right things, with an example from work or study, and how you would improve it.',
    keywords: ['process improvement', 'operations', 'efficiency', 'effectiveness'],
  },
  {
    id: 'grad-tech-005',
    type: 'technical-conceptual',
    competency: 'data-literacy',
    text: "What's the difference between correlation and causation, and why does it matter when making business decisions?",
    guidance:
      'Give a clear example of two things moving together for another reason, and explain how you would test a causal claim before acting on it.',
    keywords: ['data', 'analysis', 'decision making', 'evidence'],
  },
  {
    id: 'grad-sit-001',
    type: 'situational',
    competency: 'adaptability',
    text: "On a graduate rotation you're moved into a department you know nothing about, with a deliverable due in three weeks. What do you do in your first week?",
    guidance:
      'Show a plan: clarify the deliverable and who it is for, meet the key people, learn the essentials fast, and agree early check-ins.',
    keywords: ['rotation', 'onboarding', 'learning', 'stakeholders', 'plan'],
  },
  {
    id: 'grad-sit-002',
    type: 'situational',
    competency: 'ownership',
    text: 'Your graduate scheme asks you to run a small improvement project alongside your day job. How would you choose one and make sure it delivers?',
    guidance:
      'A strong answer picks a problem with visible impact and a willing sponsor, scopes it tightly, sets milestones and shows how you would protect the time.',
    keywords: ['project', 'initiative', 'improvement', 'stakeholders', 'time management'],
  },
  {
    id: 'grad-beh-001',
    type: 'behavioural',
    competency: 'teamwork',
    text: 'Tell me about a part-time job or volunteering role and what it taught you about working with others.',
    guidance:
      'Pick one concrete moment from the role, show what you did, and draw out a lesson that applies to this job.',
    keywords: ['part-time job', 'volunteering', 'team', 'customers', 'responsibility'],
    seniority: ['intern', 'junior'],
  },
  {
    id: 'grad-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'Why a graduate scheme rather than going straight into a specialist role?',
    companyText: 'Why the {company} graduate programme rather than going straight into a specialist role?',
    guidance:
      'Show you understand what the scheme offers (rotations, training, breadth) and why that suits your goals now, with evidence that you have researched it.',
    keywords: ['graduate scheme', 'rotation', 'development', 'career'],
    seniority: ['intern', 'graduate'],
  },
]);
