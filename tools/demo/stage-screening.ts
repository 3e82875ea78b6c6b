import { demoNow, moveClockPast } from './demo-clock';
import { StaffSession } from './demo-staff';
import { eventually, Json } from './http';
import { demoApplicant, demoApplicantIndex, demoApplicantPassword } from './seed';
import { applicantToWatch, hashUnit, latestDecisions, plural, screeningAudit, StageContext } from './stage-context';

/** The automatic check that failed, as the reason a verifier gives for it (screening's catalogue, GET /reasons). */
function reasonFor(ruleId: string): string | undefined {
  if (ruleId === 'AGE_MINIMUM') return 'AGE_UNDER_LIMIT';
  if (ruleId === 'AGE_MAXIMUM') return 'AGE_OVER_LIMIT';
  if (ruleId === 'EDUCATION_LEVEL') return 'EDUCATION_LEVEL_NOT_ACCEPTED';
  if (ruleId === 'MAJOR') return 'MAJOR_NOT_ACCEPTED';
  if (ruleId === 'MINIMUM_GPA') return 'GPA_BELOW_MINIMUM';
  if (ruleId.startsWith('REQUIRED_DOCUMENT:')) return 'DOCUMENT_MISSING';
  return undefined;
}

/** One verifier works through their queue: the automatic checks recommend, the verifier decides. */
async function decideQueue(c: StageContext, verifier: StaffSession, tally: { ms: number; tms: number; misread: number }): Promise<number> {
  let decided = 0;
  for (;;) {
    const page = await c.apis.screening.must('GET', '/cases/queue?limit=500', { token: verifier.token });
    const items = page.body.items as Json[];
    if (items.length === 0) return decided;
    const groups = new Map<string, { result: 'MS' | 'TMS'; reasonCodes?: string[]; note?: string; ids: string[] }>();
    const add = (result: 'MS' | 'TMS', id: string, reasonCodes?: string[], note?: string) => {
      const key = `${result}:${(reasonCodes ?? []).join(',')}`;
      const group = groups.get(key) ?? { result, reasonCodes, note, ids: [] };
      group.ids.push(id);
      groups.set(key, group);
    };
    for (const item of items) {
      if (item.recommendation === 'MS') {
        // Now and then (at least once) a verifier misreads a scan: the appeal stage puts it right.
        if (hashUnit(item.applicationId) < 0.04 || tally.misread === 0) {
          add('TMS', item.applicationId, ['SCAN_UNREADABLE'], 'Pas foto tidak terbaca pada layar verifikasi');
          tally.misread += 1;
        } else add('MS', item.applicationId);
        continue;
      }
      const detail = await c.apis.screening.must('GET', `/cases/${item.applicationId}`, { token: verifier.token });
      const failed = (detail.body.checks as Json[]).filter((k) => k.severity === 'BLOCKING' && k.passed === false);
      const reasons = [...new Set(failed.map((k) => reasonFor(k.ruleId)).filter((r): r is string => Boolean(r)))];
      if (reasons.length > 0) add('TMS', item.applicationId, reasons);
      else add('MS', item.applicationId);
    }
    for (const g of groups.values()) {
      await c.apis.screening.must('POST', '/cases/decisions', {
        token: verifier.token,
        json: { result: g.result, applicationIds: g.ids, ...(g.reasonCodes ? { reasonCodes: g.reasonCodes } : {}), ...(g.note ? { note: g.note } : {}) },
      });
      if (g.result === 'MS') tally.ms += g.ids.length;
      else tally.tms += g.ids.length;
      decided += g.ids.length;
    }
  }
}

/** Stage 2: verifiers registered for the period, every case decided, the results announced. */
export async function decideAndAnnounce(c: StageContext): Promise<void> {
  const { t, apis, period } = c;
  // Registration may have been closed by hand before its deadline; the announcement waits for the deadline.
  await moveClockPast(t.clockFile, new Date(period.registrationClosesAt));
  const admin = await c.staff.as('admin');
  const verifiers = [await c.staff.as('verifier1'), await c.staff.as('verifier2')];
  const registered = (await apis.screening.must('GET', `/periods/${period.id}/verifiers`, { token: admin.token })).body as Json[];
  for (const v of verifiers) {
    if (registered.some((r) => r.accountId === v.id)) continue;
    await eventually('screening to hear of the period (PeriodOpened)', async () => {
      const reply = await apis.screening.call('POST', `/periods/${period.id}/verifiers`, {
        token: admin.token,
        json: { accountId: v.id, name: v.name, kkNumber: v.kkNumber },
      });
      if (reply.status === 404) return undefined;
      if (reply.status >= 300) throw new Error(`screening: registering ${v.name}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply;
    });
    t.say(`  ${admin.name} registered ${v.name} as a verifier of the period`);
  }
  const total = { ms: 0, tms: 0, misread: 0 };
  // Cases keep arriving until registration's last ApplicationSubmitted is consumed: drain until quiet.
  for (let quiet = 0; quiet < 2;) {
    const distributed = await apis.screening.must('POST', `/periods/${period.id}/distribution`, { token: admin.token });
    let decided = 0;
    for (const v of verifiers) decided += await decideQueue(c, v, total);
    quiet = distributed.body.assigned === 0 && decided === 0 ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((r) => setTimeout(r, 1_000));
  }
  if (total.ms + total.tms > 0) {
    t.say(
      `  ${verifiers.map((v) => v.name).join(' and ')} decided ${total.ms + total.tms} cases: ${total.ms} MS, ${total.tms} TMS with reasons` +
        ` (${total.misread} of them a misread scan, SCAN_UNREADABLE)`,
    );
  }
  const announced = await apis.screening.must('POST', `/periods/${period.id}/announcement`, { token: admin.token }, ['RESULTS_ALREADY_ANNOUNCED']);
  if (announced.status < 300) {
    t.say(
      `  ${admin.name} announced the administrative results: ${announced.body.eligible} MS, ${announced.body.ineligible} TMS;` +
        ` appeals (sanggah) can be filed until ${announced.body.appealFilingClosesAtLocal}`,
    );
  } else {
    t.say('  the results were already announced');
  }
  t.say(`  see: GET ${t.screening}/audit?periodId=${period.id} (admin), an applicant's GET ${t.registration}/applications/<id>/timeline`);
}

/** Stage 3: a few TMS applicants appeal, reviewers answer (misread scans upheld), the window passes, the list is final. */
export async function appealsAndFinalize(c: StageContext): Promise<void> {
  const { t, apis, period } = c;
  const admin = await c.staff.as('admin');
  const audit = await screeningAudit(c);
  const announcement = audit.find((e) => e.action === 'RESULTS_ANNOUNCED');
  if (!announcement) throw new Error('the administrative results are not announced yet');
  const decisions = latestDecisions(audit);
  const tms = [...decisions.entries()].filter(([, d]) => d.result === 'TMS');
  const misread = tms.filter(([, d]) => d.reasonCodes.includes('SCAN_UNREADABLE'));
  const others = tms.filter(([, d]) => !d.reasonCodes.includes('SCAN_UNREADABLE')).slice(0, 2);
  const filingCloses = new Date(new Date(announcement.at).getTime() + period.appealFilingDays * 86_400_000);
  let appealed = 0;
  if (demoNow(t.clockFile) < filingCloses) {
    for (const [applicationId, d] of [...misread, ...others]) {
      const detail = await apis.screening.must('GET', `/cases/${applicationId}`, { token: admin.token });
      const index = demoApplicantIndex(detail.body.submission.applicant.email);
      if (index === undefined) continue;
      const login = await apis.registration.must('POST', '/auth/login', {
        json: { email: demoApplicant(index).email, password: demoApplicantPassword(index) },
      });
      const text = d.reasonCodes.includes('SCAN_UNREADABLE')
        ? 'Pas foto yang saya unggah jelas dan sesuai ketentuan; mohon diperiksa kembali.'
        : 'Mohon peninjauan ulang; saya merasa memenuhi persyaratan formasi ini.';
      const reply = await apis.screening.must('POST', `/applications/${applicationId}/appeal`, { token: login.body.accessToken, json: { text } }, [
        'APPEAL_ALREADY_FILED',
      ]);
      if (reply.status < 300) appealed += 1;
    }
  }
  if (appealed > 0) t.say(`  ${appealed} TMS applicants appealed (sanggah) in screening with their own sign-in`);
  for (const role of ['verifier1', 'verifier2'] as const) {
    const reviewer = await c.staff.as(role);
    const assigned = (await apis.screening.must('GET', '/appeals/assigned', { token: reviewer.token })).body as Json[];
    let upheld = 0;
    let rejected = 0;
    for (const appeal of assigned.filter((a) => a.periodId === period.id)) {
      // Upheld only when the error was not the applicant's (domain.md, stage 3): here, the misread scans.
      const scanMisread = decisions.get(appeal.applicationId)?.reasonCodes.includes('SCAN_UNREADABLE') ?? false;
      await apis.screening.must('POST', `/appeals/${appeal.appealId}/resolution`, {
        token: reviewer.token,
        json: scanMisread
          ? { resolution: 'UPHELD', reason: 'Pindaian terbaca jelas pada berkas asli; kekeliruan ada pada verifikasi, bukan pada pelamar.' }
          : { resolution: 'REJECTED', reason: 'Persyaratan formasi memang tidak terpenuhi menurut dokumen yang diunggah.' },
      });
      if (scanMisread) upheld += 1;
      else rejected += 1;
    }
    if (upheld + rejected > 0)
      t.say(
        `  ${reviewer.name} (never the verifier who decided the case) answered ${plural(upheld + rejected, 'appeal')}: ${upheld} upheld (now MS), ${rejected} rejected`,
      );
  }
  const [watch] = misread;
  if (watch) t.say(`  an upheld appellant: ${await applicantToWatch(c, watch[0])}`);
  const days = await moveClockPast(t.clockFile, filingCloses);
  if (days > 0) t.say(`  demo clock moved ${days.toFixed(1)} days forward: the ${period.appealFilingDays}-day appeal window has closed`);
  const final = await apis.screening.must('POST', `/periods/${period.id}/finalization`, { token: admin.token }, ['ALREADY_FINALIZED']);
  if (final.status < 300) {
    t.say(
      `  ${admin.name} finalized the administrative list: ${final.body.eligible} MS go on to the SKB, ${final.body.ineligible} TMS stop here (ScreeningFinalized each)`,
    );
  } else {
    t.say('  the administrative list was already final');
  }
  t.say(
    `  see: GET ${t.screening}/audit?periodId=${period.id} (APPEAL_RESOLVED, PERIOD_FINALIZED), GET ${t.screening}/applications/<id>/appeal (the applicant)`,
  );
}
