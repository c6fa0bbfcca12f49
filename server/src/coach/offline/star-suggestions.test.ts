import { describe, expect, it } from 'vitest';
import type { StarDraftContent } from '../../store/records.js';
import { starParts } from '../coach.js';
import { suggestForStarDraft } from './star-suggestions.js';

const polished: StarDraftContent = {
  title: 'Budget app disagreement',
  competency: 'conflict',
  situation: 'In my second year, four of us were building a budgeting app for a software engineering module, two weeks from the deadline.',
  task: 'My responsibility was the backend, and I needed the team to agree on priorities so we could submit on time.',
  action:
    'I asked my teammate Sam to talk it through over coffee instead of arguing in the group chat. I listened to his case for a new savings feature first. ' +
    'I then shared our bug tracker, which had 23 open issues, and suggested we read the marking scheme together. ' +
    'I proposed a split: I fixed the critical bugs while Sam built a smaller version of the feature behind a toggle, and I set up a daily ten-minute check-in.',
  result: 'We submitted on time with 3 minor bugs and scored 74%, the highest mark in the cohort.',
  reflection: 'I learned that disagreements often hide different assumptions, and I now look for shared evidence early.',
};

const rough: StarDraftContent = {
  title: '',
  competency: null,
  situation:
    'So this was at university in a group project and there were four of us and we had a lot going on with other modules and the deadline was coming up and also ' +
    'I was working part-time at the same time which made it harder and I organised the meetings and I booked the rooms and the group was not really getting on ' +
    'and there were a lot of messages in the chat and people were stressed about it.',
  task: 'We had to finish the project.',
  action: 'We talked about it and we agreed on a plan.',
  result: 'It went well and I learned to communicate better.',
  reflection: '',
};

describe('suggestForStarDraft', () => {
  it('gives every part at least one suggestion, at most three', () => {
    for (const draft of [polished, rough]) {
      const s = suggestForStarDraft(draft);
      for (const part of starParts) {
        expect(s[part].length).toBeGreaterThanOrEqual(1);
        expect(s[part].length).toBeLessThanOrEqual(3);
      }
      expect(s.overall.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('praises a polished draft rather than inventing problems', () => {
    const s = suggestForStarDraft(polished);
    expect(s.situation).toEqual(['Good: short and sets the scene.']);
    expect(s.action[0]).toMatch(/^Strong/);
    expect(s.result[0]).toMatch(/^Good/);
    expect(s.reflection[0]).toMatch(/^Good/);
    expect(s.overall).toEqual(['This story is in good shape: practise telling it aloud in about two minutes.']);
  });

  it('asks to trim a long situation and move actions out of it', () => {
    const s = suggestForStarDraft(rough);
    expect(s.situation.join(' ')).toMatch(/Trim to the context/);
    expect(s.situation.join(' ')).toMatch(/move them into Action/);
  });

  it('asks for "I" when the action is all "we"', () => {
    const s = suggestForStarDraft(rough);
    expect(s.action.join(' ')).toMatch(/Say what you did: you used "we" 2 times and "I" 0 times/);
    expect(s.task.join(' ')).toMatch(/Make your own part clear/);
  });

  it('asks to quantify a vague result and to move the lesson into Reflection', () => {
    const s = suggestForStarDraft(rough);
    expect(s.result.join(' ')).toMatch(/Replace "it went well" with evidence/);
    expect(s.result.join(' ')).toMatch(/Move the lesson into Reflection/);
  });

  it('asks for a reflection when it is missing, and one that looks forward when it does not', () => {
    expect(suggestForStarDraft(rough).reflection[0]).toMatch(/Add what you learned/);
    const backward = suggestForStarDraft({ ...polished, reflection: 'It was a useful experience overall.' });
    expect(backward.reflection[0]).toMatch(/how have you used this lesson since/);
  });

  it('notes missing title and competency, and a thin story, overall', () => {
    const s = suggestForStarDraft({ ...rough, situation: 'A group project.' });
    const overall = s.overall.join(' ');
    expect(overall).toMatch(/Tag a competency/);
    expect(overall).toMatch(/short title/);
    expect(overall).toMatch(/still thin/);
  });

  it('asks for every part of an empty draft', () => {
    const s = suggestForStarDraft({ title: '', competency: null, situation: '', task: '', action: '', result: '', reflection: '' });
    expect(s.situation[0]).toMatch(/Add one or two sentences of context/);
    expect(s.task[0]).toMatch(/State what you were responsible for/);
    expect(s.action[0]).toMatch(/heart of the story/);
    expect(s.result[0]).toMatch(/Add the result/);
    expect(s.reflection[0]).toMatch(/Add what you learned/);
  });

  it('says when the suggestions are only in English', () => {
    expect(suggestForStarDraft(polished, 'de-DE').overall.join(' ')).toMatch(/English/);
  });
});
