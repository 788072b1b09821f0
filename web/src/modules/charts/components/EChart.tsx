import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { echarts } from '../utils/echarts.ts';

/** One ECharts chart that follows `option` and its box's size. */
export function EChart({
  option,
  height = 320,
  testId,
  onClick,
}: {
  option: EChartsCoreOption;
  /** Pixels, or a CSS length such as '100%' to fill a box that has a height. */
  height?: number | string;
  testId?: string;
  /** Called with the element clicked (a bar, a node, an edge). */
  onClick?: (event: ECElementEvent) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickHandler = useRef(onClick);
  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element);
    chart.current = instance;
    instance.on('click', (event) => clickHandler.current?.(event));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart-box" style={{ height }} data-testid={testId} />;
}
