import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { studio } from './support.js';

export default { title: 'Views/Session setup' } satisfies Meta;

type Story = StoryObj;

export const Default: Story = { render: () => studio({ view: () => ({ name: 'setup' }) }) };
export const Spanish: Story = { render: () => studio({ locale: 'es', view: () => ({ name: 'setup' }) }) };
