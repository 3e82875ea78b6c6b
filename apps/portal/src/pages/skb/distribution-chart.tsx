import type { FormationDistribution } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';

const WIDTH = 480;
const HEIGHT = 200;
const AXIS = 24;

/**
 * The spread of one formation's totals as bars over the 0–100 bands. The picture is a summary for
 * sighted readers; the table beside it holds the same numbers for everyone (and screen readers).
 */
export function BandChart({ formation, titleId }: { formation: FormationDistribution; titleId: string }) {
  const t = useT();
  const top = Math.max(1, ...formation.bands.map((b) => b.participants));
  const slot = (WIDTH - AXIS) / formation.bands.length;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} className="chart" role="img" aria-labelledby={titleId}>
      <line x1={AXIS} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#1b1f24" />
      {formation.bands.map((b, k) => {
        const h = (b.participants / top) * (HEIGHT - 20);
        const x = AXIS + k * slot;
        return (
          <g key={b.from}>
            <rect x={x + 4} y={HEIGHT - h} width={slot - 8} height={h} fill="#0b5394">
              <title>{t('skb.results.bandTitle', { from: b.from, to: b.to, count: b.participants })}</title>
            </rect>
            {b.participants > 0 && (
              <text x={x + slot / 2} y={HEIGHT - h - 4} textAnchor="middle" fontSize="12" fill="#1b1f24">
                {b.participants}
              </text>
            )}
            <text x={x + slot / 2} y={HEIGHT + 16} textAnchor="middle" fontSize="11" fill="#1b1f24">
              {b.from}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
