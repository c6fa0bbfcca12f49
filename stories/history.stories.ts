import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { studio } from './support.js';

export default { title: 'Views/Progress history' } satisfies Meta;

type Story = StoryObj;

export const Default: Story = { render: () => studio({ view: () => ({ name: 'history' }) }) };
export const Empty: Story = { render: () => studio({ fixture: { seed: 'empty' }, view: () => ({ name: 'history' }) }) };
export const Loading: Story = { render: () => studio({ fixture: { hang: ['history'] }, view: () => ({ name: 'history' }) }) };
export const Error: Story = { render: () => studio({ fixture: { fail: { history: 'RATE_LIMITED' } }, view: () => ({ name: 'history' }) }) };
