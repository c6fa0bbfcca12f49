import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { studio } from './support.js';

export default { title: 'Display modes', parameters: { layout: 'fullscreen' } } satisfies Meta;

type Story = StoryObj;

export const Inline: Story = { render: () => studio() };
export const ModalOpen: Story = { name: 'Modal (open)', render: () => studio({ mode: 'modal', open: true }) };
export const Launcher: Story = { render: () => studio({ mode: 'launcher' }) };
