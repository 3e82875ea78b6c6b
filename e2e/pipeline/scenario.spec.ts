import { ServiceName } from '@seleksi/contracts';
import { Pipeline, startPipeline } from '../support/pipeline';
import { checkExactlyOnce, IDENTITY_BASE, runScenario, ScenarioRun } from '../support/scenario';

/** Events each instance applied, from its own /metrics (duplicates are not counted there). */
async function appliedBy(pipeline: Pipeline, service: ServiceName, instance: number): Promise<number> {
  const text = await (await fetch(`${pipeline.url(service, instance)}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('seleksi_events_applied_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/**
 * A whole recruitment period through the five services' public HTTP APIs, with two instances of
 * screening and of skb sharing their consumer groups: every applicant's timeline must show what
 * the rules give from the inputs, every event must be applied exactly once, and both instances of
 * each scaled service must have done part of the work.
 */
describe('a recruitment period end to end, screening and skb scaled out', () => {
  let pipeline: Pipeline;
  let run: ScenarioRun;
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[scenario +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

  beforeAll(async () => {
    // Both instances of screening and skb start together on fresh schemas: one migrates, one waits on the lock.
    pipeline = await startPipeline({ basePort: 3201, instances: { screening: 2, skb: 2 }, readyTimeoutMs: 240_000 });
    log('pipeline ready');
    run = await runScenario(pipeline, { log });
  }, 900_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('shows every applicant the outcome the rules give', () => {
    expect(run.mismatches).toEqual([]);
    expect(run.expected.size).toBe(300);
  });

  it('covers what the issue asks for: refusals, late submissions, appeals, absentees, ties, optimalisasi, override, decline', () => {
    const outcomes = [...run.expected.values()];
    const some = (what: string, test: (o: (typeof outcomes)[number]) => boolean, atLeast = 1) =>
      expect({ what, count: outcomes.filter(test).length >= atLeast }).toEqual({ what, count: true });
    some('refused sign-ups', (o) => !o.account, 3);
    some('late submissions', (o) => o.account && !o.submitted, 5);
    some('TMS', (o) => o.administrative === 'TMS', 20);
    some('appeals upheld', (o) => o.appeal === 'UPHELD');
    some('appeals rejected', (o) => o.appeal === 'REJECTED');
    some('absent at the SKB', (o) => o.skb === 'TH');
    some('disqualified at the SKB', (o) => o.skb === 'DIS');
    some('passed but not proceeding', (o) => o.skb === 'P');
    some('failed the SKB', (o) => o.skb === 'TL');
    some('absent at the interview', (o) => o.interview === 'ABSENT');
    some('placed by optimalisasi', (o) => o.placementKind === 'OPTIMALISASI');
    some('placed by override', (o) => o.placementKind === 'OVERRIDE');
    some('placed as a replacement', (o) => o.placementKind === 'REPLACEMENT');
    some('declined', (o) => o.placement === 'DECLINED');
    some('not placed', (o) => o.placement === 'NOT_PLACED');
    const entries = [...run.expected.entries()];
    const expectedOf = (index: number) => entries.find(([email]) => email.includes(`.${IDENTITY_BASE + index}.`))![1];
    // Ties at the SKB cut-off: both go on to the interview.
    expect(run.tiesAtCutOff.length).toBeGreaterThan(0);
    for (const pair of run.tiesAtCutOff) {
      const [a, b] = pair.map(expectedOf);
      expect([a.skb, b.skb, a.skbTotal]).toEqual(['P/L', 'P/L', b.skbTotal]);
    }
    // Equal final and SKB scores: the higher CAT ranks first, so it is the one who declines rank 1.
    const [higherCat, lowerCat] = run.chainTie!.map(expectedOf);
    expect([higherCat.skbTotal, higherCat.interviewTotal]).toEqual([lowerCat.skbTotal, lowerCat.interviewTotal]);
    expect([higherCat.placement, lowerCat.placement, lowerCat.placementKind]).toEqual(['DECLINED', 'PLACED', 'REGULAR']);
  });

  it('applies every event exactly once', async () => {
    expect(await checkExactlyOnce(pipeline, run)).toEqual([]);
  }, 60_000);

  it('shares the work between both instances of screening and of skb', async () => {
    for (const service of ['screening', 'skb'] as ServiceName[]) {
      const applied = [await appliedBy(pipeline, service, 0), await appliedBy(pipeline, service, 1)];
      log(`${service}: events applied per instance ${applied.join(' / ')}`);
      expect(applied.every((n) => n > 0)).toBe(true);
    }
  });
});
