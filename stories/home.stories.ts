import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { studio } from './support.js';

export default {
  title: 'Views/Home',
  parameters: { docs: { description: { component: 'Readiness score, next thing to practise, continue or start.' } } },
} satisfies Meta;

type Story = StoryObj;

export const Default: Story = { render: () => studio() };
export const Empty: Story = { name: 'Empty (new learner)', render: () => studio({ fixture: { seed: 'empty' } }) };
export const Loading: Story = { render: () => studio({ fixture: { hang: ['readiness'] } }) };
export const Error: Story = { render: () => studio({ fixture: { fail: { readiness: 'UNAVAILABLE' } } }) };
export const Starting: Story = { name: 'Starting (tenant loading)', render: () => studio({ fixture: { hang: ['tenantConfig'] } }) };
export const Misconfigured: Story = { name: 'Error: site not allowed', render: () => studio({ fixture: { fail: { tenantConfig: 'FORBIDDEN_ORIGIN' } } }) };
