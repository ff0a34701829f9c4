// The charting library itself: Apache ECharts' core, the bar and line
// charts, the components the dashboard uses, and its SVG renderer. It runs
// in two places: in the chart worker (render-worker.ts), which draws each
// chart's first picture as SVG text off the page's thread, and on the page
// once a reader points at a chart, which makes it live (tooltips, zoom).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent,
  MarkLineComponent, SVGRenderer]);

// No animation: a chart shows its figures at once (and a screenshot shows
// them right).
const still = (option: echarts.EChartsCoreOption) => ({ animation: false, ...option });

// Draws `option` live in `box` (replacing a picture drawn by the worker),
// or redraws the chart already there at the box's width. Returns the chart.
export function drawChart(box: HTMLElement, option: echarts.EChartsCoreOption): echarts.ECharts {
  const existing = echarts.getInstanceByDom(box);
  if (existing) {
    existing.setOption(option);
    existing.resize();
    return existing;
  }
  box.replaceChildren();
  const chart = echarts.init(box, undefined, { renderer: 'svg' });
  chart.setOption(still(option));
  return chart;
}

let measuring = false;

// `option` drawn at `width` × `height` px as the text of an SVG element,
// with no page: the same picture drawChart draws. Text is measured on an
// OffscreenCanvas, as the page measures it; throws where there is none.
export function svgPicture(option: echarts.EChartsCoreOption, width: number, height: number): string {
  if (!measuring) {
    const context = new OffscreenCanvas(1, 1).getContext('2d');
    if (!context) throw new Error('no 2D context to measure text');
    echarts.setPlatformAPI({
      measureText: (text: string, font?: string) => {
        context.font = font || '12px sans-serif';
        return context.measureText(text);
      },
    });
    measuring = true;
  }
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(still(option));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
