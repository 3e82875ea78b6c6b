import { ScenarioContext } from './context';
import { call, Json, ok, until } from './http';

/** The targets of the officers' and applicant's own choices, for the model to follow. */
export interface PlacementActions {
  overriddenOut: string;
  overriddenIn: string;
  declined: string;
  replacements: number;
}

/**
 * Placement: rankings, the proposal (with optimalisasi), one override in C by an officer approved by a
 * second officer, confirmation, announcement, and after it a decline in A by its best candidate.
 */
export async function placementPhase(ctx: ScenarioContext, problems: string[]): Promise<PlacementActions> {
  const [first, second] = ctx.officers;
  const base = `/periods/${ctx.periodId}`;
  // Refused (409 HANDOVER_*) until placement holds every result skb's and interview's closing counts name.
  const ranked = await until(
    'placement to hold everything skb and interview handed over',
    () => call(ctx.url('placement'), 'POST', `${base}/rankings`, { token: first.token }),
    (r) => r.status !== 409 || !String(r.body?.code).startsWith('HANDOVER_'),
    ctx.effectTimeoutMs,
    500,
  );
  if (ranked.status !== 200) throw new Error(`placement rankings answered ${ranked.status}: ${JSON.stringify(ranked.body).slice(0, 300)}`);
  const rankings: Json = ranked.body;
  const proposal = await ok(ctx.url('placement'), 'POST', `${base}/proposal`, { token: first.token });
  const placements = proposal.placements as Json[];
  ctx.log(`placement: ${rankings.ranked} ranked (${rankings.notRanked} not, ${rankings.exactTies} exact ties); proposal of ${placements.length} seats`);

  const inC = placements.filter((p) => p.formationId === ctx.formationIds.C && p.kind === 'REGULAR').sort((x, y) => y.rank - x.rank)[0];
  if (!inC) throw new Error('the proposal has no regular seat in C to override');
  const rankingC = await ok(ctx.url('placement'), 'GET', `${base}/formations/${ctx.formationIds.C}/ranking`, { token: first.token });
  const next = (rankingC.entries as Json[]).find((e) => e.rank === inC.rank + 1);
  if (!next) throw new Error(`C has no candidate ranked ${inC.rank + 1} to put in by override`);
  const override = await ok(ctx.url('placement'), 'POST', `${base}/placements/${inC.placementId}/override`, {
    token: first.token,
    json: { applicationId: next.applicationId, reason: 'Peringkat berikutnya memiliki sertifikasi jaringan yang dibutuhkan unit.' },
  });
  // Four eyes: the proposal cannot be confirmed while the override waits, and its author cannot approve it.
  const early = await call(ctx.url('placement'), 'POST', `${base}/confirmation`, { token: first.token });
  if (early.status !== 409 || early.body.code !== 'OVERRIDE_PENDING_APPROVAL')
    problems.push(`confirmation with a pending override answered ${early.status} ${early.body.code}`);
  const self = await call(ctx.url('placement'), 'POST', `${base}/overrides/${override.overrideId}/approval`, { token: first.token });
  if (self.body.code !== 'SECOND_OFFICER_REQUIRED') problems.push(`self-approval of an override answered ${self.status} ${self.body.code}`);
  await ok(ctx.url('placement'), 'POST', `${base}/overrides/${override.overrideId}/approval`, { token: second.token });
  await ok(ctx.url('placement'), 'POST', `${base}/confirmation`, { token: first.token });
  await ok(ctx.url('placement'), 'POST', `${base}/announcement`, { token: ctx.admin.token });

  const bestOfA = placements.find((p) => p.formationId === ctx.formationIds.A && p.kind === 'REGULAR' && p.rank === 1);
  if (!bestOfA) throw new Error('the proposal has no rank-1 seat in A');
  const decliner = ctx.personByApplication(bestOfA.applicationId);
  const declined = await ok(ctx.url('placement'), 'POST', `/applications/${bestOfA.applicationId}/decline`, {
    token: await ctx.tokenOf(decliner),
    json: { reason: 'Diterima di instansi lain.' },
  });
  ctx.log(`placement: override approved, confirmed, announced; one decline, ${declined.replacements} replacement(s)`);
  await ctx.afterActions('placement');

  const placed = placements.length + Number(declined.replacements);
  await until(
    'every placement on the timelines',
    () =>
      ctx.count('registration', `SELECT count(*) AS n FROM registration.timeline_entries WHERE period_id = $1 AND event_type LIKE '%.CandidatePlaced.v1'`, [
        ctx.periodId,
      ]),
    (n) => n === placed,
    ctx.effectTimeoutMs,
    500,
  );
  await until(
    'the announcement and the decline on the timelines',
    () =>
      ctx.count(
        'registration',
        `SELECT count(*) AS n FROM registration.timeline_entries WHERE period_id = $1 AND (event_type LIKE '%.PlacementDeclined.v1' OR event_type LIKE '%.PlacementAnnounced.v1')`,
        [ctx.periodId],
      ),
    (n) => n === 2,
    ctx.effectTimeoutMs,
    500,
  );
  await ctx.afterPhase('placement');
  return { overriddenOut: inC.applicationId, overriddenIn: next.applicationId, declined: bestOfA.applicationId, replacements: Number(declined.replacements) };
}
