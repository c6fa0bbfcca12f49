import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { mockSession, practiceSession, studio } from './support.js';

export default { title: 'Views/Session summary' } satisfies Meta;

type Story = StoryObj;

export const MockInterview: Story = {
  render: () => studio({ view: (api) => ({ name: 'summary', sessionId: api.seedSession(mockSession, { answered: 3, complete: true }).id }) }),
};
export const Practice: Story = {
  render: () => studio({ view: (api) => ({ name: 'summary', sessionId: api.seedSession(practiceSession, { answered: 3, complete: true }).id }) }),
};
export const Error: Story = {
  render: () => studio({ fixture: { fail: { getSession: 'INTERNAL' } }, view: () => ({ name: 'summary', sessionId: 'ses_x' }) }),
};
