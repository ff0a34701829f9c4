// Charts: Apache ECharts, only the parts used, drawn as SVG so they stay
// sharp when zoomed and their labels are text. Each chart follows its box's
// width (laptop or phone).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { h } from './dom';
import { short } from './format';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent,
  MarkLineComponent, SVGRenderer]);

export type Option = echarts.EChartsCoreOption;

export const palette = {
  delivered: '#2f7d4f', outstanding: '#e0a526', announced: '#9fb3c8', held: '#c0392b',
  committed: '#2c5d8f', remaining: '#2c5d8f', drawn: '#8e5ea2',
};

// A chart box; the chart draws once the box is in the page.
export function chart(option: Option, height = 320, label = ''): HTMLElement {
  const box = h('div', { class: 'chart', style: `height:${height}px`, role: 'img', 'aria-label': label });
  const observer = new ResizeObserver(() => {
    if (!box.isConnected || box.clientWidth === 0) return;
    const existing = echarts.getInstanceByDom(box);
    if (existing) return existing.resize();
    // No animation: a chart shows its figures at once (and a screenshot shows them right).
    echarts.init(box, undefined, { renderer: 'svg' }).setOption({ animation: false, ...option });
  });
  observer.observe(box);
  return box;
}

// An axis of money in one currency: "EUR" in its name, short figures on ticks.
export function moneyAxis(currency: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'value', name: currency, nameTextStyle: { fontWeight: 'bold' },
    axisLabel: { formatter: (value: number) => short(value), hideOverlap: true }, ...extra,
  };
}

export function tooltipMoney(currency: string) {
  return (value: number) => `${currency} ${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
