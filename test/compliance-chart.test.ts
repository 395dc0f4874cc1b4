/** Trend chart geometry: round axes for counts, fixed axes for percentages, points on the plot. */
import { describe, expect, it } from 'vitest';
import { lineChart, niceAxis } from '../src/lib/compliance/chart.ts';

describe('value axis', () => {
  it('uses whole steps of 1, 2 or 5 × 10ⁿ and at most five intervals', () => {
    expect([0, 1, 3, 4, 5, 6, 11, 23, 134, 950].map((n) => niceAxis(n))).toEqual([
      { max: 1, step: 1 },
      { max: 1, step: 1 },
      { max: 3, step: 1 },
      { max: 4, step: 1 },
      { max: 5, step: 1 },
      { max: 6, step: 2 },
      { max: 15, step: 5 },
      { max: 25, step: 5 },
      { max: 150, step: 50 },
      { max: 1000, step: 200 },
    ]);
  });
});

describe('line chart', () => {
  const chart = lineChart(['06-01', '06-08', '06-15'], [{ name: '单项否决', values: [0, 2, 4] }], { width: 300, height: 200 });
  it('maps 0 to the bottom and the top of the axis to the top of the plot', () => {
    const [a, b, c] = chart.series[0]!.points;
    expect([a!.x, a!.y]).toEqual([chart.plot.left, chart.plot.bottom]);
    expect([c!.x, c!.y]).toEqual([chart.plot.right, chart.plot.top]);
    expect(b!.y).toBe((chart.plot.top + chart.plot.bottom) / 2);
    expect(chart.series[0]!.path).toBe(`M${a!.x} ${a!.y} L${b!.x} ${b!.y} L${c!.x} ${c!.y}`);
  });
  it('labels ticks with whole numbers and anchors the end labels inside the plot', () => {
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(chart.xTicks.map((t) => [t.label, t.anchor])).toEqual([
      ['06-01', 'start'],
      ['06-08', 'middle'],
      ['06-15', 'end'],
    ]);
  });
  it('keeps a fixed percentage axis in quarters and at most about eight date labels', () => {
    const labels = Array.from({ length: 26 }, (_, i) => `w${i}`);
    const pct = lineChart(labels, [{ name: '覆盖率', values: labels.map(() => 100) }], { max: 100, unit: '%' });
    expect(pct.yTicks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(pct.xTicks.length).toBeLessThanOrEqual(9);
    expect(pct.xTicks.at(-1)!.label).toBe('w25');
    expect(new Set(pct.series[0]!.points.map((p) => p.y))).toEqual(new Set([pct.plot.top]));
  });
});
