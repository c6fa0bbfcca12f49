import '../../i18n/views.js';
import { html, LitElement, nothing, svg, type PropertyDeclarations, type TemplateResult } from 'lit';
import { sharedStyles } from '../../styles/shared.styles.js';
import { trendChartStyles } from './trend-chart.styles.js';

export interface TrendPoint {
  /** ISO date (yyyy-mm-dd). */
  date: string;
  /** 0-100. */
  score: number;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 16, bottom: 26, left: 34 };

/**
 * @summary A line chart of scores over time, drawn as inline SVG (no chart library, no inline
 * styles, so it works under a strict Content-Security-Policy).
 *
 * The SVG has `role="img"` and an accessible name that states the trend in words; the points
 * are also listed in a visually hidden table for screen readers.
 *
 * @csspart chart - The figure.
 * @csspart chart-line - The line.
 * @csspart chart-point - Each point.
 * @csspart chart-grid - The horizontal grid lines.
 *
 * @cssproperty --is-primary - Colour of the line (through the widget's tokens).
 */
export class TrendChart extends LitElement {
  static override styles = [sharedStyles, trendChartStyles];
  static override properties: PropertyDeclarations = {
    points: { attribute: false },
    label: {},
    summary: {},
    locale: {},
  };

  /** The points, oldest first. */
  declare points: TrendPoint[];
  /** The chart's accessible name, such as "Readiness over the last 12 weeks". */
  declare label: string;
  /** A sentence describing the trend; shown under the chart and read with it. */
  declare summary: string;
  /** Locale for date labels. */
  declare locale: string;

  constructor() {
    super();
    this.points = [];
    this.label = '';
    this.summary = '';
    this.locale = 'en';
  }

  private x(i: number): number {
    const n = this.points.length;
    const inner = WIDTH - PAD.left - PAD.right;
    return PAD.left + (n <= 1 ? inner / 2 : (i * inner) / (n - 1));
  }

  private y(score: number): number {
    const inner = HEIGHT - PAD.top - PAD.bottom;
    return PAD.top + inner - (Math.max(0, Math.min(100, score)) / 100) * inner;
  }

  private dateLabel(date: string): string {
    const time = Date.parse(date);
    return Number.isNaN(time) ? date : new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'short' }).format(time);
  }

  override render(): TemplateResult {
    const points = this.points;
    const coords = points.map((p, i) => `${this.x(i).toFixed(1)},${this.y(p.score).toFixed(1)}`);
    const baseY = this.y(0).toFixed(1);
    const area = points.length > 1 ? `${this.x(0).toFixed(1)},${baseY} ${coords.join(' ')} ${this.x(points.length - 1).toFixed(1)},${baseY}` : '';
    const labelIndexes = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].filter((i) => i >= 0);
    return html`<figure part="chart">
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${this.label} focusable="false">
        ${[0, 50, 100].map(
          (v) => svg`<line part="chart-grid" class="grid" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${this.y(v)} y2=${this.y(v)}></line>
            <text class="axis-label" x=${PAD.left - 6} y=${this.y(v) + 4} text-anchor="end">${v}</text>`,
        )}
        ${labelIndexes.map(
          (i) => svg`<text class="axis-label" x=${this.x(i)} y=${HEIGHT - 6} text-anchor="middle">${this.dateLabel(points[i]!.date)}</text>`,
        )}
        ${area ? svg`<polygon class="area" points=${area}></polygon>` : nothing}
        ${points.length > 1 ? svg`<polyline part="chart-line" class="line" points=${coords.join(' ')}></polyline>` : nothing}
        ${points.map((p, i) => svg`<circle part="chart-point" class="point" cx=${this.x(i)} cy=${this.y(p.score)} r="3.5"></circle>`)}
      </svg>
      ${this.summary ? html`<figcaption>${this.summary}</figcaption>` : nothing}
      <table class="sr-only">
        <caption>${this.label}</caption>
        <tbody>
          ${points.map((p) => html`<tr><th scope="row">${this.dateLabel(p.date)}</th><td>${p.score}</td></tr>`)}
        </tbody>
      </table>
    </figure>`;
  }
}
