// ECharts with only the charts and components the app draws (echarts/core): the whole library is
// ~1 MB, these parts a third of it. The map's parts (map, geo, visualMap, lines) are added by
// southMap.ts, so a page without the map (the dashboard on a phone) does not download them.
import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GaugeChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  ToolboxComponent,
  LabelLayout,
  CanvasRenderer,
]);

export { echarts };
