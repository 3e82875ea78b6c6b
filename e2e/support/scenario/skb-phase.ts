import { ScenarioContext } from './context';
import { call, inParallel, Json, ok, until } from './http';
import { FORMATIONS } from './inputs';
import { isFinalMs, isSubmitted } from './model';

/**
 * SKB officers seat every participant and publish the cards, import the CAT file (absentees as TH,
 * one disqualification as DIS), enter practical scores and finalize the results.
 */
export async function skbPhase(ctx: ScenarioContext, problems: string[]): Promise<number> {
  const officer = ctx.skbOfficer.token;
  const participants = ctx.people.filter((p) => isFinalMs(p.spec));
  // Refused (409 HANDOVER_*) until screening's ScreeningPeriodFinalized is in and every participant it counts is held.
  const seated = await until(
    'skb to hold everything screening handed over',
    () => call(ctx.url('skb'), 'POST', `/periods/${ctx.periodId}/allocation`, { token: officer }),
    (r) => r.status !== 409 || !String(r.body?.code).startsWith('HANDOVER_'),
    ctx.effectTimeoutMs,
    500,
  );
  if (seated.status !== 200) throw new Error(`skb allocation answered ${seated.status}: ${JSON.stringify(seated.body).slice(0, 300)}`);
  const allocation: Json = seated.body;
  if (allocation.participants !== participants.length) throw new Error(`SKB seated ${allocation.participants} participants, ${participants.length} are MS`);
  const seats: Json[] = await ok(ctx.url('skb'), 'GET', `/periods/${ctx.periodId}/allocation?limit=10000`, { token: officer });
  const byName = new Map<string, string[]>();
  for (const s of seats) byName.set(`${s.fullName}|${s.formationCode}`, [...(byName.get(`${s.fullName}|${s.formationCode}`) ?? []), s.participantNumber]);
  for (const person of participants) {
    const numbers = byName.get(`${person.spec.identity.fullName}|${FORMATIONS[person.spec.formation].code}`) ?? [];
    if (numbers.length !== 1) throw new Error(`${person.spec.identity.email}: ${numbers.length} seats by name and formation in the seat plan`);
    person.participantNumber = numbers[0];
  }
  await ok(ctx.url('skb'), 'POST', `/periods/${ctx.periodId}/allocation/publish`, { token: officer });
  ctx.log(`skb: ${participants.length} participants seated and their cards published`);

  // No card, no entry: a participant downloads theirs; an applicant found TMS has none.
  const card = await call(ctx.url('skb'), 'GET', `/me/periods/${ctx.periodId}/exam-card`, { token: await ctx.tokenOf(participants[0]) });
  if (card.status !== 200) problems.push(`${participants[0].spec.identity.email}: exam card answered ${card.status}`);
  const tms = ctx.people.find((p) => isSubmitted(p.spec) && !isFinalMs(p.spec));
  if (tms) {
    const none = await call(ctx.url('skb'), 'GET', `/me/periods/${ctx.periodId}/exam-card`, { token: await ctx.tokenOf(tms) });
    if (none.status !== 404) problems.push(`${tms.spec.identity.email} (TMS): exam card answered ${none.status}, expected 404`);
  }

  const rows = participants.map((p) => `${p.participantNumber},cat,${p.spec.attendance === 'PRESENT' ? p.spec.cat : p.spec.attendance}`);
  const imported = await ok(ctx.url('skb'), 'POST', `/periods/${ctx.periodId}/score-imports`, {
    token: officer,
    text: ['participant_number,component,score', ...rows].join('\r\n'),
    type: 'text/csv',
  });
  if (imported.rows !== participants.length) throw new Error(`the CAT import applied ${imported.rows} rows of ${participants.length}`);
  await inParallel(
    participants.filter((p) => p.spec.attendance === 'PRESENT'),
    8,
    (p) =>
      ok(ctx.url('skb'), 'PUT', `/periods/${ctx.periodId}/participants/${p.participantNumber}/scores/practical`, {
        token: officer,
        json: { score: p.spec.practical },
      }),
  );
  const finalized = await ok(ctx.url('skb'), 'POST', `/periods/${ctx.periodId}/finalize`, { token: officer });
  ctx.log(`skb: scores in, finalized ${JSON.stringify(finalized.outcomes)}`);
  await ctx.afterActions('skb');

  await until(
    'every SKB result on the timelines',
    () =>
      ctx.count('registration', `SELECT count(*) AS n FROM registration.timeline_entries WHERE period_id = $1 AND event_type LIKE '%.SkbResultFinalized.v1'`, [
        ctx.periodId,
      ]),
    (n) => n === participants.length,
    ctx.effectTimeoutMs,
    500,
  );
  await until(
    'every SKB result in placement',
    () => ctx.count('placement', `SELECT count(*) AS n FROM placement.stage_results WHERE period_id = $1 AND stage = 'skb'`, [ctx.periodId]),
    (n) => n === participants.length,
    ctx.effectTimeoutMs,
    500,
  );
  await ctx.afterPhase('skb');
  return Number(finalized.outcomes['P/L'] ?? 0);
}
