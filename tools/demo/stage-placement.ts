import { eventually, Json } from './http';
import { applicantToWatch, placementReport, StageContext, sum } from './stage-context';

/** Stage 6: the placement officer ranks, proposes and confirms; the admin announces. */
export async function runPlacement(c: StageContext): Promise<void> {
  const { t, apis, period } = c;
  const admin = await c.staff.as('admin');
  const officer = await c.staff.as('placement');
  const auth = { token: officer.token };
  const base = `/periods/${period.id}`;
  // Refused (409 HANDOVER_*) until placement holds every result skb's and interview's closing counts name.
  const ranked = await eventually('placement to hold every SKB and interview result', async () => {
    const reply = await apis.placement.must('POST', `${base}/rankings`, auth, [
      'PLACEMENTS_CONFIRMED',
      'RANKING_FROZEN',
      'HANDOVER_NOT_RECEIVED',
      'HANDOVER_INCOMPLETE',
    ]);
    return String(reply.body?.code).startsWith('HANDOVER_') ? undefined : reply;
  });
  if (ranked.status < 300) {
    t.say(
      `  ${officer.name} computed the rankings of ${ranked.body.formations} formations: ${ranked.body.ranked} ranked, ${ranked.body.notRanked} not ranked (each with the reason), ${ranked.body.exactTies} exact ties`,
    );
    const proposal = await apis.placement.must('POST', `${base}/proposal`, auth);
    const kinds = (proposal.body.placements as Json[]).reduce<Record<string, number>>((n, p) => ({ ...n, [p.kind]: (n[p.kind] ?? 0) + 1 }), {});
    t.say(
      `  proposal: ${proposal.body.placements.length} seats filled (${Object.entries(kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')})`,
    );
  }
  const confirmed = await apis.placement.must('POST', `${base}/confirmation`, auth, ['PLACEMENTS_CONFIRMED', 'RANKING_FROZEN']);
  if (confirmed.status < 300) t.say(`  ${officer.name} confirmed ${confirmed.body.length} placements (CandidatePlaced each)`);
  const announced = await apis.placement.must('POST', `${base}/announcement`, { token: admin.token }, ['ALREADY_ANNOUNCED']);
  const report = await placementReport(c);
  if (announced.status < 300)
    t.say(`  ${admin.name} announced the period: ${announced.body.placed} placed in the Command Center, ${announced.body.vacancies} seats left empty`);
  for (const f of report)
    t.say(
      `    ${String(f.code).padEnd(9)} ${String(f.position).padEnd(32)} quota ${f.quota}  placed ${f.placed}  (SKB P/L ${f.skbProceeded}, interviewed ${f.interviewed})`,
    );
  t.say(`  in all ${sum(report, 'placed')} of ${sum(report, 'quota')} seats filled`);
  const placements = (await apis.placement.must('GET', `${base}/placements`, auth)).body as Json[];
  const placed = placements.find((p) => p.status === 'CONFIRMED');
  if (placed) t.say(`  a placed applicant: ${await applicantToWatch(c, placed.applicationId)}`);
  t.say(
    `  see: GET ${t.placement}${base}/report (or ?format=csv), ${base}/placements; an applicant's GET ${t.placement}/applications/<id>/outcome and registration timeline`,
  );
}
