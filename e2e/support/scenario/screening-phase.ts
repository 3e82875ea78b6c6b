import { ScenarioContext } from './context';
import { call, inParallel, Json, ok, until } from './http';
import { ineligibilityReasons, isFinalMs, isSubmitted, verifierDecision } from './model';

/**
 * Verifiers decide the cases assigned to them, in bulk per outcome and reasons, as the rules (and,
 * for a few, their own mistakes) say; the admin announces once registration has closed.
 */
export async function screeningPhase(ctx: ScenarioContext, problems: string[]): Promise<void> {
  await ok(ctx.url('screening'), 'POST', `/periods/${ctx.periodId}/distribution`, { token: ctx.admin.token });
  let decided = 0;
  for (const verifier of ctx.verifiers) {
    const mine: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await ok(ctx.url('screening'), 'GET', `/cases/queue?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
        token: verifier.token,
      });
      mine.push(...(page.items as { applicationId: string }[]).map((i) => i.applicationId));
      cursor = page.nextCursor;
    } while (cursor);
    // A NIK that disagrees with the stated birth date or gender reaches the verifier as a warning, never decisive.
    for (const applicationId of mine) {
      const person = ctx.personByApplication(applicationId);
      if (!person.spec.nikWarning) continue;
      const detail = await ok(ctx.url('screening'), 'GET', `/cases/${applicationId}`, { token: verifier.token });
      const warning = (detail.checks as Json[]).find((c) => c.ruleId === `NIK_WARNING:${person.spec.nikWarning}`);
      if (!warning || warning.severity !== 'WARNING' || warning.passed !== false)
        problems.push(`${person.spec.identity.email}: case shows no ${person.spec.nikWarning} warning: ${JSON.stringify(detail.checks)}`);
    }
    const groups = new Map<string, string[]>();
    for (const applicationId of mine) {
      ctx.decidedBy.set(applicationId, verifier.id);
      const decision = verifierDecision(ctx.personByApplication(applicationId).spec);
      const key = JSON.stringify(decision);
      groups.set(key, [...(groups.get(key) ?? []), applicationId]);
    }
    for (const [key, applicationIds] of groups) {
      const { result, reasons } = JSON.parse(key) as ReturnType<typeof verifierDecision>;
      await ok(ctx.url('screening'), 'POST', '/cases/decisions', {
        token: verifier.token,
        json: { applicationIds, result, ...(result === 'TMS' ? { reasonCodes: reasons } : {}) },
      });
      decided += applicationIds.length;
    }
  }
  const submitted = ctx.people.filter((p) => isSubmitted(p.spec)).length;
  if (decided !== submitted) throw new Error(`verifiers found ${decided} cases in their queues, ${submitted} were submitted`);
  // The announcement is refused until registration's count has arrived and every counted case is held.
  const reconciliation: Json = await until(
    'screening to hold everything registration handed over',
    () => ok(ctx.url('screening'), 'GET', `/periods/${ctx.periodId}/reconciliation`, { token: ctx.admin.token }),
    (r: Json) => r.handover.complete === true,
    ctx.effectTimeoutMs,
    500,
  );
  if (reconciliation.handover.expected !== submitted)
    problems.push(`registration handed over ${reconciliation.handover.expected} applications, ${submitted} were submitted`);
  if (reconciliation.stuck.length > 0)
    problems.push(`screening lists stuck applications after every decision: ${JSON.stringify(reconciliation.stuck).slice(0, 300)}`);
  const announcement = await ok(ctx.url('screening'), 'POST', `/periods/${ctx.periodId}/announcement`, { token: ctx.admin.token });
  ctx.appealFilingClosesAt = new Date(announcement.appealFilingClosesAt);
  ctx.log(`screening: ${decided} cases decided, results announced; appeals until ${announcement.appealFilingClosesAt}`);
  await ctx.afterActions('screening');

  await until(
    'every decision and the announcement on the timelines',
    () =>
      ctx.count('registration', `SELECT count(*) AS n FROM registration.timeline_entries WHERE period_id = $1 AND event_type LIKE '%.ScreeningDecided.v1'`, [
        ctx.periodId,
      ]),
    (n) => n === submitted,
    ctx.effectTimeoutMs,
    500,
  );
  await until(
    'the announcement on the timelines',
    () =>
      ctx.count(
        'registration',
        `SELECT count(*) AS n FROM registration.timeline_entries WHERE period_id = $1 AND event_type LIKE '%.AdministrativeResultsAnnounced.v1'`,
        [ctx.periodId],
      ),
    (n) => n === 1,
    60_000,
    500,
  );
  await ctx.afterPhase('screening');
}

/**
 * TMS applicants who disagree appeal; reviewers (never the deciding verifier) uphold an appeal only
 * when the error was not the applicant's; after the filing window the admin finalizes.
 */
export async function appealsPhase(ctx: ScenarioContext, problems: string[]): Promise<void> {
  const appellants = ctx.people.filter((p) => isSubmitted(p.spec) && p.spec.appeals && verifierDecision(p.spec).result === 'TMS');
  await inParallel(appellants, 8, async (person) => {
    await ok(ctx.url('screening'), 'POST', `/applications/${person.applicationId}/appeal`, {
      token: await ctx.tokenOf(person),
      json: { text: 'Saya memenuhi syarat; mohon periksa kembali dokumen saya.' },
    });
  });
  let resolved = 0;
  for (const reviewer of ctx.verifiers) {
    const assigned: Json[] = await ok(ctx.url('screening'), 'GET', '/appeals/assigned', { token: reviewer.token });
    const items: Json[] = Array.isArray(assigned) ? assigned : (assigned as Json).items;
    for (const appeal of items.filter((a) => a.status === 'OPEN')) {
      const person = ctx.personByApplication(appeal.applicationId);
      if (ctx.decidedBy.get(appeal.applicationId) === reviewer.id)
        problems.push(`${person.spec.identity.email}: the appeal went to the verifier who decided the case`);
      const applicantsFault = ineligibilityReasons(person.spec).length > 0;
      await ok(ctx.url('screening'), 'POST', `/appeals/${appeal.appealId}/resolution`, {
        token: reviewer.token,
        json: applicantsFault
          ? { resolution: 'REJECTED', reason: `Tetap TMS: ${ineligibilityReasons(person.spec).join(', ')}` }
          : { resolution: 'UPHELD', reason: 'Pindaian terbaca; kesalahan verifikator' },
      });
      resolved += 1;
    }
  }
  if (resolved !== appellants.length) throw new Error(`reviewers answered ${resolved} appeals, ${appellants.length} were filed`);
  ctx.log(`appeals: ${appellants.length} filed and answered`);

  await ctx.pipeline.advanceClock(Math.max(0, ctx.appealFilingClosesAt.getTime() + 60_000 - ctx.pipeline.now().getTime()));
  const finalization = await call(ctx.url('screening'), 'POST', `/periods/${ctx.periodId}/finalization`, { token: ctx.admin.token });
  if (finalization.status >= 300) throw new Error(`finalization answered ${finalization.status}: ${JSON.stringify(finalization.body)}`);
  await ctx.afterActions('appeals');

  const submitted = ctx.people.filter((p) => isSubmitted(p.spec)).length;
  const ms = ctx.people.filter((p) => isFinalMs(p.spec)).length;
  await until(
    'the final administrative result on every timeline',
    () =>
      ctx.count('registration', `SELECT count(*) AS n FROM registration.timeline_entries WHERE period_id = $1 AND event_type LIKE '%.ScreeningFinalized.v1'`, [
        ctx.periodId,
      ]),
    (n) => n === submitted,
    ctx.effectTimeoutMs,
    500,
  );
  await until(
    'an SKB participant per final MS',
    () => ctx.count('skb', `SELECT count(*) AS n FROM skb.participants WHERE period_id = $1`, [ctx.periodId]),
    (n) => n === ms,
    ctx.effectTimeoutMs,
    500,
  );
  ctx.log(`appeals: finalized; ${ms} MS participants in SKB`);
  await ctx.afterPhase('appeals');
}
