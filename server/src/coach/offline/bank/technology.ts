/** Questions for software engineering and data roles. Written for Interview Studio; ids are stable. */
import { defineQuestions } from './types.js';

export const softwareQuestions = defineQuestions(['software'], [
  {
    id: 'sw-tech-001',
    type: 'technical-conceptual',
    competency: 'system-design',
    text: "How would you design a URL shortener? Talk me through the main components and the trade-offs you'd consider.",
    guidance:
      'Start from requirements (scale, read/write ratio), sketch the API, storage and key generation, then discuss caching, collisions and what breaks first as traffic grows.',
    keywords: ['system design', 'scalability', 'database', 'cache', 'api', 'hashing'],
    seniority: ['graduate', 'lead'],
  },
  {
    id: 'sw-tech-002',
    type: 'technical-conceptual',
    competency: 'computer-science-fundamentals',
    text: "Explain the difference between a process and a thread, and when you'd choose one over the other.",
    guidance:
      'Cover memory isolation versus shared memory, the cost of creating and switching each, and a concrete case (CPU-bound work, isolation for safety) where each wins.',
    keywords: ['concurrency', 'threads', 'processes', 'operating systems', 'parallelism'],
  },
  {
    id: 'sw-tech-003',
    type: 'technical-conceptual',
    competency: 'testing',
    text: 'What makes a good unit test? How do you decide what to test and what not to?',
    guidance:
      'A strong answer talks about fast, isolated, readable tests that check behaviour rather than implementation, and prioritises risky logic and edge cases over trivial code.',
    keywords: ['unit testing', 'tdd', 'test coverage', 'mocking', 'quality'],
  },
  {
    id: 'sw-tech-004',
    type: 'technical-conceptual',
    competency: 'debugging',
    text: 'A web page that used to load in one second now takes eight. How would you find out why?',
    guidance:
      'Show a systematic approach: reproduce and measure, split frontend from backend time with browser tools and logs, check what changed recently, then narrow down with profiling.',
    keywords: ['performance', 'profiling', 'latency', 'monitoring', 'frontend', 'backend'],
  },
  {
    id: 'sw-tech-005',
    type: 'technical-conceptual',
    competency: 'code-quality',
    text: "What do you look for when you review someone else's code?",
    guidance:
      'Cover correctness and tests first, then readability, naming and design, and show you give feedback that is specific, kind and easy to act on.',
    keywords: ['code review', 'pull request', 'readability', 'maintainability', 'git'],
  },
  {
    id: 'sw-tech-006',
    type: 'technical-conceptual',
    competency: 'computer-science-fundamentals',
    text: 'Explain how a hash map works and what happens when two keys collide.',
    guidance:
      'Describe hashing keys to buckets, collision handling (chaining or open addressing), resizing and load factor, and why lookups are usually constant time.',
    keywords: ['data structures', 'hash map', 'algorithms', 'complexity'],
  },
  {
    id: 'sw-tech-007',
    type: 'technical-conceptual',
    competency: 'data-storage',
    text: 'What are the trade-offs between a relational database and a document store? When would you pick each?',
    guidance:
      'Compare schemas, joins, transactions and consistency against flexibility and horizontal scaling, and ground the choice in an example data model.',
    keywords: ['sql', 'nosql', 'postgres', 'mongodb', 'database', 'schema'],
  },
  {
    id: 'sw-tech-008',
    type: 'technical-conceptual',
    competency: 'web-fundamentals',
    text: 'Walk me through what happens between typing a URL into a browser and the page appearing.',
    guidance:
      'Cover DNS lookup, the TCP/TLS connection, the HTTP request and response, and how the browser parses, fetches resources and renders — going deeper where you are strongest.',
    keywords: ['http', 'dns', 'browser', 'tls', 'frontend', 'networking'],
  },
  {
    id: 'sw-tech-009',
    type: 'technical-conceptual',
    competency: 'security',
    text: 'What is SQL injection, and how do you prevent it? Which other common web vulnerabilities should every developer know about?',
    guidance:
      'Explain how untrusted input becomes code, show parameterised queries as the fix, and name others such as XSS, CSRF and broken access control with their defences.',
    keywords: ['security', 'owasp', 'sql injection', 'xss', 'authentication'],
  },
  {
    id: 'sw-tech-010',
    type: 'technical-conceptual',
    competency: 'software-architecture',
    text: 'How would you explain microservices versus a monolith to a new colleague, and when is each the better choice?',
    guidance:
      'A strong answer weighs independent deployment and scaling against operational complexity, network failures and data consistency, and admits a monolith is often the right start.',
    keywords: ['microservices', 'monolith', 'kubernetes', 'distributed systems', 'architecture', 'scaling'],
    seniority: ['junior', 'lead'],
  },
  {
    id: 'sw-tech-011',
    type: 'technical-conceptual',
    competency: 'delivery-practices',
    text: 'What happens in a good continuous integration and deployment pipeline, and why does it matter?',
    guidance:
      'Describe automated builds, tests and checks on every change, safe deployment steps (staging, canaries, rollbacks), and how that shortens feedback loops and reduces risk.',
    keywords: ['ci', 'cd', 'pipelines', 'deployment', 'docker', 'automation', 'devops'],
  },
  {
    id: 'sw-tech-012',
    type: 'technical-conceptual',
    competency: 'code-quality',
    text: 'What is technical debt? How would you decide when to pay it down?',
    guidance:
      'Define it as the future cost of shortcuts, give an example, and show how you would weigh its drag on delivery against new features — with data, not taste.',
    keywords: ['technical debt', 'refactoring', 'maintainability', 'legacy code'],
  },
  {
    id: 'sw-tech-013',
    type: 'technical-conceptual',
    competency: 'algorithms',
    text: "Explain Big-O notation using an example from code you've written.",
    guidance:
      'Explain that it describes how cost grows with input size, then analyse a real piece of your code and say how you did or could improve it.',
    keywords: ['algorithms', 'complexity', 'big-o', 'performance', 'data structures'],
  },
  {
    id: 'sw-tech-014',
    type: 'technical-conceptual',
    competency: 'debugging',
    text: "A bug only appears in production and you can't reproduce it locally. How do you investigate?",
    guidance:
      'Show how you would gather evidence (logs, metrics, traces, affected users), form hypotheses about environment differences, test them safely, and add monitoring afterwards.',
    keywords: ['production', 'logging', 'observability', 'incident', 'debugging'],
    seniority: ['graduate', 'lead'],
  },
  {
    id: 'sw-beh-001',
    type: 'behavioural',
    competency: 'problem-solving',
    text: 'Tell me about the hardest bug you have tracked down. How did you find it?',
    guidance:
      'Walk through your hypotheses, the tools you used to test them, the root cause, and what you changed so that class of bug is caught earlier.',
    keywords: ['bug', 'debugging', 'root cause', 'testing'],
  },
  {
    id: 'sw-beh-002',
    type: 'behavioural',
    competency: 'teamwork',
    text: "Tell me about a time you worked on a shared codebase with others. How did you avoid getting in each other's way?",
    guidance:
      'Mention concrete practices — branching, code review, agreed conventions, small pull requests — and how you handled a conflict in the code or the plan.',
    keywords: ['git', 'code review', 'collaboration', 'pull request', 'agile'],
  },
  {
    id: 'sw-beh-003',
    type: 'behavioural',
    competency: 'ownership',
    text: 'Describe a time something you built broke, or nearly broke, for its users. What did you do?',
    guidance:
      'Show calm incident handling: limiting the impact, communicating, fixing the root cause, and the safeguard you added so it could not recur.',
    keywords: ['incident', 'production', 'users', 'fix', 'post-mortem'],
  },
  {
    id: 'sw-sit-001',
    type: 'situational',
    competency: 'prioritisation',
    text: 'Your team is about to release, and you discover a bug that affects a small number of users. The product manager wants to ship anyway. What do you do?',
    guidance:
      "A strong answer sizes the bug's impact, lays out options (ship with a fix to follow, feature flag, delay) with their risks, and makes the decision together rather than alone.",
    keywords: ['release', 'bug', 'risk', 'product manager', 'trade-off'],
  },
  {
    id: 'sw-sit-002',
    type: 'situational',
    competency: 'communication',
    text: "You're asked to estimate a feature that depends on a system you've never seen. How would you produce an estimate you'd stand behind?",
    guidance:
      'Show that you would time-box an investigation, break the work down, state assumptions and uncertainty as a range, and update the estimate as you learn.',
    keywords: ['estimation', 'planning', 'uncertainty', 'agile', 'scope'],
  },
  {
    id: 'sw-sit-003',
    type: 'situational',
    competency: 'adaptability',
    text: 'You join a team whose codebase has no tests and little documentation. What would you do in your first month?',
    guidance:
      'A strong answer balances learning and delivering: reading and asking, adding tests around the code you touch, writing down what you learn, and proposing improvements gradually.',
    keywords: ['legacy code', 'testing', 'documentation', 'onboarding'],
  },
  {
    id: 'sw-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What got you into software development, and what kind of engineering work do you want to be doing in a few years?',
    guidance:
      'Tell the short story of what hooked you, back it with something you built, and show a direction (product, infrastructure, data…) that fits this team.',
    keywords: ['software', 'career', 'projects', 'engineering', 'motivation'],
  },
]);

export const dataQuestions = defineQuestions(['data'], [
  {
    id: 'data-tech-001',
    type: 'technical-conceptual',
    competency: 'statistics',
    text: "Explain what a p-value tells you — and what it doesn't — to a product manager.",
    guidance:
      'Explain it as how surprising the data would be if there were no real effect, and be clear it is not the probability the result is true nor a measure of how big the effect is.',
    keywords: ['statistics', 'hypothesis testing', 'p-value', 'significance'],
  },
  {
    id: 'data-tech-002',
    type: 'technical-conceptual',
    competency: 'experimentation',
    text: 'How would you design an A/B test for a change to a sign-up page? What could go wrong?',
    guidance:
      'Cover the hypothesis, primary metric, randomisation, sample size and duration, then pitfalls such as peeking, novelty effects and testing too many metrics.',
    keywords: ['a/b testing', 'experiment', 'conversion', 'sample size', 'metrics'],
  },
  {
    id: 'data-tech-003',
    type: 'technical-conceptual',
    competency: 'data-quality',
    text: "You receive a dataset with missing values, duplicates and outliers. Walk me through how you'd clean it and how you'd decide what to drop.",
    guidance:
      'Show that you would understand why the problems exist before fixing them, document each decision, and check how much your choices change the results.',
    keywords: ['data cleaning', 'missing data', 'outliers', 'pandas', 'data quality'],
  },
  {
    id: 'data-tech-004',
    type: 'technical-conceptual',
    competency: 'machine-learning',
    text: 'What is overfitting, how would you detect it, and what would you do about it?',
    guidance:
      'Define it as learning noise rather than signal, detect it with a held-out set or cross-validation, and fix it with simpler models, regularisation or more data.',
    keywords: ['machine learning', 'overfitting', 'cross-validation', 'regularisation', 'model'],
  },
  {
    id: 'data-tech-005',
    type: 'technical-conceptual',
    competency: 'data-modelling',
    text: 'Explain the difference between an inner join and a left join, and give an example where picking the wrong one gives a misleading result.',
    guidance:
      'Define both precisely, then show a real-feeling example — such as customers without orders disappearing from a report — and how you would catch it.',
    keywords: ['sql', 'joins', 'queries', 'database', 'reporting'],
  },
  {
    id: 'data-tech-006',
    type: 'technical-conceptual',
    competency: 'statistics',
    text: 'When would you use the median instead of the mean? Give a real-world example.',
    guidance:
      'Explain sensitivity to skew and outliers with a concrete example such as salaries or house prices, and mention reporting both when the gap is informative.',
    keywords: ['statistics', 'median', 'mean', 'distribution', 'skew'],
  },
  {
    id: 'data-tech-007',
    type: 'technical-conceptual',
    competency: 'machine-learning',
    text: 'How would you evaluate a model that predicts which customers will cancel their subscription? Which metrics would you use, and why?',
    guidance:
      'Tie metrics to the business decision: precision and recall (or a cost-weighted measure) over accuracy for imbalanced classes, plus a check that acting on predictions actually helps.',
    keywords: ['churn', 'classification', 'precision', 'recall', 'model evaluation'],
  },
  {
    id: 'data-tech-008',
    type: 'technical-conceptual',
    competency: 'data-communication',
    text: 'How do you choose the right chart for a set of results? Give an example of a chart that misleads.',
    guidance:
      'Match the chart to the question (comparison, trend, distribution, relationship), and name a concrete trap such as a truncated axis or an unlabelled dual axis.',
    keywords: ['visualisation', 'dashboards', 'tableau', 'power bi', 'storytelling'],
  },
  {
    id: 'data-tech-009',
    type: 'technical-conceptual',
    competency: 'data-engineering',
    text: "What is a data pipeline? How would you make one reliable enough that people trust the numbers?",
    guidance:
      'Describe extract, transform and load stages, then reliability practices: tests on data, monitoring, idempotent reruns, lineage and clear ownership.',
    keywords: ['etl', 'pipelines', 'airflow', 'data warehouse', 'dbt'],
  },
  {
    id: 'data-tech-010',
    type: 'technical-conceptual',
    competency: 'statistics',
    text: 'What is the difference between correlation and causation? How might you find evidence of a causal effect without running an experiment?',
    guidance:
      'Give a clear example of a confounder, then outline quasi-experimental options (natural experiments, difference-in-differences, matching) and their assumptions.',
    keywords: ['causal inference', 'correlation', 'confounding', 'econometrics'],
    seniority: ['graduate', 'lead'],
  },
  {
    id: 'data-tech-011',
    type: 'technical-conceptual',
    competency: 'machine-learning',
    text: "What's the difference between supervised and unsupervised learning? Give a problem suited to each.",
    guidance:
      'Explain labelled versus unlabelled data, give concrete problems (predicting demand; segmenting customers) and how you would judge success in each.',
    keywords: ['machine learning', 'clustering', 'regression', 'classification', 'python'],
  },
  {
    id: 'data-beh-001',
    type: 'behavioural',
    competency: 'communication',
    text: 'Tell me about a time your analysis led someone to change a decision.',
    guidance:
      'Show the question you were answering, how you made the finding convincing to a non-specialist, and what was decided differently as a result.',
    keywords: ['analysis', 'insight', 'stakeholders', 'decision', 'presentation'],
  },
  {
    id: 'data-beh-002',
    type: 'behavioural',
    competency: 'failure-and-learning',
    text: 'Describe a time you found an error in your own analysis after sharing it. What did you do?',
    guidance:
      'A strong answer shows you corrected the record quickly and openly, assessed who was affected, and added a check to your process.',
    keywords: ['error', 'analysis', 'accuracy', 'validation'],
  },
  {
    id: 'data-sit-001',
    type: 'situational',
    competency: 'ethics',
    text: "A manager asks you to 'find the numbers' that support a decision they have already made. How do you respond?",
    guidance:
      'Show that you would engage with the goal, run an honest analysis, present what the data says including the inconvenient parts, and suggest how to proceed.',
    keywords: ['integrity', 'analysis', 'bias', 'stakeholder', 'evidence'],
  },
  {
    id: 'data-sit-002',
    type: 'situational',
    competency: 'problem-solving',
    text: 'A key dashboard suddenly shows a 40% drop in daily users overnight. How would you work out whether it is real?',
    guidance:
      'A strong answer checks the data pipeline and tracking before the product: recent releases, missing data, definitions, segments — and communicates early with a confidence level.',
    keywords: ['dashboard', 'metrics', 'anomaly', 'data quality', 'investigation'],
  },
  {
    id: 'data-sit-003',
    type: 'situational',
    competency: 'customer-focus',
    text: 'A stakeholder asks for a complex report by Friday, but you suspect a simpler answer would serve them better. What do you do?',
    guidance:
      'Show that you would ask what decision the report supports, propose the simpler option with reasons, and still respect their call.',
    keywords: ['stakeholder', 'requirements', 'reporting', 'scope'],
  },
  {
    id: 'data-mot-001',
    type: 'motivational',
    competency: 'motivation-fit',
    text: 'What draws you to working with data, and what kind of problems do you most want to solve with it?',
    guidance:
      'Show curiosity with a specific question you answered with data, and connect the problems you want to work on to what this organisation does.',
    keywords: ['data', 'analytics', 'curiosity', 'impact', 'career'],
  },
]);
