// Charts: Apache ECharts, only the parts used, drawn as SVG so they stay
// sharp when zoomed and their labels are text. Each chart follows its box's
// width (laptop or phone) and draws when it comes near the view, after the
// page's text has been painted. Its first picture is drawn by the chart
// worker (render-worker.ts), off the page's thread; the charting library
// (draw.ts) runs on the page only once a reader points at a chart, which
// then becomes live (tooltips, zoom) where the picture was.
import type { EChartsCoreOption } from 'echarts/core';
import { h, saveFile as save } from './dom';
import { axisFormats, decimals } from './format';
import renderWorkerUrl from 'virtual:render-worker';

export type Option = EChartsCoreOption;

export const palette = {
  delivered: '#2f7d4f', outstanding: '#e0a526', announced: '#9fb3c8', held: '#c0392b',
  committed: '#2c5d8f', remaining: '#2c5d8f', drawn: '#8e5ea2',
};

type Axis = Record<string, unknown> & { type?: string; name?: string; axisLabel?: Record<string, unknown> };

// A value as a tooltip shows it: with the unit of its axis ("EUR 1,250.00",
// "1,200 units", "0.35 % of GDP").
export function withUnit(unit: string): (value: unknown) => string {
  const currency = /^[A-Z]{3}$/.test(unit);
  let format: Intl.NumberFormat | undefined;  // made when a tooltip first shows
  return (value: unknown) => {
    if (typeof value !== 'number') return String(value ?? '');
    format ??= currency ? decimals(2) : new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
    if (currency) return `${unit} ${format.format(value)}`;
    const text = format.format(value);
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

// Settles once the page as it stands has been painted: charts are drawn
// after the words a reader came for, never before.
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

// `option` as the chart worker can take it: no tooltip (a picture shows
// none), each formatter by its name in axisFormats. Null when it holds a
// function of another kind, which only the page can run.
function forWorker(option: Option): unknown {
  const names = new Map<unknown, string>(Object.entries(axisFormats).map(([name, format]) => [format, name]));
  let clean = true;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'function') {
      const name = names.get(value);
      if (!name) clean = false;
      return { $format: name };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'tooltip').map(([key, item]) => [key, walk(item)]));
  };
  const out = walk(option);
  return clean ? out : null;
}

// The chart worker, started with the first chart; null where a browser has
// no module workers or no OffscreenCanvas (charts are then drawn live).
let worker: Worker | null | undefined;
const waiting = new Map<number, { done: (svg: string) => void; fail: (error: Error) => void }>();
let requests = 0;

function pictures(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return worker;
  try {
    worker = new Worker(renderWorkerUrl, { type: 'module' });
  } catch {
    return worker;
  }
  worker.onmessage = (event: MessageEvent<{ id: number; svg?: string; error?: string }>) => {
    const { id, svg, error } = event.data;
    const request = waiting.get(id);
    waiting.delete(id);
    if (svg !== undefined) request?.done(svg);
    else request?.fail(new Error(error ?? 'no picture'));
  };
  worker.onerror = () => {
    for (const request of waiting.values()) request.fail(new Error('the chart worker stopped'));
    waiting.clear();
    worker = null;
  };
  return worker;
}

// The picture of `option` at this size from the chart worker; rejects when
// there is no worker or it cannot draw this option.
function picture(option: Option, width: number, height: number): Promise<string> {
  const message = forWorker(option);
  const to = pictures();
  if (!to || message === null) return Promise.reject(new Error('drawn on the page'));
  return new Promise((done, fail) => {
    const id = ++requests;
    waiting.set(id, { done, fail });
    to.postMessage({ id, option: message, width, height });
  });
}

// A chart box, with buttons to download it as SVG or PNG; the chart draws
// once the box is in the page.
export function chart(option: Option, height = 320, label = ''): HTMLElement {
  const box = h('div', { class: 'chart', style: `height:${height}px`, role: 'img', 'aria-label': label });
  let wanted = false;  // drawn, or to be drawn as soon as the box has a width
  let width = 0;  // the box's, as an observer measured it (reading it here would lay the page out again)
  let live: Promise<void> | null = null;  // the chart drawn by the library on the page
  let drawn = 0;  // the latest drawing asked for: an earlier one that ends later is dropped
  const drawLive = (pointer?: PointerEvent) => {
    live ??= (async () => {
      const { drawChart } = await import('./draw');
      const echart = drawChart(box, readable(option, width));
      // The tooltip a reader pointed for, at once (not at the next move).
      if (pointer) {
        const at = box.getBoundingClientRect();
        echart.dispatchAction({ type: 'showTip', x: pointer.clientX - at.left, y: pointer.clientY - at.top });
      }
    })();
    return live;
  };
  const draw = async () => {
    wanted = true;
    if (!box.isConnected || width === 0) return;
    const ticket = ++drawn;
    await painted();
    if (live) {
      await live;
      const { drawChart } = await import('./draw');
      drawChart(box, readable(option, width));  // the legend may take other lines in a new width
      return;
    }
    try {
      const svg = await picture(readable(option, width), width, height);
      if (ticket === drawn && !live) box.innerHTML = svg;
    } catch {
      await drawLive();
    }
  };
  // A reader pointing at the chart (mouse, pen or finger) makes it live.
  box.addEventListener('pointerenter', (event) => { if (wanted && width) void drawLive(event); });
  // Drawn when it comes near the view (half a screen before it shows), then
  // again at each new width: a chart further down costs a phone nothing
  // until the reader scrolls towards it.
  new ResizeObserver((entries) => {
    width = entries[0].contentRect.width;
    if (wanted) void draw();
  }).observe(box);
  const seen = new IntersectionObserver((entries) => {
    const entry = entries.find((e) => e.isIntersecting);
    if (!entry) return;
    seen.disconnect();
    width = entry.boundingClientRect.width;
    if (!wanted) void draw();
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
    axisLabel: { formatter: axisFormats.short, hideOverlap: true }, ...extra,
  };
}

export const tooltipMoney = (currency: string) => withUnit(currency);
