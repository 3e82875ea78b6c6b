import { escapeXml, niceCeiling, renderChart } from './chart';

describe(niceCeiling.name, () => {
  it.each([
    [0, 1],
    [-3, 1],
    [0.7, 1],
    [1, 1],
    [1.2, 2],
    [2.1, 2.5],
    [3, 5],
    [7, 10],
    [1_234, 2_000],
    [48_000, 50_000],
  ])('rounds %d up to %d', (value, nice) => {
    expect(niceCeiling(value)).toBe(nice);
  });
});

describe(renderChart.name, () => {
  const input = {
    title: 'Run <A & B>',
    subtitle: 'subtitle',
    stages: [
      { name: 'submit', perSecond: 300 },
      { name: 'decide', perSecond: 1_500 },
    ],
    baselinePerSecond: 2_000,
    arrivals: [1, 2, 3, 10],
    bucketHours: 180,
    lag: [
      { seconds: 0, byService: { screening: 0, skb: 0 } },
      { seconds: 2, byService: { screening: 40, skb: 5 } },
    ],
  };

  it('writes a standalone SVG with a bar per stage, a bar per arrival bucket and a lag line per service', () => {
    const svg = renderChart(input);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(1 + 2 + 4);
    expect(svg.match(/<polyline /g)).toHaveLength(1 + 2);
    expect(svg).toContain('>submit<');
    expect(svg).toContain('baseline 2,000/s');
  });

  it('escapes text so a name cannot break the document', () => {
    expect(renderChart(input)).toContain('Run &lt;A &amp; B&gt;');
    expect(escapeXml('"<&>"')).toBe('&quot;&lt;&amp;&gt;&quot;');
  });

  it('scales bars to the largest figure: the baseline bar line sits at the right end', () => {
    const svg = renderChart({ ...input, stages: [{ name: 'half', perSecond: 1_000 }] });
    const bar = /<rect x="230" y="[\d.]+" width="([\d.]+)"/.exec(svg);
    // 1,000 of a 2,000 axis over the 640 px between 230 and 870.
    expect(Number(bar![1])).toBeCloseTo(320, 0);
  });
});
