// One ECharts canvas with "save as image" in its toolbox; re-renders when the option changes.

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts } from '../../app/echarts';

export function Chart({
  option,
  height = 280,
  name,
  testId,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  height?: number | string;
  name: string; // file name of the saved image
  testId?: string;
  onClick?: (params: { name: string; data: unknown; dataIndex: number }) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const resize = () => c.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        toolbox: { right: 8, feature: { saveAsImage: { title: t('indicators.saveImage'), name, pixelRatio: 2, backgroundColor: '#fff' } } },
        ...option,
      },
      true,
    );
    // lets the browser test find a place on a map (longitude, latitude → pixel)
    const c = chart.current;
    if (c) Object.assign(c.getDom(), { toPixel: (lngLat: [number, number]) => c.convertToPixel({ seriesIndex: 0 }, lngLat) });
  }, [option, name, t]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.off('click');
    if (onClick) c.on('click', (p) => onClick(p as never));
  }, [onClick]);

  return <div ref={ref} data-testid={testId} style={{ width: '100%', height }} />;
}
