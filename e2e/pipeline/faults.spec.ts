import { eventType } from '@seleksi/contracts';
import { headersAsStrings, TopicNames } from '@seleksi/messaging';
import { readTopic, testKafka, testKeys } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { FaultDrills } from '../support/faults';
import { Pipeline, PIPELINE_SERVICES, startPipeline } from '../support/pipeline';
import { checkExactlyOnce, runScenario, ScenarioHooks, ScenarioRun } from '../support/scenario';

async function post(url: string, token: string, json?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** An admin opens a small period of its own in registration: nothing in it needs Kafka until the relay publishes. */
async function openPeriod(registration: string, admin: string): Promise<string> {
  const period = await post(`${registration}/admin/periods`, admin, {
    code: `FLT-${randomUUID().slice(0, 6).toUpperCase()}`,
    name: 'Opened while Kafka was down',
    agencyName: 'BKPSDM Kota Contoh',
    timeZone: 'WIB',
    registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
    registrationClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    ageReferenceDate: '2026-12-31',
    ruleVersion: 'faults.1',
    placement: { reportingDate: '2027-03-01' },
  });
  if (period.status !== 201) throw new Error(`creating the period answered ${period.status}: ${JSON.stringify(period.body)}`);
  const periodId = period.body.id as string;
  const formation = await post(`${registration}/admin/periods/${periodId}/formations`, admin, {
    code: 'PK-AP',
    position: 'Pranata Komputer Ahli Pertama',
    unit: 'Command Center',
    formationType: 'general',
    quota: 2,
    requirements: {
      educationLevels: ['S1'],
      acceptedMajors: ['Teknik Informatika'],
      minimumGpa: 3,
      documents: [{ type: 'ijazah', mediaType: 'application/pdf', maxBytes: 819200 }],
    },
  });
  if (formation.status !== 201) throw new Error(`adding the formation answered ${formation.status}: ${JSON.stringify(formation.body)}`);
  const opened = await post(`${registration}/admin/periods/${periodId}/open`, admin);
  if (opened.status !== 201) throw new Error(`opening the period answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  return periodId;
}

/** How many submissions of the surge (a few hundred) registration takes before the broker goes down. */
const SURGE_SUBMISSIONS_BEFORE_RESTART = 40;

/**
 * The drills spread over a scenario's phases, each where it hurts: the broker goes down in the
 * middle of the submission surge (and an admin opens a period meanwhile), screening dies while it
 * ingests the backlog, each other service dies while its relay publishes or its consumer applies,
 * already-delivered batches of each stage's key event arrive again, and every topic gets its
 * poison while real events flow around it.
 */
function scenarioFaultHooks(drills: FaultDrills, whileBrokerDown: () => Promise<void>): ScenarioHooks {
  // No hook reaches the middle of the surge: a watcher stops the broker once it is under way, so the
  // rest of the submissions (and the late ones) are accepted while Kafka is down.
  const surge = drills.when(
    'the submission surge is under way',
    async () => (await drills.outboxCount('registration', 'ApplicationSubmitted')) >= SURGE_SUBMISSIONS_BEFORE_RESTART,
    async () => {
      await drills.restartBroker(whileBrokerDown);
      await drills.killWhileConsuming('screening');
    },
  );
  return {
    async afterActions(phase) {
      switch (phase) {
        case 'registration':
          await surge;
          await drills.publishMalformed('registration');
          break;
        case 'screening':
          await drills.publishMalformed('screening');
          await drills.killAndRestart('registration');
          break;
        case 'skb':
          await drills.publishMalformed('skb');
          await drills.killAndRestart('skb');
          break;
        case 'interview':
          await drills.publishMalformed('interview');
          await drills.killAndRestart('interview');
          break;
        case 'placement':
          await drills.publishMalformed('placement');
          await drills.killAndRestart('placement');
          break;
        case 'appeals':
          break;
      }
    },
    async afterPhase(phase) {
      switch (phase) {
        case 'registration':
          await drills.redeliver('registration', ['ApplicationSubmitted'], 40);
          break;
        case 'appeals':
          await drills.redeliver('screening', ['ScreeningFinalized'], 30);
          break;
        case 'skb':
          await drills.redeliver('skb', ['SkbResultFinalized'], 30);
          break;
        case 'interview':
          await drills.redeliver('interview', ['InterviewCompleted'], 20);
          break;
        case 'screening':
        case 'placement':
          break;
      }
    },
  };
}

/**
 * The recruitment period of scenario.spec.ts with every drill of issue 8 spread over its phases:
 * the outcome must be what a run without faults gives, every event applied exactly once, and the
 * dead-letter topics must hold the poison and nothing else.
 */
describe('a recruitment period under fault drills', () => {
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[faults +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
  const kafka = testKafka('fault-drills-spec');
  let pipeline: Pipeline;
  let drills: FaultDrills;
  let run: ScenarioRun;
  let periodOpenedWhileDown: string | undefined;

  beforeAll(async () => {
    pipeline = await startPipeline({ basePort: 3231, readyTimeoutMs: 240_000 });
    drills = new FaultDrills(pipeline, kafka, log);
    const admin = testKeys().mint(randomUUID(), ['admin']);
    const whileDown = async () => {
      periodOpenedWhileDown = await openPeriod(pipeline.url('registration'), admin);
    };
    run = await runScenario(pipeline, { log, hooks: scenarioFaultHooks(drills, whileDown) });
    await drills.waitUntilSettled();
  }, 900_000);

  afterAll(async () => {
    await drills?.dispose();
    await pipeline?.stop();
  });

  it('ran every drill: one broker restart, one SIGKILL per service, four batches twice, poison on five topics', () => {
    const count = (fault: string) => drills.records.filter((r) => r.fault === fault).length;
    expect([count('broker restart'), count('redelivery'), count('malformed events')]).toEqual([1, 4, 5]);
    expect(
      drills.records
        .filter((r) => r.fault === 'SIGKILL and restart')
        .map((r) => r.target)
        .sort(),
    ).toEqual(PIPELINE_SERVICES.map((s) => `${s}#0`).sort());
    expect(drills.redelivered.length).toBe(40 + 30 + 30 + 20);
    // The broker came back to submissions it had not carried yet. (What each SIGKILL caught in flight
    // depends on how fast the machine drains the backlog; the log line of each drill says.)
    const inFlight = (target: string) => drills.records.find((r) => r.target === target)?.inFlight;
    expect(inFlight('broker')).toBeGreaterThan(0);
  });

  it('shows every applicant the outcome a run without faults gives', () => {
    expect(run.mismatches).toEqual([]);
    expect(run.expected.size).toBe(300);
  });

  it('applies every event exactly once and loses none, those of calls made while the broker was down included', async () => {
    expect(await checkExactlyOnce(pipeline, run)).toEqual([]);
    expect(await drills.checkInboxes()).toEqual([]);
    const downPeriodEvents = new Set<string>();
    for (const { message } of await readTopic(kafka, new TopicNames(pipeline.prefix).of('registration'))) {
      const h = headersAsStrings(message.headers);
      if (h.ce_subject === periodOpenedWhileDown) downPeriodEvents.add(h.ce_type);
    }
    expect([...downPeriodEvents].sort()).toEqual([eventType('FormationPublished'), eventType('PeriodOpened')].sort());
  }, 120_000);

  it('holds exactly the malformed events in the dead-letter topics, once per service that reads them', async () => {
    const letters = await drills.readDeadLetters();
    const { problems, crashCopies } = drills.checkDeadLetters(letters);
    expect(problems).toEqual([]);
    // The consumer commits past a dead letter as soon as it is sent; one killed in the milliseconds
    // between the two sends it again after the restart. That remaining gap is reported, not hidden
    // (closing it needs a transactional dead-letter producer); any other copy fails above.
    for (const copy of crashCopies) log(`known gap: ${copy}`);
    // Every reader of a topic rejects the unreadable and the unknown event, and every handler the
    // contract breach (PeriodOpened, ScreeningFinalized, SkbResultFinalized, InterviewCompleted,
    // CandidatePlaced): registration 4+4+4, screening 2+2+2, skb 3+3+3, interview 2+2+2, placement 1+1+1.
    expect(letters.length - crashCopies.length).toBe(36);
  }, 120_000);
});
