import { describe, expect, it } from 'vitest';
import { detectConfidential, redactPersonalIdentifiers, type ConfidentialKind } from './confidential.js';

function counts(text: string): Partial<Record<ConfidentialKind, number>> {
  return Object.fromEntries(detectConfidential(text).map((w) => [w.kind, w.count]));
}

describe('detectConfidential', () => {
  it.each<[string, string, Partial<Record<ConfidentialKind, number>>]>([
    // ---- emails ----
    ['plain email', 'Email me at jane.doe@example.com for the deck.', { email: 1 }],
    ['email in angle brackets', 'Jane Doe <jane.doe+jobs@uni.ac.uk> sent it.', { email: 1 }],
    ['two emails', 'Copy a.b@x.co and c_d@y.org.uk please.', { email: 2 }],
    ['not an email: @handle alone', 'I posted it as @jane on the forum.', {}],
    // ---- phones ----
    ['UK mobile', 'Call me on 07700 900123 after five.', { phone: 1 }],
    ['UK landline with brackets', 'The office is (020) 7946 0958.', { phone: 1 }],
    ['international with +44', 'My number is +44 20 7946 0958.', { phone: 1 }],
    ['international with (0)', 'Ring +44 (0)7700 900123 any time.', { phone: 1 }],
    ['US with dashes', 'Reach me at 415-555-0132.', { phone: 1 }],
    ['US with dots', 'Reach me at 415.555.0132.', { phone: 1 }],
    ['US with country code and brackets', 'Phone +1 (415) 555-0132 today.', { phone: 1 }],
    ['German', 'Büro: +49 30 12345678.', { phone: 1 }],
    ['French local in pairs', 'Mon numéro: 06 12 34 56 78.', { phone: 1 }],
    ['00 prefix', 'Dial 0044 7700 900123 from abroad.', { phone: 1 }],
    ['unseparated UK mobile', 'Text 07700900123 if late.', { phone: 1 }],
    // ---- not phones ----
    ['year range', 'I studied there from 2019-2021 and then 2021 - 2023.', {}],
    ['year list', 'We ran it in 2019 2020 2021.', {}],
    ['percentages', 'Sign-ups rose 45% and churn fell 12.5% over 6 months.', {}],
    ['money', 'We raised £12,000 and saved $1,250,000.', {}],
    ['a date', 'It launched on 12/05/2023.', {}],
    ['a list of scores', 'My marks were 85 90 95 100 across the modules.', {}],
    ['a long decimal', 'Pi is roughly 3.14159265 for our purposes.', {}],
    ['times and ratios', 'We met at 09:30, with a 3:1 ratio of mentors.', {}],
    ['a short number range', 'Between 10-20 people came each week.', {}],
    // ---- personal URLs ----
    ['LinkedIn profile', 'See linkedin.com/in/jane-doe-123 for more.', { 'personal-url': 1 }],
    ['LinkedIn with scheme', 'Profile: https://www.linkedin.com/in/janedoe/.', { 'personal-url': 1 }],
    ['GitHub user', 'My code is at https://github.com/janedoe.', { 'personal-url': 1 }],
    ['GitHub repo under a user', 'Repo: github.com/janedoe/budget-app', { 'personal-url': 1 }],
    ['github.io site', 'Portfolio at https://janedoe.github.io/', { 'personal-url': 1 }],
    ['@handle in a path', 'Read medium.com/@janedoe/my-first-post', { 'personal-url': 1 }],
    ['~user path', 'Old page at www.cs.uni.ac.uk/~jdoe/index.html', { 'personal-url': 1 }],
    ['name-like path segment', 'Portfolio: https://example.com/jane-doe', { 'personal-url': 1 }],
    ['/people/ path', 'Staff page https://uni.ac.uk/people/jdoe12', { 'personal-url': 1 }],
    // ---- not personal URLs ----
    ['company home page', 'I read https://www.example.com before applying.', {}],
    ['about-us page', 'Their values are at https://example.com/about-us.', {}],
    ['GitHub features page', 'See https://github.com/features for details.', {}],
    ['report page', 'The figures came from https://ons.gov.uk/annual-report.', {}],
    ['library name with .js', 'I built it with Node.js/React and Vue.js.', {}],
    ['A/B test', 'We ran an A/B test on the sign-up page.', {}],
    // ---- confidential wording ----
    ['confidential', 'The client figures were confidential.', { 'confidential-wording': 1 }],
    ['NDA', 'I signed an NDA, so I will keep it general.', { 'confidential-wording': 1 }],
    ['non-disclosure', 'It was under a non-disclosure agreement.', { 'confidential-wording': 1 }],
    ['internal only', 'The deck was marked internal only.', { 'confidential-wording': 1 }],
    ['proprietary', 'We used a proprietary pricing model.', { 'confidential-wording': 1 }],
    ['do not distribute', 'The memo said DO NOT DISTRIBUTE at the top.', { 'confidential-wording': 1 }],
    ['trade secret', 'The recipe is a trade secret.', { 'confidential-wording': 1 }],
    ['several', 'It was confidential and under NDA, and proprietary.', { 'confidential-wording': 3 }],
    ['confidence is not confidential', 'I gained confidence and was confident presenting.', {}],
    ['the concept of confidentiality', 'Patient confidentiality matters because trust matters.', {}],
    // ---- mixed ----
    [
      'everything at once',
      'Contact jane@x.com or 07700 900123, see github.com/janedoe, but the numbers are confidential.',
      { email: 1, phone: 1, 'personal-url': 1, 'confidential-wording': 1 },
    ],
    ['nothing', 'I led a team of 5 and cut costs by 20% in 2023.', {}],
    ['empty', '', {}],
  ])('%s', (_label, text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it('never repeats the matched text in a warning', () => {
    const secrets = ['jane.doe@example.com', '07700 900123', '07700', 'github.com/janedoe', 'janedoe', 'NDA', 'confidential'];
    const warnings = detectConfidential(
      'Email jane.doe@example.com, call 07700 900123, see github.com/janedoe. Under NDA; confidential.',
    );
    expect(warnings.map((w) => w.kind).sort()).toEqual(['confidential-wording', 'email', 'personal-url', 'phone']);
    for (const w of warnings) {
      expect(w.message.length).toBeGreaterThan(20);
      for (const secret of secrets) expect(w.message.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it('reports counts in the messages', () => {
    const [warning] = detectConfidential('a@b.com and c@d.com');
    expect(warning).toMatchObject({ kind: 'email', count: 2 });
    expect(warning!.message).toMatch(/2 email addresses/);
  });
});

describe('redactPersonalIdentifiers', () => {
  it.each<[string, string, string, string[]?]>([
    ['email', 'Write to jane.doe@example.com today.', 'Write to [email] today.'],
    ['email in angle brackets', 'From: Jane <jane@uni.ac.uk>', 'From: [name] <[email]>', ['Jane Doe']],
    ['phone', 'Call +44 20 7946 0958 or 07700 900123.', 'Call [phone] or [phone].'],
    ['personal URL', 'See https://linkedin.com/in/jane-doe and github.com/janedoe.', 'See [url] and [url].'],
    ['non-personal URL is kept', 'See https://example.com/about-us.', 'See https://example.com/about-us.'],
    ['years and percentages are kept', 'From 2019-2021 I grew sign-ups 45%.', 'From 2019-2021 I grew sign-ups 45%.'],
    ['full name, case-insensitive', 'JANE DOE and jane doe were both me.', '[name] and [name] were both me.', ['Jane Doe']],
    ['name parts, word-bounded', 'Jane said Doe; Janet and Doerr are others.', '[name] said [name]; Janet and Doerr are others.', ['Jane Doe']],
    ['possessive', "That was Jane's idea.", "That was [name]'s idea.", ['Jane Doe']],
    ['everyday-word names only when capitalised', 'Will said I will help.', '[name] said I will help.', ['Will Smith']],
    ['learner called "Name"', 'Call me Name, please.', 'Call me [name], please.', ['Name']],
    ['placeholders survive a learner called "Email"', 'Write to a@b.com, Email.', 'Write to [email], [name].', ['Email']],
    ['accented names', 'José García presented; garcía agreed.', '[name] presented; [name] agreed.', ['José García']],
    ['no names given', 'Jane did it.', 'Jane did it.'],
  ])('%s', (_label, input, expected, names) => {
    expect(redactPersonalIdentifiers(input, names ? { names } : {})).toBe(expected);
  });

  it('leaves ordinary answers untouched', () => {
    const answer = 'In my second year I led a team of 5 and cut costs by 20% over 3 months (2022-2023).';
    expect(redactPersonalIdentifiers(answer, { names: ['Priya Shah'] })).toBe(answer);
  });
});
