import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 640;
const LABEL = 170;
const VALUE = 70;
const ROW = 30;

/**
 * A horizontal bar chart in plain SVG. To assistive technology it is one image with a title and a
 * one-line description; the numbers themselves are in the data table the page puts beside it.
 * Negative values (a severe rater's leniency) grow left of a zero line.
 */
export function BarChart({
  title,
  description,
  bars,
  format = String,
}: {
  title: string;
  description: string;
  bars: Bar[];
  format?: (value: number) => string;
}) {
  const id = useId();
  const low = Math.min(0, ...bars.map((b) => b.value));
  const high = Math.max(0, ...bars.map((b) => b.value));
  const span = high - low || 1;
  const plot = WIDTH - LABEL - VALUE;
  const x = (value: number) => LABEL + ((value - low) / span) * plot;
  const height = bars.length * ROW + 10;
  return (
    <figure className="chart">
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-caption ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke="#4a5560" strokeWidth={1} />
        {bars.map((bar, i) => {
          const y = i * ROW + 5;
          const start = Math.min(x(0), x(bar.value));
          return (
            <g key={bar.label}>
              <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fill="#1b1f24" fontSize={14}>
                {bar.label}
              </text>
              <rect x={start} y={y + 4} width={Math.max(Math.abs(x(bar.value) - x(0)), bar.value === 0 ? 0 : 2)} height={ROW - 8} fill="#0b5394" />
              <text x={Math.max(x(0), x(bar.value)) + 6} y={y + ROW / 2} dominantBaseline="middle" fill="#1b1f24" fontSize={14}>
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
