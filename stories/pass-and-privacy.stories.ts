import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { clickButton, data, practiceSession, stubCheckoutWindow, studio, waitForElement } from './support.js';

export default {
  title: 'Views/Passes, privacy and age',
  parameters: {
    docs: {
      description: {
        component:
          'The pass offer (learner-pays), checkout in progress, an active pass, institutions that provide access, the privacy panel with its deletion confirmation and restriction, and the age confirmation on first use.',
      },
    },
  },
} satisfies Meta;

type Story = StoryObj;

export const PassProducts: Story = {
  name: 'Pass required: the passes on offer',
  render: () => studio({ view: () => ({ name: 'pass', action: 'feedback', period: '2026-11' }) }),
};
export const PassRequiredAfterStart: Story = {
  name: 'Pass required (from a refused start)',
  render: () =>
    studio({
      fixture: { fail: { createSession: 'PASS_REQUIRED' }, failDetails: { action: 'questionSets', period: '2026-11' } },
      view: () => ({ name: 'pass', action: 'questionSets', period: '2026-11' }),
    }),
};
export const PassBrowse: Story = {
  name: 'Passes (from home, nothing used up)',
  render: () => studio({ view: () => ({ name: 'pass', action: null, period: null, resume: { name: 'home' } }) }),
};
export const CheckoutPending: Story = {
  name: 'Checkout in progress',
  render: () => studio({ fixture: { checkoutCompletesAfterMs: null }, view: () => ({ name: 'pass', action: 'feedback', period: '2026-11' }) }),
  play: async ({ canvasElement }) => {
    stubCheckoutWindow();
    await clickButton(canvasElement, 'Buy Week pass');
  },
};
export const CheckoutPendingAfterBrowsing: Story = {
  name: 'Checkout in progress, back from browsing elsewhere',
  render: () => studio({ fixture: { checkoutCompletesAfterMs: null }, view: () => ({ name: 'pass', action: 'feedback', period: '2026-11' }) }),
  play: async ({ canvasElement }) => {
    // The root keeps following the checkout while the learner is elsewhere; the passes show it again.
    stubCheckoutWindow();
    await clickButton(canvasElement, 'Buy Week pass');
    await waitForElement(canvasElement, 'h3', 'Waiting for your Week pass payment');
    await clickButton(canvasElement, 'Home');
    await clickButton(canvasElement, 'See passes');
  },
};
export const CheckoutBlocked: Story = {
  name: 'Checkout window blocked',
  render: () => studio({ fixture: { checkoutCompletesAfterMs: null }, view: () => ({ name: 'pass', action: 'feedback', period: '2026-11' }) }),
  play: async ({ canvasElement }) => {
    window.open = () => null;
    await clickButton(canvasElement, 'Buy Week pass');
  },
};
export const PassActive: Story = {
  name: 'Pass active',
  render: () => studio({ fixture: { pass: 'week' }, view: () => ({ name: 'pass', action: null, period: null }) }),
};
export const HomePassActive: Story = { name: 'Home with an active pass', render: () => studio({ fixture: { pass: 'month' } }) };
export const PassSponsoredTenant: Story = {
  name: 'Sponsored institution',
  render: () => studio({ tenant: data.northfieldTenant, view: () => ({ name: 'pass', action: 'feedback', period: null }) }),
};
export const PassSeatsTenant: Story = {
  name: 'Institution with seats',
  render: () => studio({ tenant: data.seatsTenant, view: () => ({ name: 'pass', action: 'questionSets', period: '2026-11' }) }),
};

export const Privacy: Story = { name: 'Privacy panel', render: () => studio({ view: () => ({ name: 'privacy' }) }) };
export const PrivacyGuest: Story = { render: () => studio({ fixture: { learner: { guest: true } }, view: () => ({ name: 'privacy' }) }) };
export const PrivacyConsents: Story = {
  name: 'Privacy panel: consent given, analytics declined',
  render: () => studio({ fixture: { privacy: { marketingConsent: true, analyticsOptOut: true } }, view: () => ({ name: 'privacy' }) }),
};
export const PrivacyNoAccount: Story = {
  name: 'Privacy panel: nothing stored yet',
  render: () => studio({ fixture: { privacy: { noAccount: true } }, view: () => ({ name: 'privacy' }) }),
};
export const DeleteConfirmation: Story = {
  name: 'Delete confirmation',
  render: () => studio({ view: () => ({ name: 'privacy' }) }),
  play: async ({ canvasElement }) => {
    await clickButton(canvasElement, 'Delete my account…');
  },
};
export const AccountDeleted: Story = {
  name: 'Account deleted',
  render: () => studio({ fixture: { learner: { guest: true } }, view: () => ({ name: 'privacy' }) }),
  play: async ({ canvasElement }) => {
    await clickButton(canvasElement, 'Delete my account…');
    await clickButton(canvasElement, 'Delete my account');
  },
};
export const Restricted: Story = {
  name: 'Processing restricted: privacy panel',
  render: () => studio({ fixture: { privacy: { restricted: true } }, view: () => ({ name: 'privacy' }) }),
};
export const RestrictedFeedback: Story = {
  name: 'Processing restricted: no feedback produced',
  render: () =>
    studio({
      fixture: { privacy: { restricted: true } },
      view: (api) => {
        const session = api.seedSession(practiceSession, { answered: 1, feedback: 'pending' });
        return { name: 'feedback', sessionId: session.id, answerId: session.answers[0]!.answerId };
      },
    }),
};

export const AgeGate: Story = { name: 'Age confirmation on first use', render: () => studio({ fixture: { ageGate: 'required' } }) };
export const AgeGateEighteen: Story = {
  name: 'Age confirmation (18+ tenant, French)',
  render: () => studio({ tenant: data.harbourTenant, locale: 'fr', fixture: { ageGate: 'required' } }),
};
export const UnderAge: Story = {
  name: 'Under the minimum age',
  render: () => studio({ fixture: { ageGate: 'required' } }),
  play: async ({ canvasElement }) => {
    await clickButton(canvasElement, 'I am under 16');
  },
};
