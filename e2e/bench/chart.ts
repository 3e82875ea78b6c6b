/**
 * The run as a picture a person can read without tools: per-stage throughput beside the raw
 * baseline, the submission arrivals over the (simulated) 30-day window, and consumer lag over the
 * run. Plain SVG written by hand, so the bench needs no charting package.
 */
export interface ChartInput {
  title: string;
  subtitle: string;
  stages: { name: string; perSecond: number }[];
  baselinePerSecond: number;
  /** Submissions per bucket of `bucketHours` over the window. */
  arrivals: number[];
  bucketHours: number;
  /** Consumer lag samples: seconds since the run started, lag per service. */
  lag: { seconds: number; byService: Record<string, number> }[];
}

const WIDTH = 960;
const PANEL = 250;
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round number at or above `value`, so axes end on a readable tick. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function text(x: number, y: number, body: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(body)}</text>`;
}

function throughputPanel(input: ChartInput, top: number): string[] {
  const out: string[] = [text(20, top, 'Throughput per stage (items/s); dashed: raw Kafka + pg baseline', 'font-weight="bold"')];
  const left = 230;
  const right = WIDTH - 90;
  const max = niceCeiling(Math.max(input.baselinePerSecond, ...input.stages.map((s) => s.perSecond)));
  const rowH = Math.min(26, (PANEL - 30) / Math.max(1, input.stages.length));
  const scale = (v: number) => left + ((right - left) * v) / max;
  input.stages.forEach((s, i) => {
    const y = top + 15 + i * rowH;
    out.push(text(left - 8, y + rowH * 0.65, s.name, 'text-anchor="end"'));
    out.push(
      `<rect x="${left}" y="${y.toFixed(1)}" width="${Math.max(1, scale(s.perSecond) - left).toFixed(1)}" height="${(rowH * 0.7).toFixed(1)}" fill="${COLORS[0]}"/>`,
    );
    out.push(text(scale(s.perSecond) + 5, y + rowH * 0.65, fmt(s.perSecond)));
  });
  const bx = scale(input.baselinePerSecond);
  const bottom = top + 15 + input.stages.length * rowH;
  out.push(`<line x1="${bx.toFixed(1)}" y1="${top + 10}" x2="${bx.toFixed(1)}" y2="${bottom.toFixed(1)}" stroke="#d62728" stroke-dasharray="5,4"/>`);
  out.push(text(bx, bottom + 14, `baseline ${fmt(input.baselinePerSecond)}/s`, 'text-anchor="middle" fill="#d62728"'));
  return out;
}

function arrivalsPanel(input: ChartInput, top: number): string[] {
  const total = input.arrivals.reduce((a, b) => a + b, 0);
  const out: string[] = [text(20, top, `Submissions over the 30-day window (per ${input.bucketHours} h; line: cumulative share)`, 'font-weight="bold"')];
  const left = 60;
  const right = WIDTH - 40;
  const base = top + PANEL - 30;
  const height = PANEL - 60;
  const max = niceCeiling(Math.max(1, ...input.arrivals));
  const w = (right - left) / Math.max(1, input.arrivals.length);
  let cumulative = 0;
  const points: string[] = [];
  input.arrivals.forEach((n, i) => {
    const h = (height * n) / max;
    out.push(
      `<rect x="${(left + i * w).toFixed(1)}" y="${(base - h).toFixed(1)}" width="${Math.max(0.5, w - 0.5).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[1]}"/>`,
    );
    cumulative += n;
    points.push(`${(left + (i + 1) * w).toFixed(1)},${(base - (height * cumulative) / Math.max(1, total)).toFixed(1)}`);
  });
  out.push(`<polyline points="${left},${base} ${points.join(' ')}" fill="none" stroke="${COLORS[2]}" stroke-width="2"/>`);
  out.push(`<line x1="${left}" y1="${base}" x2="${right}" y2="${base}" stroke="#333"/>`);
  for (let day = 0; day <= 30; day += 5) out.push(text(left + ((right - left) * day) / 30, base + 14, `day ${day}`, 'text-anchor="middle"'));
  out.push(text(left - 5, base - height + 4, fmt(max), 'text-anchor="end"'));
  return out;
}

function lagPanel(input: ChartInput, top: number): string[] {
  const out: string[] = [text(20, top, 'Consumer lag (messages behind the topic end) over the run', 'font-weight="bold"')];
  const left = 60;
  const right = WIDTH - 150;
  const base = top + PANEL - 30;
  const height = PANEL - 60;
  const services = [...new Set(input.lag.flatMap((s) => Object.keys(s.byService)))].sort();
  const maxT = Math.max(1, ...input.lag.map((s) => s.seconds));
  const maxLag = niceCeiling(Math.max(1, ...input.lag.flatMap((s) => Object.values(s.byService))));
  services.forEach((service, k) => {
    const pts = input.lag
      .filter((s) => service in s.byService)
      .map((s) => `${(left + ((right - left) * s.seconds) / maxT).toFixed(1)},${(base - (height * s.byService[service]) / maxLag).toFixed(1)}`);
    out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${COLORS[k % COLORS.length]}" stroke-width="1.5"/>`);
    out.push(text(right + 10, top + 25 + k * 16, service, `fill="${COLORS[k % COLORS.length]}"`));
  });
  out.push(`<line x1="${left}" y1="${base}" x2="${right}" y2="${base}" stroke="#333"/>`);
  out.push(text(left - 5, base - height + 4, fmt(maxLag), 'text-anchor="end"'));
  out.push(text(right, base + 14, `${fmt(maxT)} s`, 'text-anchor="end"'));
  return out;
}

export function renderChart(input: ChartInput): string {
  const height = 70 + 3 * (PANEL + 20);
  const body = [
    `<rect width="100%" height="100%" fill="white"/>`,
    text(20, 28, input.title, 'font-size="18" font-weight="bold"'),
    text(20, 48, input.subtitle, 'fill="#555"'),
    ...throughputPanel(input, 80),
    ...arrivalsPanel(input, 80 + PANEL + 20),
    ...lagPanel(input, 80 + 2 * (PANEL + 20)),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">\n${body.join('\n')}\n</svg>\n`;
}
