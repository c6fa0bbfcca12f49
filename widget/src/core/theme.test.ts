import { afterEach, describe, expect, it, vi } from 'vitest';
import { contrastRatio } from './contrast.js';
import { brandTheme, warnAboutContrast } from './theme.js';

const base = { primaryColor: '#1d4ed8', backgroundColor: null, textColor: null, accentColor: null, fontFamily: null, radius: 8 };

function prop(css: string, selector: '.base' | '.base.dark', name: string): string | undefined {
  const block = new RegExp(`${selector.replace('.', '\\.').replace('.dark', '\\.dark')}\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  return new RegExp(`${name}:([^;]+);`).exec(block)?.[1];
}

afterEach(() => vi.restoreAllMocks());

describe('brand theme', () => {
  it('passes a readable brand through unchanged, with nothing to warn about', () => {
    const theme = brandTheme(base);
    expect(theme.adjustments).toEqual([]);
    expect(prop(theme.css, '.base', '--_brand-primary')).toBe('#1d4ed8');
    expect(prop(theme.css, '.base', '--_brand-on-primary')).toBe('#ffffff');
    expect(prop(theme.css, '.base', '--_brand-radius')).toBe('8px');
  });

  it('picks a readable text colour on a light primary and says so', () => {
    const theme = brandTheme({ ...base, primaryColor: '#facc15' });
    const onPrimary = prop(theme.css, '.base', '--_brand-on-primary')!;
    expect(contrastRatio(onPrimary, '#facc15')).toBeGreaterThanOrEqual(4.5);
    const primaryText = prop(theme.css, '.base', '--_brand-primary-text')!;
    expect(contrastRatio(primaryText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(theme.adjustments).toHaveLength(2);
  });

  it('fixes body text that fails on the brand background', () => {
    const theme = brandTheme({ ...base, backgroundColor: '#fbf8f1', textColor: '#bbbbbb' });
    const text = prop(theme.css, '.base', '--_brand-text')!;
    expect(contrastRatio(text, '#fbf8f1')).toBeGreaterThanOrEqual(4.5);
    expect(theme.adjustments.some((a) => a.includes('text #bbbbbb'))).toBe(true);
    expect(contrastRatio(prop(theme.css, '.base', '--_brand-muted')!, '#fbf8f1')).toBeGreaterThanOrEqual(4.5);
  });

  it('derives a readable dark theme without warning about it', () => {
    const theme = brandTheme(base);
    const darkText = prop(theme.css, '.base.dark', '--_brand-primary-text')!;
    expect(contrastRatio(darkText, '#0f172a')).toBeGreaterThanOrEqual(4.5);
    expect(theme.adjustments).toEqual([]);
    // Tenant backgrounds are light-theme branding; the dark theme keeps its own.
    expect(prop(brandTheme({ ...base, backgroundColor: '#fbf8f1' }).css, '.base.dark', '--_brand-background')).toBeUndefined();
  });

  it('ignores values that could break out of the stylesheet', () => {
    const theme = brandTheme({ ...base, primaryColor: 'red;} body{display:none', fontFamily: 'x;}*{color:red', radius: 999 });
    expect(theme.css).not.toContain('display:none');
    expect(theme.css).not.toContain('color:red');
    expect(prop(theme.css, '.base', '--_brand-radius')).toBe('32px');
  });

  it('logs one line per tenant, once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnAboutContrast('ten_1', ['a', 'b']);
    warnAboutContrast('ten_1', ['a', 'b']);
    warnAboutContrast('ten_2', []);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/WCAG 4\.5:1.*a; b/);
  });
});
