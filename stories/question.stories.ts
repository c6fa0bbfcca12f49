import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { mockSession, practiceSession, studio } from './support.js';

export default { title: 'Views/Question and answer' } satisfies Meta;

type Story = StoryObj;

export const Practice: Story = {
  render: () => studio({ view: (api) => ({ name: 'question', sessionId: api.seedSession(practiceSession, { answered: 2 }).id }) }),
};

export const MockTimer: Story = {
  name: 'Mock interview timer',
  render: () => studio({ view: (api) => ({ name: 'question', sessionId: api.seedSession(mockSession).id }) }),
};

export const MockTimeUp: Story = {
  name: 'Mock interview: time is up',
  render: () =>
    studio({
      view: (api) => ({ name: 'question', sessionId: api.seedSession(mockSession, { createdAt: new Date(Date.now() - 150_000).toISOString() }).id }),
    }),
};

export const Loading: Story = {
  render: () => studio({ fixture: { hang: ['getSession'] }, view: () => ({ name: 'question', sessionId: 'ses_x' }) }),
};

export const Error: Story = {
  name: 'Error (not found)',
  render: () => studio({ view: () => ({ name: 'question', sessionId: 'ses_missing' }) }),
};

export const AllAnswered: Story = {
  render: () => studio({ view: (api) => ({ name: 'question', sessionId: api.seedSession({ ...practiceSession, questionCount: 2 }, { answered: 2 }).id }) }),
};
