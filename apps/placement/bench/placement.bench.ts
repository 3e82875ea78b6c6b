/**
 * npm run bench:placement [-- --candidates=N --formations=N --runs=N]
 *
 * Integrates, ranks and allocates N candidates (default 1,000,000) over F formations (default
 * 10,000) with the service's own code (RankingRepository.candidates → computeRankings → allocate),
 * beside a baseline measured in the same run on the same rows: the same ranking as one SQL
 * window-function statement. Inputs are inserted with SQL as the placement role (not measured).
 * The two rankings are compared row by row before any figure is reported.
 */
import { connectAsService, freshSchema, peakMemoryMb, reportBench, timed } from '@seleksi/testing';
import { DataSource } from 'typeorm';
import { allocate } from '../src/allocation/allocate';
import { PLACEMENT_MIGRATIONS } from '../src/migrations';
import { computeRankings } from '../src/ranking/compute';
import { RankingRepository } from '../src/ranking/ranking.repository';
import { TieBreaker } from '../src/ranking/rank-formation';

function flag(name: string, fallback: number): number {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
}

const CANDIDATES = flag('candidates', 1_000_000);
const FORMATIONS = flag('formations', 10_000);
const RUNS = flag('runs', 2);
const PERIOD = '00000000-0000-4000-8000-00000000be4c';
const RULES = {
  ruleVersion: 'bench-1',
  stageWeights: { skb: 60, interview: 40 },
  tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'] as TieBreaker[],
};

/**
 * The formation of candidate i: spread by a hash, except that every 7th formation gets nobody, so its
 * seats are left for optimalisasi.
 */
const FORMATION_OF = `(CASE WHEN (1 + abs(hashtext('f' || i)) % $4) % 7 = 0 THEN 2 + abs(hashtext('f' || i)) % $4 ELSE 1 + abs(hashtext('f' || i)) % $4 END)`;

async function setup(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO placement.periods (period_id, rule_version, time_zone, stage_weights, tie_break_chain, optimalisasi_scope, override_needs_second_approval, reporting_date)
     VALUES ($1, $2, 'WIB', $3, $4, 'POSITION_AND_EDUCATION', true, '2099-01-04')`,
    [PERIOD, RULES.ruleVersion, JSON.stringify(RULES.stageWeights), JSON.stringify(RULES.tieBreakChain)],
  );
  await ds.query(
    `INSERT INTO placement.formations (formation_id, period_id, code, position, unit, formation_type, quota, education_levels)
     SELECT md5('f' || g)::uuid, $1, 'F' || g, 'Posisi ' || (g % 500), 'Unit ' || g, 'general', g % 12, CASE WHEN g % 3 = 0 THEN '{D3}'::text[] ELSE '{S1}'::text[] END
       FROM generate_series(1, $2) g`,
    [PERIOD, FORMATIONS],
  );
  // Scores on a coarse grid so that final scores tie often and the chain (and exact ties) matter.
  const CHUNK = 100_000;
  for (let from = 1; from <= CANDIDATES; from += CHUNK) {
    const to = Math.min(CANDIDATES, from + CHUNK - 1);
    await ds.query(
      `INSERT INTO placement.stage_results (application_id, stage, period_id, formation_id, event_id, issued_at, result)
       SELECT md5('a' || i)::uuid, 'skb', $1, md5('f' || ${FORMATION_OF})::uuid, md5('es' || i)::uuid, now(),
              jsonb_build_object('applicationId', md5('a' || i)::uuid, 'applicantId', md5('p' || i)::uuid,
                'total', round((abs(hashtext('s' || i)) % 80) / 2.0 + 60, 1), 'outcome', 'P/L', 'proceeds', abs(hashtext('p' || i)) % 20 <> 0,
                'components', jsonb_build_array(jsonb_build_object('component', 'cat', 'value', 300 + abs(hashtext('c' || i)) % 20),
                                                jsonb_build_object('component', 'practical', 'value', 70)),
                'gpa', 3 + (abs(hashtext('g' || i)) % 4) / 4.0, 'dateOfBirth', to_char(date '1990-01-01' + abs(hashtext('d' || i)) % 200, 'YYYY-MM-DD'))
         FROM generate_series($2::bigint, $3::bigint) i`,
      [PERIOD, from, to, FORMATIONS],
    );
    await ds.query(
      `INSERT INTO placement.stage_results (application_id, stage, period_id, formation_id, event_id, issued_at, result)
       SELECT md5('a' || i)::uuid, 'interview', $1, md5('f' || ${FORMATION_OF})::uuid, md5('ei' || i)::uuid, now(),
              jsonb_build_object('applicationId', md5('a' || i)::uuid, 'outcome', CASE WHEN i % 50 = 0 THEN 'ABSENT' ELSE 'SCORED' END,
                'total', CASE WHEN i % 50 = 0 THEN NULL ELSE round((abs(hashtext('i' || i)) % 60) / 2.0 + 70, 1) END)
         FROM generate_series($2::bigint, $3::bigint) i`,
      [PERIOD, from, to, FORMATIONS],
    );
  }
  await ds.query(`ANALYZE placement.stage_results`);
}

/** The baseline: the same eligibility, integration, rounding and tie-break chain in one window statement. */
const BASELINE_SQL = `
  SELECT application_id, formation_id, final::float8 AS final,
         row_number() OVER (PARTITION BY formation_id ORDER BY final DESC, skb DESC, cat DESC NULLS LAST, gpa DESC, dob ASC, application_id ASC)::int AS rank
    FROM (SELECT s.application_id, s.formation_id,
                 round((60 * (s.result->>'total')::numeric + 40 * (i.result->>'total')::numeric) / 100, 4) AS final,
                 (s.result->>'total')::numeric AS skb,
                 (SELECT (c->>'value')::numeric FROM jsonb_array_elements(s.result->'components') c WHERE c->>'component' = 'cat' LIMIT 1) AS cat,
                 (s.result->>'gpa')::numeric AS gpa, s.result->>'dateOfBirth' AS dob
            FROM placement.stage_results s
            JOIN placement.stage_results i ON i.application_id = s.application_id AND i.stage = 'interview'
            JOIN placement.formations f ON f.formation_id = s.formation_id AND f.period_id = s.period_id
           WHERE s.period_id = $1 AND s.stage = 'skb' AND (s.result->>'proceeds')::boolean
             AND i.result->>'outcome' = 'SCORED' AND s.result->>'total' IS NOT NULL) x`;

async function main(): Promise<void> {
  process.stdout.write(`placement bench: ${CANDIDATES} candidates over ${FORMATIONS} formations, ${RUNS} runs each\n`);
  await freshSchema('placement');
  const ds = await connectAsService('placement', PLACEMENT_MIGRATIONS, 2);
  const setupTime = await timed(() => setup(ds));
  process.stdout.write(`  setup (not measured): ${(setupTime.ms / 1000).toFixed(1)} s\n`);
  const repo = new RankingRepository(ds);

  const loads: number[] = [];
  const pipelineRanking = async () => {
    const started = process.hrtime.bigint();
    const candidates = await repo.candidates(ds.manager, PERIOD);
    const formations = await repo.formations(ds.manager, PERIOD);
    loads.push(Number(process.hrtime.bigint() - started) / 1e6);
    const computed = computeRankings(
      candidates,
      formations.map((f) => f.formationId),
      RULES,
    );
    return { computed, formations };
  };

  // Warm the buffer cache once for both, then alternate.
  await ds.query(BASELINE_SQL, [PERIOD]);
  const baseline: number[] = [];
  const ranking: number[] = [];
  const allocation: number[] = [];
  let last: Awaited<ReturnType<typeof pipelineRanking>> | undefined;
  let baseRows: { application_id: string; rank: number; final: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const b = await timed(() => ds.query(BASELINE_SQL, [PERIOD]) as Promise<typeof baseRows>);
    baseline.push(b.ms);
    baseRows = b.result;
    last = undefined;
    global.gc?.();
    const r = await timed(pipelineRanking);
    ranking.push(r.ms);
    last = r.result;
    const a = await timed(async () =>
      allocate({
        formations: last!.formations,
        ranked: last!.computed.entries
          .filter((e) => e.rank !== null)
          .map((e) => ({ applicationId: e.applicationId, formationId: e.formationId, rank: e.rank!, finalScore: e.finalScore! })),
        scope: 'POSITION_AND_EDUCATION',
      }),
    );
    allocation.push(a.ms);
    if (run === RUNS - 1) process.stdout.write(`  placed ${a.result.length} (${a.result.filter((x) => x.kind === 'OPTIMALISASI').length} by optimalisasi)\n`);
  }

  // Storing it, as POST /rankings does (one run each): the service's unnest inserts of every entry
  // and digest, beside the baseline writing its window-function ranking into a table.
  const lastEntries = last!.computed;
  const store = await timed(() =>
    ds.transaction((manager) =>
      repo.replace(
        manager,
        PERIOD,
        lastEntries.entries,
        [...lastEntries.digests].map(([formationId, digest]) => ({ formationId, digest })),
        RULES,
        new Date(),
        PERIOD,
      ),
    ),
  );
  await ds.query(`CREATE TABLE placement.bench_baseline (application_id uuid, formation_id uuid, final float8, rank int)`);
  const baseStore = await timed(() => ds.query(`INSERT INTO placement.bench_baseline ${BASELINE_SQL}`, [PERIOD]));

  // Same ranking, row by row, before any figure counts.
  const ours = new Map<string, { rank: number; final: number }>();
  for (const e of last!.computed.entries) if (e.rank !== null) ours.set(e.applicationId, { rank: e.rank, final: e.finalScore! });
  if (ours.size !== baseRows.length) throw new Error(`ranked ${ours.size}, baseline ranked ${baseRows.length}`);
  for (const row of baseRows) {
    const mine = ours.get(row.application_id);
    if (!mine || mine.rank !== row.rank || mine.final !== row.final) {
      throw new Error(`ranking differs for ${row.application_id}: ours ${JSON.stringify(mine)}, baseline rank ${row.rank} final ${row.final}`);
    }
  }
  const exactTies = last!.computed.entries.filter((e) => e.exactTie).length;
  const best = (xs: number[]) => Math.min(...xs);
  const rankMs = best(ranking);
  const allocMs = best(allocation);
  reportBench(
    'placement',
    [
      { measure: 'ranking: load + integrate + rank (ms)', pipeline: rankMs, baseline: best(baseline), unit: 'ms', higherIsBetter: false },
      { measure: 'ranking + allocation (ms)', pipeline: rankMs + allocMs, baseline: best(baseline), unit: 'ms', higherIsBetter: false },
      { measure: 'ranking + storing it (ms)', pipeline: rankMs + store.ms, baseline: baseStore.ms, unit: 'ms', higherIsBetter: false },
    ],
    {
      candidates: CANDIDATES,
      formations: FORMATIONS,
      ranked: ours.size,
      exactTies,
      allocationMs: allocMs,
      storeMs: store.ms,
      loadRunsMs: loads.map((x) => Math.round(x)).join(' '),
      rankingRunsMs: ranking.map((x) => Math.round(x)).join(' '),
      baselineRunsMs: baseline.map((x) => Math.round(x)).join(' '),
      peakMemoryMb: peakMemoryMb(),
      sameRankingAsBaseline: true,
    },
  );
  await ds.destroy();
}

main().catch((error: Error) => {
  process.stderr.write(`placement bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
