/**
 * Geometry of the statistics page's charts, computed at build time and drawn as plain SVG by
 * components/BarChart.astro and components/LineChart.astro (no JavaScript in the browser).
 * Pure functions: tested in charts.test.ts.
 */

export type Series = { key: string; label: string; values: (number | null)[] };

export type Frame = { width: number; height: number; top: number; right: number; bottom: number; left: number };

export const DEFAULT_FRAME: Frame = { width: 420, height: 260, top: 28, right: 8, bottom: 34, left: 56 };

/** A "nice" axis from 0: a maximum and step of 1, 2, 2.5 or 5 × 10ⁿ, with about `target` intervals. */
export function niceAxis(max: number, target = 5): { max: number; step: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { max: top, step, ticks };
}

const round = (n: number) => Math.round(n * 10) / 10;

export type Tick = { value: number; y: number };
export type Category = { label: string; x: number };

export type BarLayout = {
  frame: Frame;
  ticks: Tick[];
  categories: Category[];
  bars: { series: number; category: number; value: number; x: number; y: number; width: number; height: number }[];
};

/** Grouped bars: one group per category (year), one bar per series, from a zero baseline. */
export function layoutBars(categories: string[], series: Series[], frame: Frame = DEFAULT_FRAME): BarLayout {
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const axis = niceAxis(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v != null))));
  const y = (v: number) => frame.top + plotH - (v / axis.max) * plotH;
  const band = plotW / Math.max(1, categories.length);
  const groupW = band * 0.75;
  const barW = groupW / Math.max(1, series.length);
  const bars: BarLayout['bars'] = [];
  categories.forEach((_, c) => {
    series.forEach((s, i) => {
      const value = s.values[c];
      if (value == null) return;
      const top = y(value);
      bars.push({ series: i, category: c, value, x: round(frame.left + band * c + (band - groupW) / 2 + barW * i), y: round(top), width: round(barW * 0.92), height: round(frame.top + plotH - top) });
    });
  });
  return {
    frame,
    ticks: axis.ticks.map((value) => ({ value, y: round(y(value)) })),
    categories: categories.map((label, c) => ({ label, x: round(frame.left + band * c + band / 2) })),
    bars,
  };
}

export type LineLayout = {
  frame: Frame;
  ticks: Tick[];
  categories: Category[];
  lines: { series: number; points: { category: number; value: number; x: number; y: number }[]; path: string }[];
};

/** Lines over categories on a fixed 0–`max` axis (percentages: 0–100). Missing values break the line. */
export function layoutLines(categories: string[], series: Series[], max = 100, step = 20, frame: Frame = DEFAULT_FRAME): LineLayout {
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const y = (v: number) => frame.top + plotH - (Math.min(Math.max(v, 0), max) / max) * plotH;
  const band = plotW / Math.max(1, categories.length);
  const x = (c: number) => round(frame.left + band * c + band / 2);
  const ticks: Tick[] = [];
  for (let v = 0; v <= max; v += step) ticks.push({ value: v, y: round(y(v)) });
  return {
    frame,
    ticks,
    categories: categories.map((label, c) => ({ label, x: x(c) })),
    lines: series.map((s, i) => {
      const points = s.values.flatMap((value, c) => (value == null ? [] : [{ category: c, value, x: x(c), y: round(y(value)) }]));
      let path = '';
      s.values.forEach((value, c) => {
        if (value == null) return;
        path += `${path && s.values[c - 1] != null ? 'L' : 'M'}${x(c)} ${round(y(value))}`;
      });
      return { series: i, points, path };
    }),
  };
}
