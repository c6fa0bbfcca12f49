/**
 * The page component tests drive: every element defined, the fixture API, and `mount()` to
 * put one `<interview-studio>` on the page with a given fixture and first view. Events the
 * widget fires are recorded in `harness.events`.
 */
import '../index.js';
import type { InterviewStudio } from '../components/studio/studio.component.js';
import type { CreateSessionInput } from '../core/api.js';
import type { ViewState } from '../core/context.js';
import { STUDIO_EVENTS } from '../events.js';
import { createFixtureApi, type FixtureApi, type FixtureOptions } from '../fixtures/fixture-api.js';
import * as data from '../fixtures/data.js';
import { I18n } from '../i18n/index.js';
import { defineElement } from '../define.js';
import { baseUrlOf, createGlobal, drainQueue } from '../embed/global.js';

export interface MountOptions {
  fixture?: FixtureOptions;
  tenant?: 'demo' | 'northfield' | 'harbour' | 'spanish' | 'seats';
  view?: ViewState;
  attributes?: Record<string, string>;
  /** Mount without the fixture API (the element then needs a key and URL of its own). */
  noApi?: boolean;
  /** CSS for the page (host custom properties, ::part rules). */
  hostCss?: string;
  /** Seed a session in the fixture and open one of its views first. */
  session?: {
    input: CreateSessionInput;
    options?: Parameters<FixtureApi['seedSession']>[1];
    view: 'question' | 'feedback' | 'compare' | 'summary';
  };
}

const tenants = { demo: data.demoTenant, northfield: data.northfieldTenant, harbour: data.harbourTenant, spanish: data.spanishTenant, seats: data.seatsTenant };

const harness = {
  data,
  I18n,
  defineElement,
  embed: { baseUrlOf, createGlobal, drainQueue },
  events: [] as { type: string; detail: unknown }[],
  api: null as FixtureApi | null,
  element: null as InterviewStudio | null,
  mount(options: MountOptions = {}): void {
    harness.element?.remove();
    const api = createFixtureApi({ tenant: tenants[options.tenant ?? 'demo'], ...options.fixture });
    const element = document.createElement('interview-studio');
    for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
    if (!options.noApi) element.api = api;
    if (options.hostCss) {
      const style = document.createElement('style');
      style.textContent = options.hostCss;
      document.head.appendChild(style);
    }
    if (options.view) element.initialView = options.view;
    if (options.session) {
      const seeded = api.seedSession(options.session.input, options.session.options);
      const first = seeded.answers[0];
      const views: Record<string, ViewState> = {
        question: { name: 'question', sessionId: seeded.id },
        feedback: { name: 'feedback', sessionId: seeded.id, answerId: first?.answerId ?? 'none' },
        compare: { name: 'compare', sessionId: seeded.id, questionId: seeded.questions[0]!.id },
        summary: { name: 'summary', sessionId: seeded.id },
      };
      element.initialView = views[options.session.view]!;
    }
    for (const type of STUDIO_EVENTS) element.addEventListener(type, (e) => harness.events.push({ type, detail: (e as CustomEvent).detail }));
    harness.api = api;
    harness.element = element;
    document.body.appendChild(element);
  },
  /** Text of the live region's announcements, in order. */
  announcements(): string[] {
    const region = harness.element?.shadowRoot?.querySelector('[data-live-region]');
    return [...(region?.querySelectorAll('p') ?? [])].map((p) => p.textContent ?? '');
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}

window.harness = harness;
