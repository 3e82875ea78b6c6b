import { ScenarioContext } from './context';
import { call, inParallel, Json, ok, until } from './http';
import { RULES } from './inputs';

/**
 * Panels interview the candidates who proceed: on panel 1 a member declares a conflict with the
 * last candidate (by applicant) and is recused; on panel 2 the chair records the first candidate
 * absent; every other candidate is scored blind by each member who may score, and the chair finalizes.
 */
export async function interviewPhase(ctx: ScenarioContext, proceeding: number, problems: string[]): Promise<void> {
  const admin = ctx.admin.token;
  await until(
    'a panel for every candidate who proceeds',
    async () => (await ok(ctx.url('interview'), 'GET', `/admin/candidates?periodId=${ctx.periodId}`, { token: admin })) as Json[],
    (list) => list.length === proceeding && list.every((c) => c.status === 'ASSIGNED'),
    ctx.effectTimeoutMs,
    500,
  );

  let scored = 0;
  for (const [p, members] of ctx.panelists.entries()) {
    const chair = members[0];
    const panelId = ctx.panelIds[p];
    const listed: Json[] = await ok(ctx.url('interview'), 'GET', '/panelist/candidates', { token: chair.token });
    const candidates = listed
      .filter((c) => c.panelId === panelId)
      .map((c) => ({ number: c.participantNumber as string, person: ctx.people.find((x) => x.participantNumber === c.participantNumber)! }))
      .sort((x, y) => x.person.spec.index - y.person.spec.index);
    if (candidates.length === 0) continue;
    const path = (number: string) => `/panelist/panels/${panelId}/candidates/${encodeURIComponent(number)}`;
    let recused: string | null = null;
    let absent: string | null = null;
    if (p === 0) {
      recused = candidates[candidates.length - 1].number;
      const conflict = await ok(ctx.url('interview'), 'POST', `${path(recused)}/conflict`, {
        token: members[1].token,
        json: { reason: 'Kandidat adalah mantan mahasiswa bimbingan saya.' },
      });
      if (!conflict.recused || conflict.candidateMoved) throw new Error(`the declared conflict gave ${JSON.stringify(conflict)}`);
    } else {
      absent = candidates[0].number;
      await ok(ctx.url('interview'), 'POST', `${path(absent)}/absent`, { token: chair.token });
    }
    await inParallel(
      candidates.filter((c) => c.number !== absent),
      4,
      async ({ number, person }) => {
        for (const [m, member] of members.entries()) {
          if (number === recused && m === 1) continue;
          if (m === 3 && number === candidates[candidates.length - 1].number) {
            // Blind: the others have submitted, but this member sees nothing before submitting too.
            const peek = await call(ctx.url('interview'), 'GET', `${path(number)}/sheets`, { token: member.token });
            if (peek.status !== 403 || peek.body.code !== 'SCORES_HIDDEN_UNTIL_SUBMITTED')
              problems.push(`panel ${p + 1}: sheets before one's own submission answered ${peek.status} ${peek.body.code}`);
          }
          const scores = RULES.criteria.map((c, k) => ({
            criterion: c.key,
            value: person.spec.interviewScores[m][k],
            justification: `Penilaian ${c.label.toLowerCase()} sesuai rubrik.`,
          }));
          await ok(ctx.url('interview'), 'PUT', `${path(number)}/sheet`, { token: member.token, json: { scores } });
          await ok(ctx.url('interview'), 'POST', `${path(number)}/sheet/submit`, { token: member.token });
        }
        await ok(ctx.url('interview'), 'POST', `${path(number)}/finalize`, { token: chair.token });
        scored += 1;
      },
    );
  }
  ctx.log(`interview: ${scored} candidates scored, one recusal, one absence`);
  await ctx.afterActions('interview');

  await until(
    'every interview result in placement',
    () => ctx.count('placement', `SELECT count(*) AS n FROM placement.stage_results WHERE period_id = $1 AND stage = 'interview'`, [ctx.periodId]),
    (n) => n === proceeding,
    ctx.effectTimeoutMs,
    500,
  );
  // The admin hands the period's interviews on to placement; refused (409 HANDOVER_*) until interview holds everything skb counted.
  const completion = await until(
    'interview to hold everything skb handed over',
    () => call(ctx.url('interview'), 'POST', `/periods/${ctx.periodId}/completion`, { token: admin }),
    (r) => r.status !== 409 || !String(r.body?.code).startsWith('HANDOVER_'),
    ctx.effectTimeoutMs,
    500,
  );
  if (completion.status !== 200) throw new Error(`interview completion answered ${completion.status}: ${JSON.stringify(completion.body).slice(0, 300)}`);
  if (completion.body.completed !== proceeding) problems.push(`interview handed on ${completion.body.completed} completions, ${proceeding} candidates proceed`);
  await until(
    'every interview result on the timelines',
    () =>
      ctx.count('registration', `SELECT count(*) AS n FROM registration.timeline_entries WHERE period_id = $1 AND event_type LIKE '%.InterviewCompleted.v1'`, [
        ctx.periodId,
      ]),
    (n) => n === proceeding,
    ctx.effectTimeoutMs,
    500,
  );
  await ctx.afterPhase('interview');
}
