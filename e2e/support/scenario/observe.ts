import { Person, PASSWORD, ScenarioContext } from './context';
import { call, inParallel, Json } from './http';
import { FORMATIONS } from './inputs';
import { NOTHING, Outcome } from './model';

function formationCodeOf(position: string, unit: string): string {
  return Object.values(FORMATIONS).find((f) => f.position === position && f.unit === unit)?.code ?? `${position} / ${unit}`;
}

/** What the applicant sees on registration's timeline, through HTTP, as the applicant. */
export async function observe(ctx: ScenarioContext, person: Person): Promise<Outcome> {
  if (!person.accountId) {
    const login = await call(ctx.url('registration'), 'POST', '/auth/login', { json: { email: person.spec.identity.email, password: PASSWORD } });
    return login.status === 401 ? { ...NOTHING } : { ...NOTHING, account: true };
  }
  const reply = await call(ctx.url('registration'), 'GET', `/applications/${person.applicationId}/timeline`, { token: await ctx.tokenOf(person) });
  if (reply.status !== 200) throw new Error(`timeline of ${person.spec.identity.email} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  const stage = (name: string): Json => (reply.body.stages as Json[]).find((s) => s.stage === name);
  const entry = (name: string, prefix: string): Json => (stage(name).entries as Json[]).filter((e) => (e.what as string).startsWith(prefix)).at(-1);
  const administrative = stage('administrative');
  const appeal = entry('administrative', 'Appeal ');
  const appealed =
    appeal && appeal.what !== 'Appeal filed' ? (entry('administrative', 'Appeal upheld') ?? entry('administrative', 'Appeal rejected')) : undefined;
  const skbResult = entry('skb', 'SKB result');
  const interviewResult = entry('interview', 'Interview scored') ?? entry('interview', 'Interview missed');
  const placed = entry('placement', 'Placed as');
  const placement = stage('placement');
  const number = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    account: true,
    submitted: stage('registration').outcome === 'SUBMITTED',
    administrative: administrative.outcome,
    reasons: (administrative.reasons as { code: string }[]).map((r) => r.code).sort(),
    appeal: appealed ? ((appealed.what as string).startsWith('Appeal upheld') ? 'UPHELD' : 'REJECTED') : null,
    skb: stage('skb').outcome,
    skbTotal: number(skbResult?.details.total),
    interview: stage('interview').outcome,
    interviewTotal: number(interviewResult?.details.total),
    placement: placement.outcome,
    placedIn: placement.outcome === 'PLACED' && placed ? formationCodeOf(placed.details.position, placed.details.unit) : null,
    placementKind: placement.outcome === 'PLACED' && placed ? placed.details.kind : null,
  };
}

export async function observeAll(ctx: ScenarioContext): Promise<Map<number, Outcome>> {
  const outcomes = await inParallel(ctx.people, 8, (person) => observe(ctx, person));
  return new Map(ctx.people.map((p, i) => [p.spec.index, outcomes[i]]));
}

/** Field by field, what differs between the expected and the observed outcome of one applicant. */
export function differences(who: string, expected: Outcome, observed: Outcome): string[] {
  const out: string[] = [];
  for (const field of Object.keys(expected) as (keyof Outcome)[]) {
    const e = JSON.stringify(expected[field]);
    const o = JSON.stringify(observed[field]);
    if (e !== o) out.push(`${who}: ${field} expected ${e}, observed ${o}`);
  }
  return out;
}
