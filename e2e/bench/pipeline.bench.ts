/**
 * `npm run bench [-- --applications 100000 --formations 1000 ...]`: the national-scale run. A period
 * with N applications over F formations goes through all five stages as the five real service
 * processes with the real broker and database: submissions through registration's HTTP API with
 * arrivals skewed to the deadline (arrivals.ts), everything after that through Kafka and each
 * service's own API. Prints progress per stage; reports throughput, submit-to-visible latency,
 * consumer lag and each service's peak memory per stage, beside a raw kafkajs + pg baseline measured
 * in the same run; writes .data/bench/pipeline.json and .data/bench/pipeline.svg.
 */
import { BenchLine, peakMemoryMb, reportBench, testInfra, testKeys, uniqueTopicPrefix, waitFor } from '@seleksi/testing';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pipeline, PIPELINE_SERVICES, startPipeline } from '../support/pipeline';
import { histogram, shareInLast, SURGE_HOURS } from './arrivals';
import { runBaseline } from './baseline';
import { renderChart } from './chart';
import { killChildren, killChildrenOnExit } from './cleanup';
import { call, expectStatus } from './http';
import { interviewStage, setUpPanels } from './interview-stages';
import { StageRunner, summarize } from './measure';
import { LagSampler, Observer } from './observe';
import { goals, stageLines } from './report';
import { SeededApplicant, seedApplicants } from './seed';
import { decisionsStage, periodCallsStage, registerVerifiers } from './screening-stages';
import { Participants, scoresStage, seatsStage } from './skb-stages';
import { createPeriod, PHOTO, SubmissionResult, submitAll } from './submission';

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string', default: '100000' },
    formations: { type: 'string', default: '1000' },
    quota: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '64' },
    verifiers: { type: 'string', default: '50' },
    panels: { type: 'string', default: '100' },
    'interview-concurrency': { type: 'string', default: '24' },
    'base-port': { type: 'string', default: '3261' },
  },
});
const N = Number(args.applications);
const FORMATIONS = Number(args.formations);
const STAFF_TTL = 12 * 3600;
const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main(): Promise<void> {
  const runStarted = Date.now();
  const load = { atStart: loadavg(), afterPipeline: '', afterBaseline: '' };
  log(`bench: ${N.toLocaleString('en-US')} applications over ${FORMATIONS} formations; load ${load.atStart}; starting the five services`);
  const prefix = uniqueTopicPrefix();
  let pipeline: Pipeline | undefined;
  killChildrenOnExit(async () => (pipeline ? stopWithin(pipeline, 8_000) : undefined));
  pipeline = await startPipeline({
    basePort: Number(args['base-port']),
    prefix,
    env: { LOG_LEVEL: 'warn', KAFKA_PARTITIONS: '6', DB_POOL_SIZE: '10', CONSUMER_CONCURRENT_PARTITIONS: '6' },
  });
  const observer = await Observer.open(prefix);
  const lag = new LagSampler(prefix, runStarted);
  const url = (s: (typeof PIPELINE_SERVICES)[number]) => pipeline!.url(s);
  try {
    await lag.start(2_000);
    const keys = testKeys();
    const admin = keys.mint('00000000-0000-4000-8000-00000000a001', ['admin'], STAFF_TTL);
    const skbOfficer = keys.mint('00000000-0000-4000-8000-00000000a002', ['skb-officer'], STAFF_TTL);
    const placementOfficer = keys.mint('00000000-0000-4000-8000-00000000a003', ['placement-officer'], STAFF_TTL);
    const tag = prefix.replace(/\W/g, '');

    // Preparation, not measured: period and formations, staff set-up in screening and interview, seeded drafts.
    const prepStarted = Date.now();
    const period = await createPeriod(url('registration'), admin, {
      code: `BENCH-${tag.slice(1, 9).toUpperCase()}`,
      formations: FORMATIONS,
      quota: Number(args.quota),
      log,
    });
    const verifiers = await registerVerifiers(url('screening'), admin, period.periodId, Number(args.verifiers), (id) => keys.mint(id, ['verifier'], STAFF_TTL));
    const panels = await setUpPanels(url('interview'), admin, {
      periodId: period.periodId,
      formationIds: period.formationIds,
      panels: Math.min(Number(args.panels), FORMATIONS),
      mint: (id) => keys.mint(id, ['panelist'], STAFF_TTL),
    });
    log(`  ${verifiers.length} verifiers in screening; ${panels.panelists.length} panels with rubrics in interview`);
    let lastSeedLog = 0;
    const applicants: SeededApplicant[] = await seedApplicants(observer.db('registration'), {
      count: N,
      periodId: period.periodId,
      formationIds: period.formationIds,
      tag,
      tmsEvery: 10,
      document: PHOTO,
      tokenTtlSeconds: STAFF_TTL,
      onProgress: (done) => {
        if (done === N || Date.now() - lastSeedLog > 5_000) {
          lastSeedLog = Date.now();
          log(`  seeded ${done.toLocaleString('en-US')}/${N.toLocaleString('en-US')} accounts, drafts and documents`);
        }
      },
    });
    await observer.db('registration').query('ANALYZE registration.accounts, registration.applications, registration.documents');
    const prepSeconds = (Date.now() - prepStarted) / 1000;

    // The pipeline, stage by stage.
    const pipelineStarted = Date.now();
    const runner = new StageRunner(observer, lag, log);
    let submission: SubmissionResult | undefined;
    await runner.measure({
      stage: 'registration: submit → case in screening',
      event: 'ApplicationSubmitted',
      consumer: 'screening',
      timeoutMs: 120 * 60_000,
      run: async () => (submission = await submitAll(url('registration'), applicants, { concurrency: Number(args.concurrency), log })),
    });
    await runner.measure(decisionsStage(url('screening'), verifiers));
    await pipeline.advanceClock(period.closesAt.getTime() - pipeline.now().getTime() + 60_000);
    log('  clock moved past the registration deadline');
    // The close is a counted hand-over: screening announces only once it holds every counted submission.
    expectStatus(await call(url('registration'), 'POST', `/admin/periods/${period.periodId}/close`, { token: admin }), 201, 'closing the period');
    await waitFor(
      'screening to hold everything registration handed over',
      async () => (await call(url('screening'), 'GET', `/periods/${period.periodId}/reconciliation`, { token: admin })).body?.handover?.complete === true,
      { timeoutMs: 10 * 60_000, intervalMs: 1_000 },
    );
    await runner.measure(
      periodCallsStage({
        stage: 'screening: announcement',
        base: url('screening'),
        calls: [{ path: `/periods/${period.periodId}/announcement`, token: admin }],
        event: 'AdministrativeResultsAnnounced',
        consumer: 'registration',
      }),
    );
    await pipeline.advanceClock(3 * 86_400_000 + 60_000);
    log('  clock moved past the 3-day appeal filing window (no appeals in this run)');
    await runner.measure(
      periodCallsStage({
        stage: 'screening: finalization',
        base: url('screening'),
        calls: [{ path: `/periods/${period.periodId}/finalization`, token: admin }],
        event: 'ScreeningFinalized',
        consumer: 'skb',
      }),
    );
    const {
      rows: [ms],
    } = await observer.db('screening').query(`SELECT count(*)::int AS n FROM screening.cases WHERE result = 'MS'`);
    const participants: Participants = { expected: ms.n as number, numbers: [] };
    await runner.measure(seatsStage(url('skb'), skbOfficer, period.periodId, participants));
    await runner.measure(scoresStage(url('skb'), skbOfficer, period.periodId, participants));
    await runner.measure(
      periodCallsStage({
        stage: 'skb: results finalized',
        base: url('skb'),
        calls: [{ path: `/periods/${period.periodId}/finalize`, token: skbOfficer }],
        event: 'SkbResultFinalized',
        consumer: 'interview',
      }),
    );
    await runner.measure(interviewStage(url('interview'), panels.panelists, Number(args['interview-concurrency'])));
    await runner.measure(
      periodCallsStage({
        stage: 'interview: period completed',
        base: url('interview'),
        calls: [{ path: `/periods/${period.periodId}/completion`, token: admin }],
        event: 'InterviewPeriodCompleted',
        consumer: 'placement',
        awaitHandover: true,
      }),
    );
    await runner.measure(
      periodCallsStage({
        stage: 'placement: rank, propose, confirm',
        base: url('placement'),
        calls: ['rankings', 'proposal', 'confirmation'].map((step) => ({ path: `/periods/${period.periodId}/${step}`, token: placementOfficer })),
        event: 'CandidatePlaced',
        consumer: 'registration',
        awaitHandover: true,
      }),
    );
    await runner.measure(
      periodCallsStage({
        stage: 'placement: announcement',
        base: url('placement'),
        calls: [{ path: `/periods/${period.periodId}/announcement`, token: admin }],
        event: 'PlacementAnnounced',
        consumer: 'registration',
      }),
    );
    const pipelineSeconds = (Date.now() - pipelineStarted) / 1000;
    load.afterPipeline = loadavg();

    const memory: Record<string, number> = {};
    for (const service of PIPELINE_SERVICES) memory[service] = peakMemoryMb(pipeline.processes(service)[0].child.pid!);
    const {
      rows: [sample],
    } = await observer.db('registration').query(`SELECT payload::text AS body FROM registration.outbox WHERE event_type LIKE '%ApplicationSubmitted%' LIMIT 1`);
    const submissionReport = runner.reports[0];
    const submitTimes = await observer.appliedTimes('ApplicationSubmitted', 'screening');
    await lag.stop();
    await observer.close();
    await stopWithin(pipeline, 20_000);
    pipeline = undefined;

    log(`baseline: kafkajs + pg, ${N.toLocaleString('en-US')} events, no application logic (services stopped)`);
    const baseline = await runBaseline(N, sample.body as string, prefix, log);
    load.afterBaseline = loadavg();

    // Submit-to-visible latency by phase: the steady phase ran at half the measured capacity.
    const s = submission!;
    const byPhase = { opening: [] as number[], steady: [] as number[], surge: [] as number[] };
    for (const [key, at] of submitTimes) {
      const phase = s.phaseOf(key);
      const issued = s.issuedAt(key);
      if (phase && issued !== undefined) byPhase[phase].push(at - issued);
    }
    const phaseSummary = Object.fromEntries(
      (Object.keys(byPhase) as (keyof typeof byPhase)[]).map((p) => [
        p,
        { ...s.phaseWindows[p], submitToVisible: summarize(byPhase[p]), submitRequest: summarize(s.submitMs[p]) },
      ]),
    );
    const lines: BenchLine[] = stageLines(runner.reports, baseline.perSecond);
    lines.push({
      measure: 'whole pipeline (applications/s, all stages)',
      pipeline: N / pipelineSeconds,
      baseline: baseline.perSecond,
      unit: 'apps/s',
      higherIsBetter: true,
    });
    const goal = goals({
      reports: runner.reports,
      baselinePerSecond: baseline.perSecond,
      steadyP99Ms: phaseSummary.steady.submitToVisible?.p99Ms ?? NaN,
      memory,
      pipelineSeconds,
      applications: N,
    });
    const wallSeconds = (Date.now() - runStarted) / 1000;
    reportBench('pipeline', lines, {
      applications: N,
      formations: FORMATIONS,
      'wall time of the pipeline (first submit → placement announced), s': pipelineSeconds,
      'wall time of the whole run incl. start-up, seeding and baseline, s': wallSeconds,
      'preparation (period, staff, seeding N drafts), s': prepSeconds,
      'submit capacity measured in the opening phase, /s': s.capacityPerSecond,
      'share of arrivals in the last 48 h of the window': shareInLast(s.simulatedHours, SURGE_HOURS),
      ...Object.fromEntries(Object.entries(memory).map(([service, mb]) => [`peak memory (VmHWM) of ${service}, MB`, mb])),
      'load average (start / after pipeline / after baseline)': `${load.atStart} / ${load.afterPipeline} / ${load.afterBaseline}`,
    });
    // The detail goes to the JSON only: reportBench prints every extra figure as a line.
    const jsonFile = join(testInfra().repoRoot, '.data', 'bench', 'pipeline.json');
    const written = JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      jsonFile,
      JSON.stringify(
        { ...written, goals: goal, stages: runner.reports, submissionPhases: phaseSummary, baseline, peakMemoryMb: memory, load, lag: lag.samples },
        null,
        2,
      ),
    );
    process.stdout.write(
      `\n  per stage: items, seconds (first call → last applied), items/s, latency (HTTP response → applied downstream) p50/p99, largest lag\n`,
    );
    for (const r of runner.reports) {
      const lagText =
        Object.entries(r.maxLag)
          .filter(([, n]) => n > 0)
          .map(([svc, n]) => `${svc} ${n}`)
          .join(', ') || '0';
      process.stdout.write(
        `  ${r.stage.padEnd(44)} ${String(r.items).padStart(8)} ${r.seconds.toFixed(1).padStart(7)} s ${r.perSecond.toFixed(0).padStart(6)}/s` +
          `  p50 ${r.latency?.p50Ms.toFixed(0).padStart(6)} ms p99 ${r.latency?.p99Ms.toFixed(0).padStart(6)} ms  lag ${lagText}  (${r.consumer}; ${r.httpCalls} calls)\n`,
      );
    }
    for (const g of goal) process.stdout.write(`  goal ${g.met ? 'MET    ' : 'NOT MET'} ${g.text}\n`);
    for (const [p, v] of Object.entries(phaseSummary)) {
      const l = v.submitToVisible;
      process.stdout.write(
        `  ${p.padEnd(8)} ${v.count} submissions${v.offeredPerSecond ? ` offered at ${v.offeredPerSecond.toFixed(0)}/s` : ' at full concurrency'}: submit→case visible p50 ${l?.p50Ms.toFixed(0)} ms, p99 ${l?.p99Ms.toFixed(0)} ms; submit request p99 ${v.submitRequest?.p99Ms.toFixed(0)} ms\n`,
      );
    }
    const dir = join(testInfra().repoRoot, '.data', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'pipeline.svg'),
      renderChart({
        title: `Seleksi national-scale run: ${N.toLocaleString('en-US')} applications, ${FORMATIONS.toLocaleString('en-US')} formations`,
        subtitle: `${new Date().toISOString().slice(0, 16)}Z · pipeline ${pipelineSeconds.toFixed(0)} s · baseline ${baseline.perSecond.toFixed(0)} events/s · load ${load.atStart}`,
        stages: runner.reports.map((r) => ({ name: r.stage, perSecond: r.perSecond })),
        baselinePerSecond: baseline.perSecond,
        arrivals: histogram(s.simulatedHours, 6),
        bucketHours: 6,
        lag: lag.samples,
      }),
    );
    log(`wrote .data/bench/pipeline.json and .data/bench/pipeline.svg; submission stage ${submissionReport.perSecond.toFixed(0)}/s`);
  } catch (error) {
    for (const service of PIPELINE_SERVICES) {
      const logs = pipeline?.processes(service)[0]?.logs() ?? '';
      if (logs) process.stderr.write(`--- ${service} log (tail)\n${logs.slice(-3_000)}\n`);
    }
    throw error;
  } finally {
    await lag.stop().catch(() => undefined);
    await observer.close().catch(() => undefined);
    if (pipeline) await stopWithin(pipeline, 20_000);
  }
}

/** A service that does not finish its shutdown in time is killed: the bench never leaves one behind. */
async function stopWithin(p: Pipeline, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([p.stop().then(() => 'stopped' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    log(`some services did not stop within ${ms / 1000} s of SIGTERM; killing them`);
    killChildren();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
