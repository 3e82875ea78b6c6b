import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceName } from '@seleksi/contracts';
import { freshSchema, ServiceProcess, serviceEnv, spawnService, testInfra, uniqueTopicPrefix, waitUntilReady } from '@seleksi/testing';
import { advanceDemo, demoProgress, demoStatus, STAGES } from './advance';
import { clockOffset } from './demo-clock';
import { DemoTargets, demoApis } from './demo-context';
import { DemoStaff, staffCredentialsFile } from './demo-staff';
import { Json } from './http';
import { seedDemo, SeedResult } from './seed';
import { findDemoPeriod, placementReport, screeningAudit, StageContext, sum } from './stage-context';

const SERVICES: ServiceName[] = ['registration', 'screening', 'skb', 'interview', 'placement'];
const PORTS: Record<string, number> = { registration: 3241, screening: 3242, skb: 3243, interview: 3244, placement: 3245 };

/**
 * The demo as a newcomer runs it, against the five compiled services as processes sharing one clock
 * file: seed a small period, then `advance` until placement is announced, checking after each stage
 * what the services themselves show.
 */
describe('npm run demo -- advance', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'seleksi-demo-'));
  const lines: string[] = [];
  const t: DemoTargets = {
    registration: `http://127.0.0.1:${PORTS.registration}`,
    screening: `http://127.0.0.1:${PORTS.screening}`,
    skb: `http://127.0.0.1:${PORTS.skb}`,
    interview: `http://127.0.0.1:${PORTS.interview}`,
    placement: `http://127.0.0.1:${PORTS.placement}`,
    database: testInfra().pg.database,
    dataDir,
    clockFile: join(dataDir, 'clock'),
    say: (line) => lines.push(line),
  };
  const apis = demoApis(t);
  let services: ServiceProcess[] = [];
  let seed: SeedResult;
  let c: StageContext;

  /** Runs the next stage and checks the services now report it done. */
  async function advance(expectedDone: number): Promise<void> {
    lines.length = 0;
    const progress = await advanceDemo(t);
    expect(progress.done).toBe(expectedDone);
    expect((await demoProgress(t)).done).toBe(expectedDone);
    c = { ...c, period: (await findDemoPeriod(apis))! };
  }

  beforeAll(async () => {
    for (const s of SERVICES) await freshSchema(s);
    const prefix = uniqueTopicPrefix();
    services = SERVICES.map((s) => spawnService(s, serviceEnv(s, PORTS[s], { KAFKA_TOPIC_PREFIX: prefix, CLOCK_FILE: t.clockFile })));
    await Promise.all(services.map((s) => waitUntilReady(s, 120_000)));
  }, 150_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the period, staff with saved passwords and applicants, and says what comes next', async () => {
    seed = await seedDemo(t, 40);
    expect(seed).toMatchObject({ seeded: true, applicants: 40 });
    expect(seed.submitted).toBeGreaterThan(30);
    expect(statSync(staffCredentialsFile(t)).mode & 0o777).toBe(0o600);
    const period = (await findDemoPeriod(apis))!;
    expect(period.formations.reduce((n, f) => n + f.quota, 0)).toBe(20);
    c = { t, apis, staff: new DemoStaff(t, apis), period };
    expect((await demoStatus(t)).done).toBe(0);
    expect(lines.join('\n')).toContain(STAGES[0].next);
    expect((await seedDemo(t, 40)).seeded).toBe(false);
  }, 120_000);

  it('1. closes registration with the clock past its deadline', async () => {
    await advance(1);
    expect(c.period.status).toBe('closed');
    expect(clockOffset(t.clockFile)).toBeGreaterThan(14 * 86_400_000 - 60_000);
  }, 60_000);

  it('2. decides every submitted case and announces', async () => {
    await advance(2);
    const audit = await screeningAudit(c);
    const announced = audit.find((e) => e.action === 'RESULTS_ANNOUNCED')!;
    expect(announced.details.eligible + announced.details.ineligible).toBe(seed.submitted);
    expect(announced.details.ineligible).toBeGreaterThan(0);
    const tms = audit.filter((e) => e.action === 'CASE_DECIDED' && e.details.result === 'TMS');
    expect(tms.every((e) => e.details.reasonCodes.length > 0)).toBe(true);
  }, 90_000);

  it('3. answers the appeals, one upheld, and finalizes after the window', async () => {
    await advance(3);
    const audit = await screeningAudit(c);
    const resolutions = audit.filter((e) => e.action === 'APPEAL_RESOLVED').map((e) => e.details.resolution);
    expect(resolutions).toContain('UPHELD');
    expect(resolutions).toContain('REJECTED');
    expect(audit.find((e) => e.action === 'PERIOD_FINALIZED')!.details.finalized).toBe(seed.submitted);
    expect(clockOffset(t.clockFile)).toBeGreaterThan(17 * 86_400_000 - 60_000);
  }, 90_000);

  it('4. runs the SKB to final results that reach placement', async () => {
    await advance(4);
    const eligible = (await screeningAudit(c)).find((e) => e.action === 'PERIOD_FINALIZED')!.details.eligible;
    const report = await placementReport(c);
    expect(sum(report, 'reachedPlacement')).toBe(eligible);
    expect(sum(report, 'skbProceeded')).toBeGreaterThan(0);
    expect(sum(report, 'skbProceeded')).toBeLessThan(eligible);
  }, 120_000);

  it('5. scores and finalizes every interview', async () => {
    await advance(5);
    const admin = await c.staff.as('admin');
    const candidates = (await apis.interview.must('GET', `/admin/candidates?periodId=${c.period.id}`, { token: admin.token })).body as Json[];
    const report = await placementReport(c);
    expect(candidates.length).toBe(sum(report, 'skbProceeded'));
    expect(candidates.filter((x) => x.status === 'COMPLETED').length).toBe(sum(report, 'interviewed'));
    expect(candidates.every((x) => ['COMPLETED', 'ABSENT'].includes(x.status))).toBe(true);
  }, 120_000);

  it('6. places candidates within the quota and announces', async () => {
    await advance(6);
    const report = await placementReport(c);
    expect(sum(report, 'placed')).toBeGreaterThan(0);
    for (const f of report) expect(f.placed).toBeLessThanOrEqual(f.quota);
    const admin = await c.staff.as('admin');
    const placements = (await apis.placement.must('GET', `/periods/${c.period.id}/placements`, { token: admin.token })).body as Json[];
    const confirmed = placements.filter((p) => p.status === 'CONFIRMED');
    expect(confirmed.length).toBe(sum(report, 'placed'));
    const outcome = await apis.placement.must('GET', `/applications/${confirmed[0].applicationId}/outcome`, { token: admin.token });
    expect(outcome.body.status).toBe('PLACED');
    // Nothing is left to do, and saying so changes nothing.
    lines.length = 0;
    expect((await advanceDemo(t)).done).toBe(STAGES.length);
    expect(lines.join('\n')).toContain('already complete');
  }, 120_000);
});
