// The charting library itself, fetched with the first chart a page draws:
// Apache ECharts' core, the bar and line charts, the components the
// dashboard uses, and its SVG renderer.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent,
  MarkLineComponent, SVGRenderer]);

// Draws `option` in `box`, or redraws the chart already there at the box's
// width. No animation: a chart shows its figures at once (and a screenshot
// shows them right).
export function drawChart(box: HTMLElement, option: echarts.EChartsCoreOption): void {
  const existing = echarts.getInstanceByDom(box);
  if (existing) {
    existing.setOption(option);
    existing.resize();
    return;
  }
  echarts.init(box, undefined, { renderer: 'svg' }).setOption({ animation: false, ...option });
}
