import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { practiceSession, studio } from './support.js';

export default { title: 'Views/Compare attempts' } satisfies Meta;

type Story = StoryObj;

export const TwoAttempts: Story = {
  render: () =>
    studio({
      view: (api) => {
        const session = api.seedSession(practiceSession, { answered: 1, attempts: 2 });
        return { name: 'compare', sessionId: session.id, questionId: session.questions[0]!.id };
      },
    }),
};

export const Empty: Story = {
  render: () =>
    studio({
      view: (api) => {
        const session = api.seedSession(practiceSession);
        return { name: 'compare', sessionId: session.id, questionId: session.questions[0]!.id };
      },
    }),
};
