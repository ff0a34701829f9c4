// Charts: Apache ECharts, only the parts used, drawn as SVG so they stay
// sharp when zoomed and their labels are text. Each chart follows its box's
// width (laptop or phone). The charting library (draw.ts) is fetched when
// the first chart is drawn, after the page's text has been painted; a
// chart draws when it comes near the view.
import type { EChartsCoreOption } from 'echarts/core';
import { h, saveFile as save } from './dom';
import { short } from './format';

export type Option = EChartsCoreOption;

export const palette = {
  delivered: '#2f7d4f', outstanding: '#e0a526', announced: '#9fb3c8', held: '#c0392b',
  committed: '#2c5d8f', remaining: '#2c5d8f', drawn: '#8e5ea2',
};

type Axis = Record<string, unknown> & { type?: string; name?: string; axisLabel?: Record<string, unknown> };

// A value as a tooltip shows it: with the unit of its axis ("EUR 1,250.00",
// "1,200 units", "0.35 % of GDP").
export function withUnit(unit: string): (value: unknown) => string {
  return (value: unknown) => {
    if (typeof value !== 'number') return String(value ?? '');
    if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const text = value.toLocaleString('en-GB', { maximumFractionDigits: 3 });
    return unit ? `${text} ${unit}` : text;
  };
}

// Every chart's axes made readable in one place: category labels that
// would overlap are thinned (and never cross the value axis' labels),
// axis names sit where no tick label is and inside the chart's box, the
// legend keeps to one line, and the
// tooltip names the unit of the value axis.
const legendLineHeight = 24;
let measurer: CanvasRenderingContext2D | null = null;

// How many lines ECharts' legend takes for these names in this width (its
// items: a 25 px mark, 5 px, the name in 12 px type, 10 px apart; 5 px
// padding each side), counted a little generously.
function legendLines(names: string[], width: number): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return 1;
  measurer.font = '12px sans-serif';
  let lines = 1;
  let used = 10;
  for (const name of names) {
    const item = 25 + 5 + measurer.measureText(name).width * 1.1 + 10;
    if (used + item > width && used > 10) {
      lines++;
      used = 10;
    }
    used += item;
  }
  return lines;
}

export function readable(option: Option, width = 800): Option {
  const out: Record<string, unknown> = { ...option };
  const fix = (axis: Axis | undefined, horizontal: boolean): Axis | undefined => {
    if (!axis) return axis;
    const label = { hideOverlap: true, ...axis.axisLabel };
    if (axis.type === 'category') {
      // Along the bottom every label cannot always fit: ECharts picks every nth.
      return horizontal ? { ...axis, axisLabel: { ...label, interval: 'auto', margin: 12 } } : { ...axis, axisLabel: label };
    }
    // A value axis along the bottom names its unit under the ticks, one up
    // the side above them.
    return horizontal
      ? { nameLocation: 'middle', nameGap: 30, ...axis, axisLabel: label }
      : { nameLocation: 'end', nameGap: 14, ...axis, axisLabel: label };
  };
  out.xAxis = fix(option.xAxis as Axis | undefined, true);
  out.yAxis = fix(option.yAxis as Axis | undefined, false);
  if (option.grid) {
    const { containLabel: _, ...grid } = option.grid as Record<string, unknown>;
    out.grid = { ...grid, outerBoundsMode: 'same', outerBoundsContain: 'all' };
    // The legend wraps onto as many lines as the width needs; the plot
    // starts below them.
    if (option.legend) {
      const names = ((option.series ?? []) as { name?: string }[]).map((s) => String(s.name ?? ''));
      const lines = legendLines(names, width);
      out.legend = { top: 0, ...(option.legend as Record<string, unknown>) };
      out.grid = { ...(out.grid as Record<string, unknown>), top: Math.max(Number(grid.top ?? 0), legendLineHeight * lines + 14) };
    }
  }
  const valueAxis = [out.xAxis, out.yAxis].find((a) => (a as Axis | undefined)?.type === 'value') as Axis | undefined;
  if (option.tooltip) {
    const tooltip: Record<string, unknown> = { className: 'chart-tooltip', ...(option.tooltip as Record<string, unknown>) };
    if (valueAxis && !tooltip.valueFormatter) tooltip.valueFormatter = withUnit(String(valueAxis.name ?? ''));
    out.tooltip = tooltip;
  }
  return out;
}

// The chart's SVG as a file of its own (its fonts named, a white ground).
function svgText(box: HTMLElement): string {
  const svg = box.querySelector('svg')!.cloneNode(true) as SVGSVGElement;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('style', `background:#fff;font-family:${getComputedStyle(box).fontFamily}`);
  return new XMLSerializer().serializeToString(svg);
}

async function pngBlob(box: HTMLElement): Promise<Blob> {
  const svg = box.querySelector('svg')!;
  const { width, height } = svg.getBoundingClientRect();
  const scale = 2;  // sharp on print and on dense screens
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svgText(box)], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  return new Promise((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('no PNG'))), 'image/png'));
}

function fileName(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'chart';
}

// Settles once the page as it stands has been painted: the charting library
// is fetched and run after the words a reader came for, never before.
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

// A chart box, with buttons to download it as SVG or PNG; the chart draws
// once the box is in the page.
export function chart(option: Option, height = 320, label = ''): HTMLElement {
  const box = h('div', { class: 'chart', style: `height:${height}px`, role: 'img', 'aria-label': label });
  let wanted = false;  // drawn, or to be drawn as soon as the box has a width
  // `width`: the box's, as an observer measured it (reading it here would
  // lay the page out again).
  const draw = async (width: number) => {
    wanted = true;
    if (!box.isConnected || width === 0) return;
    await painted();
    const { drawChart } = await import('./draw');
    // Each chart in a task of its own (those waiting for the library would
    // otherwise all draw in the task that ran it): the page answers a tap
    // between two charts.
    await new Promise((done) => setTimeout(done, 0));
    drawChart(box, readable(option, width));  // the legend may take other lines in a new width
  };
  // Drawn when it comes near the view (half a screen before it shows), then
  // again at each new width: a chart further down costs a phone nothing
  // until the reader scrolls towards it.
  new ResizeObserver((entries) => { if (wanted) void draw(entries[0].contentRect.width); }).observe(box);
  const seen = new IntersectionObserver((entries) => {
    const entry = entries.find((e) => e.isIntersecting);
    if (!entry) return;
    seen.disconnect();
    if (!wanted) void draw(entry.boundingClientRect.width);
  }, { rootMargin: '0px 0px 50% 0px' });
  seen.observe(box);
  const name = fileName(label);
  const tools = h('div', { class: 'chart-tools' },
    h('button', { type: 'button', class: 'download-svg', 'aria-label': `Download “${label}” as SVG`,
      onclick: () => save(`${name}.svg`, new Blob([svgText(box)], { type: 'image/svg+xml' })) }, 'SVG'),
    h('button', { type: 'button', class: 'download-png', 'aria-label': `Download “${label}” as PNG`,
      onclick: async () => save(`${name}.png`, await pngBlob(box)) }, 'PNG'));
  return h('figure', { class: 'chart-block' }, tools, box);
}

// An axis of money in one currency: "EUR" in its name, short figures on ticks.
export function moneyAxis(currency: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'value', name: currency, nameTextStyle: { fontWeight: 'bold' },
    axisLabel: { formatter: (value: number) => short(value), hideOverlap: true }, ...extra,
  };
}

export const tooltipMoney = (currency: string) => withUnit(currency);
