import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { FixtureApi } from '../widget/src/fixtures/fixture-api.js';
import { practiceSession, studio } from './support.js';

export default {
  title: 'Views/Feedback',
  parameters: {
    docs: {
      description: {
        component:
          'Scored feedback on one answer, streamed section by section. The AI disclaimer closes the feedback region, once: the footer leaves its shorter notice out under this view.',
      },
    },
  },
} satisfies Meta;

type Story = StoryObj;

function feedbackFor(api: FixtureApi, feedback: 'ready' | 'pending', attempts = 1) {
  const session = api.seedSession(practiceSession, { answered: 1, feedback, attempts });
  return { name: 'feedback' as const, sessionId: session.id, answerId: session.answers[0]!.answerId };
}

export const Complete: Story = { render: () => studio({ view: (api) => feedbackFor(api, 'ready') }) };
export const Streaming: Story = {
  name: 'Streaming (in progress)',
  render: () => studio({ fixture: { streamStallAfter: 4, streamIntervalMs: 150 }, view: (api) => feedbackFor(api, 'pending') }),
};
export const StreamingLive: Story = {
  name: 'Streaming (plays through)',
  render: () => studio({ fixture: { streamIntervalMs: 500 }, view: (api) => feedbackFor(api, 'pending') }),
};
export const Error: Story = {
  name: 'Error (stream failed)',
  render: () => studio({ fixture: { fail: { streamFeedback: 'UNAVAILABLE' } }, view: (api) => feedbackFor(api, 'pending') }),
};
export const Loading: Story = {
  render: () => studio({ fixture: { hang: ['getAnswer'] }, view: (api) => feedbackFor(api, 'ready') }),
};
export const SecondAttempt: Story = { render: () => studio({ view: (api) => feedbackFor(api, 'ready', 2) }) };
