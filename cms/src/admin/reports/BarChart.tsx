/**
 * A small horizontal bar chart in SVG (no chart library): one bar per line, its label on the left and its
 * count at the end of the bar. For screen readers the SVG is one image named by `title` with every value
 * in its description; the same numbers are in the table beside it.
 */
import { useId } from 'react';

export type Bar = { label: string; count: number };

const ROW = 26;
const LABEL_WIDTH = 230;
const BAR_MAX = 260;
const WIDTH = LABEL_WIDTH + BAR_MAX + 56;

/** Cuts a label to about `max` characters on a word boundary. */
function shorten(label: string, max = 34): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 8))}…`;
}

export function BarChart({ title, bars, color = '#4945ff' }: { title: string; bars: Bar[]; color?: string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const height = bars.length * ROW + 8;
  const description = bars.map((b) => `${b.label}: ${b.count.toLocaleString('vi-VN')}`).join('; ');
  return (
    <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} style={{ maxWidth: '100%', height: 'auto', display: 'block' }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {bars.map((b, i) => {
        const y = 4 + i * ROW;
        const w = b.count ? Math.max(2, Math.round((b.count / max) * BAR_MAX)) : 0;
        return (
          <g key={`${b.label}-${i}`}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize="12" fill="#32324d">
              {shorten(b.label)}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={w} height={ROW - 8} rx="3" fill={color} />
            <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2} dominantBaseline="middle" fontSize="12" fontWeight="600" fill="#32324d">
              {b.count.toLocaleString('vi-VN')}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical columns for a time series (months, quarters, years): label under each column, count above. */
export function ColumnChart({ title, bars, color = '#328048' }: { title: string; bars: Bar[]; color?: string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const col = Math.max(22, Math.min(56, Math.floor(720 / Math.max(1, bars.length))));
  const chartHeight = 160;
  const width = bars.length * col + 16;
  const height = chartHeight + 44;
  const description = bars.map((b) => `${b.label}: ${b.count.toLocaleString('vi-VN')}`).join('; ');
  // Labels "Tháng 5/2025" → "T5/25" when the columns are narrow.
  const short = (label: string) => (col < 48 ? label.replace(/^Tháng (\d+)\/\d{2}(\d{2})$/, 'T$1/$2').replace(/^Quý ([IV]+)\/\d{2}(\d{2})$/, 'Q$1/$2').replace(/^Năm /, '') : label.replace(/^Tháng /, 'T').replace(/^Năm /, ''));
  return (
    <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} style={{ maxWidth: '100%', height: 'auto', display: 'block' }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <line x1="8" x2={width - 8} y1={chartHeight + 16} y2={chartHeight + 16} stroke="#dcdce4" />
      {bars.map((b, i) => {
        const h = b.count ? Math.max(2, Math.round((b.count / max) * chartHeight)) : 0;
        const x = 8 + i * col;
        return (
          <g key={`${b.label}-${i}`}>
            <rect x={x + 4} y={chartHeight + 16 - h} width={col - 8} height={h} rx="2" fill={color} />
            <text x={x + col / 2} y={chartHeight + 12 - h} textAnchor="middle" fontSize="11" fontWeight="600" fill="#32324d">
              {b.count ? b.count.toLocaleString('vi-VN') : ''}
            </text>
            <text x={x + col / 2} y={chartHeight + 32} textAnchor="middle" fontSize="10" fill="#666687">
              {short(b.label)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
