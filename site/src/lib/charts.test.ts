import { describe, expect, it } from 'vitest';
import { layoutBars, layoutLines, niceAxis } from './charts.ts';

describe('niceAxis', () => {
  it('rounds the maximum up to a step of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceAxis(16874)).toEqual({ max: 20000, step: 5000, ticks: [0, 5000, 10000, 15000, 20000] });
    expect(niceAxis(5642.1)).toEqual({ max: 6000, step: 2000, ticks: [0, 2000, 4000, 6000] });
    expect(niceAxis(100)).toEqual({ max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
  });

  it('gives a usable axis when every value is zero', () => {
    expect(niceAxis(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });
});

describe('layoutBars', () => {
  const frame = { width: 500, height: 300, top: 20, right: 20, bottom: 40, left: 60 };
  it('draws one bar per value, as tall as its share of the axis, grouped by category', () => {
    const layout = layoutBars(['2024', '2025'], [{ key: 'a', label: 'A', values: [50, 100] }, { key: 'b', label: 'B', values: [25, null] }], frame);
    // Axis 0–100 over 240 px of plot.
    expect(layout.bars.map((b) => [b.series, b.category, b.height])).toEqual([
      [0, 0, 120],
      [1, 0, 60],
      [0, 1, 240],
    ]);
    for (const b of layout.bars) expect(b.y + b.height).toBe(260);
    // Bars of a group sit inside its category's band, in series order.
    const [a0, b0, a1] = layout.bars;
    expect(a0!.x).toBeLessThan(b0!.x);
    expect(b0!.x + b0!.width).toBeLessThan(a1!.x);
    expect(layout.categories.map((c) => c.x)).toEqual([165, 375]);
    expect(layout.ticks.at(-1)).toEqual({ value: 100, y: 20 });
  });
});

describe('layoutLines', () => {
  it('places percentages on a 0–100 axis and breaks the line where a value is missing', () => {
    const frame = { width: 460, height: 220, top: 10, right: 10, bottom: 10, left: 50 };
    const layout = layoutLines(['2021', '2022', '2023', '2024'], [{ key: 'x', label: 'X', values: [50, 100, null, 0] }], 100, 20, frame);
    const [line] = layout.lines;
    expect(line!.points.map((p) => p.y)).toEqual([110, 10, 210]);
    expect(line!.path).toBe('M100 110L200 10M400 210');
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
  });
});
