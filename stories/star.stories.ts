import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { studio } from './support.js';

export default { title: 'Views/STAR builder' } satisfies Meta;

type Story = StoryObj;

export const Stories: Story = { render: () => studio({ view: () => ({ name: 'star' }) }) };
export const Empty: Story = { render: () => studio({ fixture: { seed: 'empty' }, view: () => ({ name: 'star' }) }) };
export const Editor: Story = { render: () => studio({ view: () => ({ name: 'star', draftId: 'star_1' }) }) };
export const NewStory: Story = { render: () => studio({ view: () => ({ name: 'star', draftId: null }) }) };
export const Loading: Story = { render: () => studio({ fixture: { hang: ['listStar'] }, view: () => ({ name: 'star' }) }) };
export const Error: Story = { render: () => studio({ fixture: { fail: { getStar: 'NOT_FOUND' } }, view: () => ({ name: 'star', draftId: 'star_9' }) }) };
