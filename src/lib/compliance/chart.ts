/**
 * Geometry of the trend charts, computed at build time: scales, axis ticks and one polyline per
 * series. The site draws them as static SVG (no charting JavaScript); this module only does the
 * arithmetic, so it is testable on its own.
 */

export interface ChartSeries {
  /** Chinese name shown in the legend and the data table. */
  readonly name: string;
  /** One value per point, same order as the labels. */
  readonly values: readonly number[];
}

export interface ChartOptions {
  readonly width?: number;
  readonly height?: number;
  /** Fixed top of the value axis (e.g. 100 for a percentage, ticks at quarters); default: a round number above the data. */
  readonly max?: number;
  /** Suffix of the value-axis labels, e.g. `%`. */
  readonly unit?: string;
}

export interface PlottedPoint {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  readonly label: string;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  /** The plotting area. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string; readonly anchor: 'start' | 'middle' | 'end' }[];
  readonly series: readonly { readonly name: string; readonly path: string; readonly points: readonly PlottedPoint[] }[];
}

/**
 * A "nice" value axis for data up to `dataMax`: a step of 1, 2 or 5 × 10ⁿ (never below 1, the
 * data being counts) giving at most `maxTicks` intervals, and the top as a whole number of steps.
 */
export function niceAxis(dataMax: number, maxTicks = 5): { max: number; step: number } {
  if (dataMax <= 0) return { max: 1, step: 1 };
  const rough = dataMax / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = 10 * magnitude;
  for (const m of [1, 2, 5]) {
    if (m * magnitude >= rough) {
      step = m * magnitude;
      break;
    }
  }
  step = Math.max(1, step);
  return { max: Math.ceil(dataMax / step) * step, step };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays out a line chart of several series over shared labels (e.g. inspection days `MM-DD`).
 * At most about eight labels are printed on the time axis; every point keeps its label.
 */
export function lineChart(labels: readonly string[], series: readonly ChartSeries[], options: ChartOptions = {}): ChartGeometry {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const plot = { left: 44, top: 12, right: width - 12, bottom: height - 28 };
  const dataMax = Math.max(0, ...series.flatMap((s) => s.values));
  const axis = options.max ? { max: options.max, step: options.max / 4 } : niceAxis(dataMax);
  const max = axis.max;
  const n = labels.length;
  const x = (i: number) => round(n <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * i) / (n - 1));
  const y = (v: number) => round(plot.bottom - ((plot.bottom - plot.top) * Math.min(v, max)) / max);
  const tickCount = Math.round(max / axis.step);
  const unit = options.unit ?? '';
  const yTicks = Array.from({ length: tickCount + 1 }, (_, k) => {
    const value = axis.step * k;
    const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
    return { y: y(value), label: `${text}${unit}` };
  });
  const every = Math.max(1, Math.ceil(n / 8));
  const xTicks = labels.flatMap((label, i) =>
    i % every === 0 || i === n - 1
      ? [{ x: x(i), label, anchor: n > 1 && i === n - 1 ? ('end' as const) : n > 1 && i === 0 ? ('start' as const) : ('middle' as const) }]
      : [],
  );
  // Drop a tick crowding the last one.
  if (xTicks.length >= 2 && xTicks.at(-1)!.x - xTicks.at(-2)!.x < (plot.right - plot.left) / 16) xTicks.splice(xTicks.length - 2, 1);
  return {
    width,
    height,
    plot,
    yTicks,
    xTicks,
    series: series.map((s) => {
      const points = s.values.map((value, i) => ({ x: x(i), y: y(value), value, label: labels[i] ?? '' }));
      const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
      return { name: s.name, path, points };
    }),
  };
}
