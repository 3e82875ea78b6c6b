import { sampleJpeg, samplePdf } from '@seleksi/testing';
import { Person, PASSWORD, ScenarioContext } from './context';
import { call, inParallel, ok, until } from './http';
import { InvalidSignUp } from './inputs';
import { isSubmitted } from './model';

const DECLARATIONS = ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'];
const PARALLEL = 8;
/** How long before the deadline the surge starts (service time); the whole surge must fit in it. */
const SURGE_LEAD_MS = 120_000;

function invalidBody(person: Person, invalid: InvalidSignUp, takenNik: string): Record<string, unknown> {
  const who = { ...person.spec.identity, password: PASSWORD };
  switch (invalid.change) {
    case 'NIK_MONTH_13':
      return { ...who, nik: `${who.nik.slice(0, 8)}13${who.nik.slice(10)}` };
    case 'NIK_PROVINCE_99':
      return { ...who, nik: `99${who.nik.slice(2)}` };
    case 'NIK_SHORT':
      return { ...who, nik: who.nik.slice(0, 15) };
    case 'EMAIL':
      return { ...who, email: 'bukan-alamat-surel' };
    case 'NIK_TAKEN':
      return { ...who, nik: takenNik };
  }
}

/** A refusal must carry the documented status, code and the field at fault. */
function refusalProblem(person: Person, invalid: InvalidSignUp, reply: { status: number; body: Record<string, unknown> }): string | null {
  const errors = (reply.body.errors as { field?: string }[] | undefined) ?? [];
  const field = (reply.body.field as string | undefined) ?? errors.map((e) => e.field).find((f) => f === invalid.field);
  if (reply.status === invalid.status && reply.body.code === invalid.code && field === invalid.field) return null;
  return `${person.spec.identity.email}: sign-up with ${invalid.change} answered ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}, expected ${invalid.status} ${invalid.code} on ${invalid.field}`;
}

async function signUp(ctx: ScenarioContext, person: Person, problems: string[]): Promise<void> {
  const reg = ctx.url('registration');
  const created = await call(reg, 'POST', '/accounts', { json: { ...person.spec.identity, password: PASSWORD } });
  if (created.status !== 201) throw new Error(`sign-up of ${person.spec.identity.email} answered ${created.status}: ${JSON.stringify(created.body)}`);
  person.accountId = created.body.id;
  const warnings = (created.body.nikWarnings as { code: string }[]).map((w) => w.code);
  const expected = person.spec.nikWarning ? [person.spec.nikWarning] : [];
  if (JSON.stringify(warnings) !== JSON.stringify(expected))
    problems.push(`${person.spec.identity.email}: NIK warnings ${JSON.stringify(warnings)}, expected ${JSON.stringify(expected)}`);

  const [mail] = await (await ctx.db('registration')).query(`SELECT body FROM registration.mail_outbox WHERE account_id = $1`, [person.accountId]);
  await ok(reg, 'POST', '/accounts/confirm-email', { json: { token: /token=([\w-]+)/.exec(mail.body)![1] } });
  const token = await ctx.tokenOf(person);
  const draft = await ok(reg, 'POST', '/applications', { token, json: { periodId: ctx.periodId, formationId: ctx.formationIds[person.spec.formation] } });
  person.applicationId = draft.id;
  await ok(reg, 'PATCH', `/applications/${draft.id}`, { token, json: { education: person.spec.education, declarations: DECLARATIONS } });
  await ok(reg, 'PUT', `/applications/${draft.id}/documents/pas-foto`, { token, raw: sampleJpeg(), type: 'image/jpeg' });
  await ok(reg, 'PUT', `/applications/${draft.id}/documents/ijazah`, { token, raw: samplePdf(), type: 'application/pdf' });
}

/**
 * Applicants sign up (the invalid attempts refused with their code and field), confirm their
 * e-mail, draft and upload; then, near the deadline, the surge submits; after it, the late ones
 * are refused with REGISTRATION_CLOSED.
 */
export async function registrationPhase(ctx: ScenarioContext, problems: string[]): Promise<void> {
  const reg = () => ctx.url('registration');
  const refusedFirst = ctx.people.filter((p) => p.spec.invalidSignUp && p.spec.invalidSignUp.change !== 'NIK_TAKEN');
  for (const person of refusedFirst) {
    const reply = await call(reg(), 'POST', '/accounts', { json: invalidBody(person, person.spec.invalidSignUp!, '') });
    const problem = refusalProblem(person, person.spec.invalidSignUp!, reply);
    if (problem) problems.push(problem);
  }
  const signingUp = ctx.people.filter((p) => !p.spec.invalidSignUp || p.spec.invalidSignUp.thenFixes);
  await inParallel(signingUp, PARALLEL, (person) => signUp(ctx, person, problems));
  const takenNik = signingUp[0].spec.identity.nik;
  for (const person of ctx.people.filter((p) => p.spec.invalidSignUp?.change === 'NIK_TAKEN')) {
    const reply = await call(reg(), 'POST', '/accounts', { json: invalidBody(person, person.spec.invalidSignUp!, takenNik) });
    const problem = refusalProblem(person, person.spec.invalidSignUp!, reply);
    if (problem) problems.push(problem);
  }
  ctx.log(`registration: ${signingUp.length} accounts with drafts, ${ctx.people.length - signingUp.length} sign-ups refused`);

  // The surge: every on-time applicant submits in the last two minutes before the deadline.
  await ctx.pipeline.advanceClock(Math.max(0, ctx.registrationClosesAt.getTime() - SURGE_LEAD_MS - ctx.pipeline.now().getTime()));
  const onTime = signingUp.filter((p) => isSubmitted(p.spec));
  const started = Date.now();
  await inParallel(onTime, PARALLEL, async (person) => {
    const submitted = await ok(reg(), 'POST', `/applications/${person.applicationId}/submit`, {
      token: await ctx.tokenOf(person),
      headers: { 'idempotency-key': `submit-${person.applicationId}` },
    });
    if (!submitted.receipt?.registrationNumber) problems.push(`${person.spec.identity.email}: submit gave no registration number`);
  });
  if (ctx.pipeline.now() >= ctx.registrationClosesAt) throw new Error('the submission surge did not finish before the deadline; raise SURGE_LEAD_MS');
  ctx.log(`registration: ${onTime.length} submitted before the deadline in ${Date.now() - started} ms`);

  await ctx.pipeline.advanceClock(Math.max(0, ctx.registrationClosesAt.getTime() + 60_000 - ctx.pipeline.now().getTime()));
  const late = signingUp.filter((p) => !isSubmitted(p.spec));
  for (const person of late) {
    const reply = await call(reg(), 'POST', `/applications/${person.applicationId}/submit`, { token: await ctx.tokenOf(person) });
    if (reply.status !== 409 || reply.body.code !== 'REGISTRATION_CLOSED') {
      problems.push(
        `${person.spec.identity.email}: late submit answered ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}, expected 409 REGISTRATION_CLOSED`,
      );
    }
  }
  ctx.log(`registration: ${late.length} late submissions refused`);
  // The admin closes the period: PeriodClosed counts what screening must hold before it announces.
  const closed = await ok(reg(), 'POST', `/admin/periods/${ctx.periodId}/close`, { token: ctx.admin.token });
  if (closed.status !== 'closed') problems.push(`closing the period answered ${JSON.stringify(closed).slice(0, 200)}`);
  await ctx.afterActions('registration');

  await until(
    'screening to open a case per submission',
    () => ctx.count('screening', `SELECT count(*) AS n FROM screening.cases WHERE period_id = $1`, [ctx.periodId]),
    (n) => n === onTime.length,
    ctx.effectTimeoutMs,
    500,
  );
  await ctx.afterPhase('registration');
}
