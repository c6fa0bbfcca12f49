import { describe, expect, it } from 'vitest';
import { bestTextOn, contrastRatio, MIN_TEXT_CONTRAST, mix, NEAR_BLACK, readableOn, relativeLuminance, WHITE } from './contrast.js';

describe('contrast', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#1d4ed8', '#ffffff', 6.7],
    ['#facc15', '#ffffff', 1.53],
  ])('%s on %s is %s:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 1);
  });

  it('computes relative luminance per WCAG', () => {
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#000000')).toBe(0);
  });

  it('mixes in sRGB', () => {
    expect(mix('#ffffff', '#000000', 0.5)).toBe('#808080');
    expect(mix('#ff0000', '#0000ff', 1)).toBe('#ff0000');
  });

  it('picks white or near-black text, whichever reads better', () => {
    expect(bestTextOn('#1d4ed8')).toBe(WHITE);
    expect(bestTextOn('#facc15')).toBe(NEAR_BLACK);
  });

  it.each(['#facc15', '#93c5fd', '#22c55e', '#1d4ed8', '#ef4444', '#a3a3a3'])('readableOn keeps a readable colour, or finds one, on white and dark (%s)', (colour) => {
    for (const background of ['#ffffff', '#0f172a']) {
      const chosen = readableOn(background, colour);
      expect(contrastRatio(chosen, background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      if (contrastRatio(colour, background) >= MIN_TEXT_CONTRAST) expect(chosen).toBe(colour);
    }
  });
});
