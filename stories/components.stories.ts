import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { I18n } from '../widget/src/i18n/index.js';
import { data } from './support.js';

export default { title: 'Components' } satisfies Meta;

type Story = StoryObj;

export const TrendChart: Story = {
  render: () => html`<is-trend-chart .points=${data.historyPoints} label="Readiness over 12 weeks" summary="Your readiness rose from 12 to 58."></is-trend-chart>`,
};
export const TrendChartSinglePoint: Story = {
  render: () => html`<is-trend-chart .points=${[{ date: '2026-11-27', score: 40 }]} label="Readiness"></is-trend-chart>`,
};
export const MockTimerRunning: Story = {
  render: () => html`<is-mock-timer .i18n=${new I18n('en')} .deadline=${new Date(Date.now() + 95_000).toISOString()}></is-mock-timer>`,
};
export const MockTimerLow: Story = {
  render: () => html`<is-mock-timer .i18n=${new I18n('en')} .deadline=${new Date(Date.now() + 40_000).toISOString()}></is-mock-timer>`,
};
