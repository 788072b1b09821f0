import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echartsCore from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// The renderer and the components the charts share. Series types (bar, line, gauge, graph) are
// registered by the chart that draws them, `echarts.use([BarChart])`, so that a page loads only
// its own: the graph's force layout is not in the cockpit's JavaScript.
echartsCore.use([
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** ECharts core with the renderer and the shared components registered. */
export const echarts = echartsCore;
