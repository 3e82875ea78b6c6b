/**
 * Registration: the period with its formations, opened by an admin, verifiers registered in
 * screening, the bulk-seeded drafts, then the submissions through registration's HTTP API in the
 * three phases of arrivals.ts.
 */
import { sampleJpeg } from '@seleksi/testing';
import { openLoopOffsets, Phase, planArrivals, simulatedHour } from './arrivals';
import { call, CallResult, epochMs, expectStatus, pool } from './http';
import { Trigger } from './measure';
import { SeededApplicant } from './seed';

export const POSITIONS = [
  'Pranata Komputer Ahli Pertama',
  'Pranata Komputer Terampil',
  'Programmer Website',
  'Programmer Aplikasi Mobile',
  'Analis Sistem',
  'Administrator Jaringan',
  'Desainer Grafis',
  'Pengelola Peralatan Multimedia',
];
export const PHOTO = sampleJpeg(2_048);

export interface PeriodSetup {
  periodId: string;
  formationIds: string[];
  formationCodes: string[];
  closesAt: Date;
}

export async function createPeriod(
  registration: string,
  admin: string,
  o: { code: string; formations: number; quota: number; log: (line: string) => void },
): Promise<PeriodSetup> {
  const now = Date.now();
  // The window opened 29 days ago and closes in a week of service time: the bench moves the clock past it.
  const closesAt = new Date(now + 7 * 86_400_000);
  const period = expectStatus(
    await call(registration, 'POST', '/admin/periods', {
      token: admin,
      json: {
        code: o.code,
        name: 'Seleksi nasional (bench)',
        agencyName: 'Badan Kepegawaian Negara',
        timeZone: 'WIB',
        registrationOpensAt: new Date(now - 29 * 86_400_000).toISOString(),
        registrationClosesAt: closesAt.toISOString(),
        ageReferenceDate: '2026-12-31',
        ruleVersion: 'bench.1',
        skb: {
          components: [{ component: 'cat', label: 'CAT', source: 'IMPORT', weight: 100, maxScore: 500, passingGrade: 200 }],
          totalPassingGrade: 40,
          proceedFactor: 3,
          disabilityExtraMinutes: 30,
        },
        // One panelist per panel keeps the interview at three calls per candidate; the rules allow it.
        interview: { scaleMin: 1, scaleMax: 5, calibrationThreshold: 4, minimumPanelSize: 1 },
        placement: { reportingDate: '2027-06-01' },
      },
    }),
    201,
    'create period',
  ).body;
  const formationIds: string[] = [];
  const formationCodes: string[] = [];
  await pool(
    Array.from({ length: o.formations }, (_, i) => i),
    8,
    async (i) => {
      const code = `F${String(i + 1).padStart(5, '0')}`;
      const formation = expectStatus(
        await call(registration, 'POST', `/admin/periods/${period.id}/formations`, {
          token: admin,
          json: {
            code,
            position: POSITIONS[i % POSITIONS.length],
            unit: `Unit ${Math.floor(i / POSITIONS.length) + 1}`,
            formationType: 'general',
            quota: o.quota,
            requirements: {
              educationLevels: ['S1'],
              acceptedMajors: ['Teknik Informatika', 'Sistem Informasi'],
              minimumGpa: 3,
              documents: [{ type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 204_800 }],
            },
          },
        }),
        201,
        `formation ${code}`,
      ).body;
      formationIds[i] = formation.id;
      formationCodes[i] = code;
    },
  );
  o.log(`  period ${o.code}: ${o.formations} formations created`);
  expectStatus(await call(registration, 'POST', `/admin/periods/${period.id}/open`, { token: admin }), 201, 'open period');
  return { periodId: period.id, formationIds, formationCodes, closesAt };
}

export interface SubmissionResult extends Trigger {
  /** Simulated hour of the window each submission stands for. */
  simulatedHours: number[];
  capacityPerSecond: number;
  phaseOf(key: string): Phase | undefined;
  /** Submit request round trips (ms) per phase. */
  submitMs: Record<Phase, number[]>;
  phaseWindows: Record<Phase, { fromMs: number; toMs: number; count: number; offeredPerSecond: number | null }>;
}

/** Submits every seeded application through registration, phase by phase (see arrivals.ts). */
export async function submitAll(
  registration: string,
  applicants: SeededApplicant[],
  o: { concurrency: number; log: (line: string) => void },
): Promise<SubmissionResult> {
  const plan = planArrivals(applicants.length);
  const responded = new Map<string, number>();
  const simulatedHours: number[] = [];
  const phases = new Map<string, Phase>();
  const submitMs: Record<Phase, number[]> = { opening: [], steady: [], surge: [] };
  let calls = 0;
  const refused: Record<string, number> = {};
  const submit = async (a: SeededApplicant, phase: Phase, fraction: number) => {
    // A phone that gets a 5xx or no answer tries again, as an applicant would; the Idempotency-Key
    // makes the retry safe, and the refusals are counted in the report.
    let res: CallResult | undefined;
    for (let attempt = 0; ; attempt += 1) {
      res = await call(registration, 'POST', `/applications/${a.applicationId}/submit`, {
        token: a.token,
        headers: { 'idempotency-key': `bench-${a.applicationId}` },
      }).catch((error: Error) => ({ status: 0, body: error.message, at: performance.now(), ms: 0 }));
      calls += 1;
      if ((res.status < 500 && res.status !== 0) || attempt >= 6) break;
      refused[res.status] = (refused[res.status] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
    expectStatus(res, [200, 201], 'submit');
    responded.set(a.applicationId, epochMs(res.at));
    phases.set(a.applicationId, phase);
    submitMs[phase].push(res.ms);
    simulatedHours.push(simulatedHour(phase, fraction));
  };
  const progress = setInterval(
    () => o.log(`[submission] ${responded.size.toLocaleString('en-US')}/${applicants.length.toLocaleString('en-US')} submitted`),
    5_000,
  );
  const windows = {} as SubmissionResult['phaseWindows'];
  try {
    // Opening: as fast as the service takes them, which measures the capacity of the submit path.
    const opening = applicants.slice(0, plan.opening);
    let from = Date.now();
    await pool(opening, o.concurrency, (a, i) => submit(a, 'opening', i / Math.max(1, opening.length - 1)));
    const capacity = opening.length / ((Date.now() - from) / 1000);
    windows.opening = { fromMs: from, toMs: Date.now(), count: opening.length, offeredPerSecond: null };
    o.log(`[submission] opening: ${opening.length} at full concurrency → capacity ${capacity.toFixed(0)}/s; steady phase at ${(capacity / 2).toFixed(0)}/s`);

    // Steady: open loop at half the capacity; each arrival starts on schedule whatever the others do.
    const steady = applicants.slice(plan.opening, plan.opening + plan.steady);
    const offsets = openLoopOffsets(steady.length, capacity / 2);
    // Should the service fall behind the schedule, at most the bench's concurrency stays in
    // flight and later arrivals wait in the bench (their latency counts from their own response).
    from = Date.now();
    let inFlight = 0;
    let failure: unknown;
    const started: Promise<void>[] = [];
    for (const [i, a] of steady.entries()) {
      if (failure) break;
      const wait = from + offsets[i] - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (inFlight >= o.concurrency) await new Promise((r) => setTimeout(r, 5));
      inFlight += 1;
      started.push(
        submit(a, 'steady', i / Math.max(1, steady.length - 1))
          .catch((error: unknown) => void (failure ??= error))
          .finally(() => (inFlight -= 1)),
      );
    }
    await Promise.all(started);
    if (failure) throw failure;
    windows.steady = { fromMs: from, toMs: Date.now(), count: steady.length, offeredPerSecond: capacity / 2 };

    // Surge: the last 48 hours, everyone at once up to the bench's concurrency.
    const surge = applicants.slice(plan.opening + plan.steady);
    from = Date.now();
    await pool(surge, o.concurrency, (a, i) => submit(a, 'surge', i / Math.max(1, surge.length - 1)));
    windows.surge = { fromMs: from, toMs: Date.now(), count: surge.length, offeredPerSecond: null };
    return {
      httpCalls: calls,
      issuedAt: (key) => responded.get(key),
      simulatedHours,
      capacityPerSecond: capacity,
      phaseOf: (key) => phases.get(key),
      submitMs,
      phaseWindows: windows,
      notes: [
        `phases: opening ${plan.opening}, steady ${plan.steady} at ${(capacity / 2).toFixed(0)}/s, surge ${plan.surge} at concurrency ${o.concurrency}`,
        `submits answered 5xx or not at all, then retried: ${JSON.stringify(refused)}`,
      ],
    };
  } finally {
    clearInterval(progress);
  }
}
