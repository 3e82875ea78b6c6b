/**
 * The end-to-end scenario of issue 8: one recruitment period through the five services' public HTTP
 * APIs, from opening to the placement announcement, with deterministic inputs (inputs.ts), an
 * independent model of domain.md's rules for the expected outcome (model.ts, expected.ts), the
 * applicants' timelines as observed (observe.ts) and the exactly-once checks (exactly-once.ts).
 *
 * Phases, each followed by the hooks (afterActions before waiting for effects, afterPhase after):
 * - registration: 300 applicants; five invalid sign-ups refused with their code and field (three
 *   never get an account), NIK warnings, drafts and uploads, the surge in the last two minutes
 *   before the deadline, ten late submissions refused with REGISTRATION_CLOSED;
 * - screening: two verifiers decide their queues in bulk with TMS reasons (a few wrongly), the
 *   admin announces;
 * - appeals: some TMS applicants appeal, a reviewer other than the decider upholds the verifier's
 *   mistakes and rejects the rest; after the filing window the admin finalizes;
 * - skb: seats and cards, the CAT file with TH and DIS, practical scores, ties at each cut-off,
 *   finalization;
 * - interview: two panels of four score blind; one member declares a conflict, one candidate is
 *   absent; chairs finalize;
 * - placement: rankings (one tie on final and SKB score broken by CAT), a proposal that fills a
 *   small formation's empty seat by optimalisasi, an override approved by a second officer,
 *   confirmation, announcement, a decline refilled by replacement.
 */
import { Pipeline } from '../pipeline';
import { ScenarioContext } from './context';
import { exactlyOnceProblems } from './exactly-once';
import { expectedOutcomes } from './expected';
import { scenarioInputs } from './inputs';
import { interviewPhase } from './interview-phase';
import { Outcome, withChainTie, withTiesAtCutOff } from './model';
import { differences, observeAll } from './observe';
import { placementPhase } from './placement-phase';
import { registrationPhase } from './registration-phase';
import { appealsPhase, screeningPhase } from './screening-phase';
import { setUpPeriod } from './setup';
import { skbPhase } from './skb-phase';

export type ScenarioPhase = 'registration' | 'screening' | 'appeals' | 'skb' | 'interview' | 'placement';

export interface ScenarioHooks {
  /** After the phase's HTTP actions were sent and accepted, before waiting for their effects downstream (a fault here
   *  hits events in flight). */
  afterActions?(phase: ScenarioPhase, pipeline: Pipeline): Promise<void>;
  /** After the phase's effects were observed everywhere they should be. */
  afterPhase?(phase: ScenarioPhase, pipeline: Pipeline): Promise<void>;
}

export interface ScenarioOptions {
  /** How many applicants take part (default 300). */
  applicants?: number;
  /** Seed of the pseudo-random inputs; a fixed default, so every run has the same inputs. */
  seed?: number;
  hooks?: ScenarioHooks;
  log?: (line: string) => void;
  /** How long to wait for a phase's effects downstream (default 120 s; fault drills may need more). */
  effectTimeoutMs?: number;
}

/**
 * An applicant's outcome in the terms the timeline shows: account, submission, administrative
 * result with its reasons and appeal, SKB outcome and total, interview outcome and total, and
 * placement (outcome, formation code of the seat, kind).
 */
export type ExpectedOutcome = Outcome;
export type ObservedOutcome = Outcome;

export interface ScenarioRun {
  /** Per applicant (keyed by e-mail), what an independent computation from the inputs and domain.md says the final outcome is. */
  expected: Map<string, ExpectedOutcome>;
  /** Per applicant, what the services show at the end (registration timeline, through HTTP as the applicant). */
  observed: Map<string, ObservedOutcome>;
  /** Human-readable differences between the two (and refusals that came back wrong); empty when they agree. */
  mismatches: string[];
  periodId: string;
  /** SKB candidates whose scores were made equal at a formation's cut-off, by applicant index. */
  tiesAtCutOff: number[][];
  /** Two candidates of A equal on final and SKB score, the first with the higher CAT score, by applicant index. */
  chainTie: [number, number] | null;
}

export const DEFAULT_SEED = 20_261_122;
/** An identity slice of its own: no other test uses applicant indices from here. */
export const IDENTITY_BASE = 500_000;

/**
 * A recruitment period from opening to placement announcement through the services' public HTTP
 * APIs, as an agency runs it, then every applicant's timeline compared with the expected outcome.
 */
export async function runScenario(pipeline: Pipeline, options: ScenarioOptions = {}): Promise<ScenarioRun> {
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => undefined);
  const chained = withChainTie(scenarioInputs(options.applicants ?? 300, seed, `scn${seed}`, IDENTITY_BASE));
  const { inputs, tied } = withTiesAtCutOff(chained.inputs);
  const ctx = new ScenarioContext(pipeline, inputs, options.hooks ?? {}, log, options.effectTimeoutMs ?? 120_000);
  const problems: string[] = [];
  try {
    await setUpPeriod(ctx, `SCN-${pipeline.prefix.replace(/\W/g, '').slice(-8).toUpperCase()}`);
    await registrationPhase(ctx, problems);
    await screeningPhase(ctx, problems);
    await appealsPhase(ctx, problems);
    const proceeding = await skbPhase(ctx, problems);
    await interviewPhase(ctx, proceeding, problems);
    await placementPhase(ctx, problems);

    const applicationIds = new Map(ctx.people.filter((p) => p.applicationId).map((p) => [p.spec.index, p.applicationId!]));
    const expectedByIndex = expectedOutcomes(inputs, { applicationIds, formationIds: ctx.formationIds });
    const observedByIndex = await observeAll(ctx);
    const expected = new Map<string, ExpectedOutcome>();
    const observed = new Map<string, ObservedOutcome>();
    const mismatches = [...problems];
    for (const person of ctx.people) {
      const email = person.spec.identity.email;
      expected.set(email, expectedByIndex.get(person.spec.index)!);
      observed.set(email, observedByIndex.get(person.spec.index)!);
      mismatches.push(...differences(`${email} (#${person.spec.index}, ${person.spec.formation})`, expected.get(email)!, observed.get(email)!));
    }
    log(`scenario: ${ctx.people.length} timelines compared, ${mismatches.length} mismatches`);
    return { expected, observed, mismatches, periodId: ctx.periodId, tiesAtCutOff: tied, chainTie: chained.pair };
  } finally {
    await ctx.close();
  }
}

/** Problems with exactly-once (an event applied twice, an effect missing); empty when fine. Reads the services'
 *  own tables as their own roles (connectAsService) — inbox event ids, one case per application, one participant per
 *  MS, one timeline entry per event, etc. — and the topics (readEvents) for the counts of events produced. */
export async function checkExactlyOnce(pipeline: Pipeline, run: ScenarioRun): Promise<string[]> {
  const ctx = new ScenarioContext(pipeline, { seed: 0, tag: '', applicants: [] }, {}, () => undefined);
  try {
    return await exactlyOnceProblems(pipeline, ctx, run.periodId);
  } finally {
    await ctx.close();
  }
}
