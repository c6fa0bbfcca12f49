import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { data, practiceSession, studio } from './support.js';

export default {
  title: 'Theming and language',
  parameters: { docs: { description: { component: 'Tenant brands, host-page custom properties and ::part, dark mode, locales and right-to-left.' } } },
} satisfies Meta;

type Story = StoryObj;

export const Dark: Story = { render: () => studio({ theme: 'dark' }) };
export const DarkFeedback: Story = {
  render: () =>
    studio({
      theme: 'dark',
      view: (api) => {
        const session = api.seedSession(practiceSession, { answered: 1 });
        return { name: 'feedback', sessionId: session.id, answerId: session.answers[0]!.answerId };
      },
    }),
};
export const RightToLeft: Story = { name: 'Right to left', render: () => studio({ dir: 'rtl' }) };
export const RightToLeftQuestion: Story = {
  name: 'Right to left: question',
  render: () => studio({ dir: 'rtl', view: (api) => ({ name: 'question', sessionId: api.seedSession(practiceSession).id }) }),
};
export const Spanish: Story = { render: () => studio({ tenant: data.spanishTenant }) };
export const French: Story = { render: () => studio({ locale: 'fr', view: () => ({ name: 'history' }) }) };

export const BrandDemoUniversity: Story = { name: 'Brand: Demo University', render: () => studio({ tenant: data.demoTenant }) };
export const BrandNorthfield: Story = { name: 'Brand: Northfield College', render: () => studio({ tenant: data.northfieldTenant }) };
export const BrandHarbour: Story = {
  name: 'Brand: Harbour Jobs (low-contrast colour fixed)',
  render: () => studio({ tenant: data.harbourTenant, view: () => ({ name: 'setup' }) }),
};
export const HostOverrides: Story = {
  name: 'Host page: --is-* and ::part()',
  render: () =>
    studio({
      hostCss: `interview-studio { --is-primary: #7c2d12; --is-radius: 0px; --is-font-family: Georgia, serif; }
interview-studio::part(header) { background: #fff7ed; }
interview-studio::part(button-primary) { text-transform: uppercase; letter-spacing: 0.04em; }`,
    }),
};
