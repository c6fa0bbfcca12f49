/**
 * Views other than home load on first use, so the script tag's first render carries only the
 * shell, the home view and English. After the first render the rest are fetched in the
 * background (`preloadViews`), so moving between views does not wait on the network.
 */
import type { ViewState } from '../../core/context.js';
import type { StudioView } from '../view-base.js';
// Home is the first view nearly always, so it ships with the root.
import '../home/home.js';

type ViewKey = ViewState['name'];

export const VIEW_TAGS: Record<ViewKey, string> = {
  home: 'is-home-view',
  setup: 'is-setup-view',
  question: 'is-question-view',
  feedback: 'is-feedback-view',
  compare: 'is-compare-view',
  summary: 'is-summary-view',
  star: 'is-star-view',
  history: 'is-history-view',
  pass: 'is-pass-required-view',
  privacy: 'is-privacy-view',
};

const LOADERS: Record<ViewKey, () => Promise<unknown>> = {
  home: async () => undefined,
  setup: () => import('../setup/setup.js'),
  question: () => import('../question/question.js'),
  feedback: () => import('../feedback/feedback.js'),
  compare: () => import('../compare/compare.js'),
  summary: () => import('../summary/summary.js'),
  star: () => import('../star/star.js'),
  history: () => import('../history/history.js'),
  pass: () => import('../pass-required/pass-required.js'),
  privacy: () => import('../privacy/privacy.js'),
};

export function isViewDefined(name: ViewKey): boolean {
  return customElements.get(VIEW_TAGS[name]) !== undefined;
}

/** Whether the view, once defined, shows the AI disclaimer next to its own scores (`StudioView.labelsAiOutput`). */
export function labelsAiOutput(name: ViewKey): boolean {
  const view = customElements.get(VIEW_TAGS[name]) as Partial<Pick<typeof StudioView, 'labelsAiOutput'>> | undefined;
  return view?.labelsAiOutput === true;
}

/** Loads (once) and defines the view's element. */
export async function ensureView(name: ViewKey): Promise<void> {
  if (isViewDefined(name)) return;
  await LOADERS[name]();
}

const AGE_GATE_TAG = 'is-age-gate';

/** The age confirmation is not a view one navigates to: the root shows it before any view. */
export function isAgeGateDefined(): boolean {
  return customElements.get(AGE_GATE_TAG) !== undefined;
}

export async function ensureAgeGate(): Promise<void> {
  if (!isAgeGateDefined()) await import('../age-gate/age-gate.js');
}

/** Fetches every view in the background; failures are retried on navigation. */
export function preloadViews(): void {
  for (const name of Object.keys(LOADERS) as ViewKey[]) {
    if (!isViewDefined(name)) LOADERS[name]().catch(() => undefined);
  }
}
