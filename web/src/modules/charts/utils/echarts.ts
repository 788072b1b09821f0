import { BarChart, GaugeChart, GraphChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echartsCore from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts and components the pages use: the whole of ECharts would triple the chunk.
echartsCore.use([
  BarChart,
  GaugeChart,
  GraphChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** ECharts core with the charts this app registers. */
export const echarts = echartsCore;
