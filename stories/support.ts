/**
 * Shared by the stories: renders `<interview-studio>` against the fixture API, in a given state.
 * Latency is small but real, so loading states flash as they would in use.
 */
// As the script tag does: the root and home now, the other views on demand.
import '../widget/src/components/studio/studio.js';
import '../widget/src/components/trend-chart/trend-chart.js';
import '../widget/src/components/mock-timer/mock-timer.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { TenantConfig } from '../widget/src/core/api.js';
import type { ViewState } from '../widget/src/core/context.js';
import { createFixtureApi, type FixtureApi, type FixtureOptions } from '../widget/src/fixtures/fixture-api.js';

export * as data from '../widget/src/fixtures/data.js';

export interface StudioStory {
  fixture?: FixtureOptions;
  tenant?: TenantConfig;
  /** The first view; given the fixture so it can seed a session first. */
  view?: (api: FixtureApi) => ViewState;
  theme?: 'light' | 'dark' | 'auto';
  mode?: 'inline' | 'modal' | 'launcher';
  open?: boolean;
  locale?: string;
  dir?: 'ltr' | 'rtl';
  /** CSS the host page applies (custom properties, ::part rules). */
  hostCss?: string;
}

export function studio(story: StudioStory = {}): TemplateResult {
  const api = createFixtureApi({ latencyMs: 150, ...(story.tenant ? { tenant: story.tenant } : {}), ...story.fixture });
  const view = story.view?.(api) ?? null;
  const sheet = story.hostCss ? new CSSStyleSheet() : null;
  if (sheet && story.hostCss) {
    sheet.replaceSync(story.hostCss);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => !(s as { __story?: boolean }).__story), Object.assign(sheet, { __story: true })];
  }
  return html`<div dir=${story.dir ?? 'ltr'}>
    <interview-studio
      .api=${api}
      .initialView=${view}
      theme=${story.theme ?? 'light'}
      mode=${story.mode ?? 'inline'}
      ?open=${story.open ?? false}
      locale=${story.locale ?? nothing}
    ></interview-studio>
  </div>`;
}

export const practiceSession = { role: 'Graduate data analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 5, mode: 'practice' } as const;
export const mockSession = { ...practiceSession, mode: 'mock', questionCount: 3, questionTimeLimitSec: 120 } as const;

/** The first element matching `selector` (whose text is `text`), looking through open shadow roots. */
function findDeep(root: ParentNode, selector: string, text?: string): HTMLElement | null {
  for (const element of root.querySelectorAll<HTMLElement>(selector)) {
    if (text === undefined || (element.textContent ?? '').trim() === text) return element;
  }
  for (const host of root.querySelectorAll('*')) {
    if (!host.shadowRoot) continue;
    const found = findDeep(host.shadowRoot, selector, text);
    if (found) return found;
  }
  return null;
}

/**
 * For a story's `play`: clicks the button labelled `text` once the fixture's data has arrived,
 * to show a state one reaches by a click (the deletion dialog, a checkout in progress).
 */
export async function clickButton(canvas: HTMLElement, text: string, timeoutMs = 5_000): Promise<void> {
  const button = await waitForElement(canvas, 'button', text, timeoutMs, (b) => !(b as HTMLButtonElement).disabled);
  button.click();
}

/** For a story's `play`: waits until an element matching `selector` (with the text `text`) is drawn. */
export async function waitForElement(
  canvas: HTMLElement,
  selector: string,
  text?: string,
  timeoutMs = 5_000,
  ready: (element: HTMLElement) => boolean = () => true,
): Promise<HTMLElement> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const element = findDeep(canvas, selector, text);
    if (element && ready(element)) return element;
    if (Date.now() > until) throw new Error(`No ${selector}${text === undefined ? '' : ` “${text}”`} appeared`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Stories cannot open real windows: the checkout "window" the widget opens is a stand-in that
 * goes nowhere, so the checkout-in-progress state shows as it does beside a real one.
 */
export function stubCheckoutWindow(): void {
  window.open = () => ({ closed: false, opener: null, location: { href: '' }, close() {} }) as unknown as Window;
}
