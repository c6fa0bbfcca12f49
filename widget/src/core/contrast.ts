/**
 * WCAG 2 contrast, and picking colours that meet it. Pure functions on `#rrggbb` strings.
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

/** The minimum contrast for body text (WCAG 2.2 AA, 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

export const WHITE = '#ffffff';
export const NEAR_BLACK = '#111827';

type Rgb = [number, number, number];

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value);
}

function parse(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function format([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parse(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `weight` of `a` mixed with the rest of `b`, in sRGB. */
export function mix(a: string, b: string, weight: number): string {
  const [x, y] = [parse(a), parse(b)];
  return format([0, 1, 2].map((i) => x[i]! * weight + y[i]! * (1 - weight)) as Rgb);
}

/** White or near-black, whichever reads better on `background`. */
export function bestTextOn(background: string): string {
  return contrastRatio(WHITE, background) >= contrastRatio(NEAR_BLACK, background) ? WHITE : NEAR_BLACK;
}

/**
 * `preferred` if it reaches `min` against `background`; otherwise the nearest colour that does,
 * found by moving `preferred` toward white or black (whichever the background allows), so a
 * brand's hue survives where it can.
 */
export function readableOn(background: string, preferred: string, min = MIN_TEXT_CONTRAST): string {
  if (contrastRatio(preferred, background) >= min) return preferred;
  const toward = bestTextOn(background);
  for (let step = 1; step <= 20; step++) {
    const candidate = mix(toward, preferred, step / 20);
    if (contrastRatio(candidate, background) >= min) return candidate;
  }
  return toward;
}
