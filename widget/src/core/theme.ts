/**
 * Tenant branding → the `--_brand-*` custom properties the widget's styles fall back to when the
 * host page sets no `--is-*` property. Layers, weakest first: built-in defaults, the tenant's
 * branding (this file), the host page's `--is-*` properties, then `::part()` rules.
 *
 * Every colour pair the widget draws text with is checked against WCAG 4.5:1. Where a brand
 * colour fails, a readable colour is used instead and one console warning names the changes.
 */
import type { Branding } from './api.js';
import { bestTextOn, contrastRatio, isHexColor, MIN_TEXT_CONTRAST, mix, readableOn, WHITE } from './contrast.js';

export type ThemeName = 'light' | 'dark';

/** The built-in palettes; the styles use the same values as fallbacks. */
export const PALETTE = {
  light: { background: '#ffffff', text: '#1f2937', primary: '#1d4ed8' },
  dark: { background: '#0f172a', text: '#e5e7eb', primary: '#1d4ed8' },
} as const;

export interface BrandTheme {
  /** CSS for the root's shadow root (custom properties only; no selectors outside it). */
  css: string;
  /** What was changed for contrast, one entry per adjusted pair; empty when all passed. */
  adjustments: string[];
}

const FONT = /^[\w\s,'"-]+$/;

interface Resolved {
  primary: string;
  onPrimary: string;
  primaryText: string;
  background: string | null;
  text: string | null;
  accent: string | null;
  /** Derived from a branded background, so surfaces and borders match it. */
  surfaces: { muted: string; surface: string; surfaceStrong: string; border: string; borderStrong: string; field: string } | null;
}

function resolve(branding: Partial<Branding>, theme: ThemeName, adjustments: string[]): Resolved {
  const palette = PALETTE[theme];
  const primary = isHexColor(branding.primaryColor) ? branding.primaryColor.toLowerCase() : palette.primary;
  // Tenants brand light backgrounds; the dark theme keeps its own surfaces.
  const background = theme === 'light' && isHexColor(branding.backgroundColor) ? branding.backgroundColor.toLowerCase() : null;
  const surface = background ?? palette.background;

  let text: string | null = null;
  if (theme === 'light' && isHexColor(branding.textColor)) {
    text = branding.textColor.toLowerCase();
    if (contrastRatio(text, surface) < MIN_TEXT_CONTRAST) {
      const fixed = readableOn(surface, text);
      adjustments.push(`${theme} text ${text} on background ${surface} → ${fixed}`);
      text = fixed;
    }
  } else if (background) {
    text = readableOn(background, palette.text);
  }

  let onPrimary = WHITE;
  if (contrastRatio(onPrimary, primary) < MIN_TEXT_CONTRAST) {
    onPrimary = bestTextOn(primary);
    adjustments.push(`${theme} text on primary ${primary} → ${onPrimary}`);
  }

  let primaryText = primary;
  if (contrastRatio(primary, surface) < MIN_TEXT_CONTRAST) {
    primaryText = readableOn(surface, primary);
    adjustments.push(`${theme} primary ${primary} as text on ${surface} → ${primaryText}`);
  }

  const accent = isHexColor(branding.accentColor) ? branding.accentColor.toLowerCase() : null;
  let surfaces: Resolved['surfaces'] = null;
  if (background) {
    const ink = text ?? palette.text;
    surfaces = {
      muted: readableOn(background, mix(ink, background, 0.8)),
      surface: mix(ink, background, 0.035),
      surfaceStrong: mix(ink, background, 0.09),
      border: mix(ink, background, 0.16),
      borderStrong: readableOn(background, mix(ink, background, 0.55), 3),
      field: mix('#ffffff', background, 0.6),
    };
  }
  return { primary, onPrimary, primaryText, background, text, accent, surfaces };
}

function declarations(r: Resolved): string {
  const props: [string, string | null][] = [
    ['--_brand-primary', r.primary],
    ['--_brand-on-primary', r.onPrimary],
    ['--_brand-primary-text', r.primaryText],
    ['--_brand-background', r.background],
    ['--_brand-text', r.text],
    ['--_brand-accent', r.accent],
    ['--_brand-muted', r.surfaces?.muted ?? null],
    ['--_brand-surface', r.surfaces?.surface ?? null],
    ['--_brand-surface-strong', r.surfaces?.surfaceStrong ?? null],
    ['--_brand-border', r.surfaces?.border ?? null],
    ['--_brand-border-strong', r.surfaces?.borderStrong ?? null],
    ['--_brand-field', r.surfaces?.field ?? null],
  ];
  return props
    .filter((p): p is [string, string] => p[1] !== null)
    .map(([name, value]) => `${name}:${value};`)
    .join('');
}

/** The brand layer for one tenant, covering both themes. */
export function brandTheme(branding: Partial<Branding> | null | undefined): BrandTheme {
  const b = branding ?? {};
  const adjustments: string[] = [];
  const light = resolve(b, 'light', adjustments);
  // The dark theme is the widget's own derivation of the brand; its fixes are not the tenant's to hear about.
  const dark = resolve(b, 'dark', []);
  let shared = '';
  if (typeof b.fontFamily === 'string' && FONT.test(b.fontFamily)) shared += `--_brand-font:${b.fontFamily};`;
  if (typeof b.radius === 'number' && Number.isFinite(b.radius)) shared += `--_brand-radius:${Math.max(0, Math.min(32, Math.round(b.radius)))}px;`;
  const css = `.base{${shared}${declarations(light)}}.base.dark{${declarations(dark)}}`;
  return { css, adjustments };
}

const warned = new Set<string>();

/** Logs the contrast adjustments for a tenant once per page, on one line. */
export function warnAboutContrast(tenantKey: string, adjustments: readonly string[]): void {
  if (adjustments.length === 0 || warned.has(tenantKey)) return;
  warned.add(tenantKey);
  console.warn(`[interview-studio] Brand colours below WCAG 4.5:1 contrast were replaced: ${adjustments.join('; ')}.`);
}
