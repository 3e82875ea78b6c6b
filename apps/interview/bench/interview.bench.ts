/**
 * npm run bench:interview [-- --candidates=N --formations=N --panels=N --events=N]
 *
 * Candidate placement, the interview service's hot path, with the service's own code:
 * 1. batch: CandidatePlacementService.place over N waiting candidates (default 50,000) in one
 *    transaction, as when an admin assigns formations to panels (assignment, shared-family recusals,
 *    quorum check), beside a baseline: one UPDATE giving each candidate its formation's panel (no
 *    load balancing, recusal or quorum), the least any placement must do;
 * 2. per event: E SkbResultFinalized effects (default 2,000), each its own transaction as the
 *    consumer runs it (insert + place), beside the bare insert the service did before panels existed.
 * Inputs are inserted with SQL as the interview role (not measured). Before any figure is printed the
 * result is checked: every candidate placed, recusals exactly the shared-KK pairs, no panel below quorum.
 */
import { SkbResultFinalized } from '@seleksi/contracts';
import { SystemClock } from '@seleksi/messaging';
import { connectAsService, freshSchema, peakMemoryMb, percentile, reportBench, timed } from '@seleksi/testing';
import { createHash } from 'node:crypto';
import { CandidatesRepository } from '../src/candidates/candidates.repository';
import { INTERVIEW_MIGRATIONS } from '../src/migrations';
import { CandidatePlacementService } from '../src/panels/candidate-placement.service';
import { PlacementRepository } from '../src/panels/placement.repository';

function flag(name: string, fallback: number): number {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
}

const CANDIDATES = flag('candidates', 50_000);
const FORMATIONS = flag('formations', 500);
const PANELS = flag('panels', 250);
const EVENTS = flag('events', 2_000);
const MEMBERS = 5;
const PERIOD = '00000000-0000-4000-8000-0000000b1e01';
const uuid = (s: string) => {
  const h = createHash('md5').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

async function main(): Promise<void> {
  await freshSchema('interview');
  const ds = await connectAsService('interview', INTERVIEW_MIGRATIONS, 4);
  try {
    await ds.query(
      `INSERT INTO interview.periods (period_id, rule_version, time_zone, scale_min, scale_max, calibration_threshold, minimum_panel_size)
       VALUES ($1, 'bench-1', 'WIB', 1, 5, 2, 3)`,
      [PERIOD],
    );
    await ds.query(
      `INSERT INTO interview.formations (formation_id, period_id, code, position, unit)
       SELECT md5('f' || g)::uuid, $1, 'F' || g, 'Posisi ' || g, 'Unit' FROM generate_series(1, $2) g`,
      [PERIOD, FORMATIONS],
    );
    await ds.query(
      `INSERT INTO interview.panels (panel_id, period_id, name, created_by, created_at)
       SELECT md5('p' || g)::uuid, $1, 'Panel ' || g, $1, now() FROM generate_series(1, $2) g`,
      [PERIOD, PANELS],
    );
    // Member m of panel g has KK digest 'kk-g-m' (member 1 chairs); every 97th candidate shares a family with
    // member 2 of its panel, so is recused from them but stays (a recused chair would move the candidate, a rare case).
    await ds.query(
      `INSERT INTO interview.panel_members (panel_id, panelist_id, display_name, kk_digest, is_chair)
       SELECT md5('p' || g)::uuid, md5('m' || g || '-' || m)::uuid, 'Panelis ' || m, 'kk-' || g || '-' || m, m = 1
         FROM generate_series(1, $1) g, generate_series(1, $2) m`,
      [PANELS, MEMBERS],
    );
    await ds.query(
      `INSERT INTO interview.panel_formations (panel_id, formation_id, assigned_at)
       SELECT md5('p' || (1 + (g - 1) % $2))::uuid, md5('f' || g)::uuid, now() FROM generate_series(1, $1) g`,
      [FORMATIONS, PANELS],
    );
    const insertCandidates = (prefix: string, from: number, to: number) =>
      ds.query(
        `INSERT INTO interview.candidates (application_id, period_id, formation_id, participant_number, kk_digest, skb_total, skb_rank, rule_version)
         SELECT md5($2 || i)::uuid, $1, md5('f' || (1 + i % $5))::uuid, $2 || i,
                CASE WHEN i % 97 = 0 THEN 'kk-' || (1 + (i % $5) % $6) || '-2' ELSE md5('kk' || i) END, 80, 1, 'bench-1'
           FROM generate_series($3::int, $4::int) i`,
        [PERIOD, prefix, from, to, FORMATIONS, PANELS],
      );
    await insertCandidates('a', 1, CANDIDATES);
    await insertCandidates('b', 1, CANDIDATES);
    const ids = (prefix: string) => Array.from({ length: CANDIDATES }, (_, k) => uuid(`${prefix}${k + 1}`));

    const placement = new CandidatePlacementService(new PlacementRepository(), new SystemClock());
    const batch = await timed(() => ds.transaction((m) => placement.place(m, ids('a'))));
    const baseline = await timed(() =>
      ds.query(
        `UPDATE interview.candidates c SET panel_id = pf.panel_id, status = 'ASSIGNED'
           FROM interview.panel_formations pf WHERE pf.formation_id = c.formation_id AND c.application_id = ANY($1::uuid[])`,
        [ids('b')],
      ),
    );

    const [check] = await ds.query(
      `SELECT count(*) FILTER (WHERE status = 'ASSIGNED')::int AS assigned,
              (SELECT count(*)::int FROM interview.recusals) AS recusals,
              count(*) FILTER (WHERE kk_digest LIKE 'kk-%')::int AS families
         FROM interview.candidates WHERE participant_number LIKE 'a%'`,
    );
    if (check.assigned !== CANDIDATES) throw new Error(`only ${check.assigned} of ${CANDIDATES} candidates placed`);
    if (check.recusals !== check.families) throw new Error(`${check.recusals} recusals for ${check.families} shared families`);
    const short = await new PlacementRepository().shortOfPanelists(ds.manager, ids('a'));
    if (short.length > 0) throw new Error(`${short.length} candidates on panels below quorum`);

    const candidates = new CandidatesRepository();
    const result = (prefix: string, i: number): SkbResultFinalized =>
      ({
        applicationId: uuid(`${prefix}${i}`),
        periodId: PERIOD,
        formationId: uuid(`f${1 + (i % FORMATIONS)}`),
        participantNumber: `${prefix}${i}`,
        kkDigest: i % 97 === 0 ? `kk-${1 + ((i % FORMATIONS) % PANELS)}-2` : `kk${i}`,
        total: 80,
        rank: 1,
        ruleVersion: 'bench-1',
      }) as SkbResultFinalized;
    const perEvent: number[] = [];
    const bare: number[] = [];
    for (let i = 1; i <= EVENTS; i++) {
      perEvent.push(
        (
          await timed(() =>
            ds.transaction(async (m) => {
              if (await candidates.add(m, result('e', i))) await placement.place(m, [result('e', i).applicationId]);
            }),
          )
        ).ms,
      );
      bare.push((await timed(() => ds.transaction((m) => candidates.add(m, result('x', i))))).ms);
    }
    const [eventCheck] = await ds.query(`SELECT count(*)::int AS n FROM interview.candidates WHERE participant_number LIKE 'e%' AND status = 'ASSIGNED'`);
    if (eventCheck.n !== EVENTS) throw new Error(`only ${eventCheck.n} of ${EVENTS} event candidates placed`);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

    reportBench(
      'interview',
      [
        {
          measure: `batch placement (${CANDIDATES} candidates)`,
          pipeline: CANDIDATES / (batch.ms / 1000),
          baseline: CANDIDATES / (baseline.ms / 1000),
          unit: 'cand/s',
          higherIsBetter: true,
        },
        { measure: 'SkbResultFinalized effect, p50', pipeline: percentile(perEvent, 50), baseline: percentile(bare, 50), unit: 'ms', higherIsBetter: false },
        { measure: 'SkbResultFinalized effect, p95', pipeline: percentile(perEvent, 95), baseline: percentile(bare, 95), unit: 'ms', higherIsBetter: false },
        {
          measure: 'SkbResultFinalized effects, serial',
          pipeline: EVENTS / (sum(perEvent) / 1000),
          baseline: EVENTS / (sum(bare) / 1000),
          unit: 'ev/s',
          higherIsBetter: true,
        },
      ],
      { candidates: CANDIDATES, formations: FORMATIONS, panels: PANELS, events: EVENTS, recusals: check.recusals, peakMemoryMb: peakMemoryMb() },
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
