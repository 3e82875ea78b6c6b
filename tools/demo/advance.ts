/**
 * `npm run demo -- advance` performs the next stage of the demo period as its staff would, through
 * the services' public HTTP APIs; `npm run demo -- status` says where the period stands. Where it
 * stands is read from the services themselves (registration, screening's audit log, interview's
 * candidates, placement's report), never from a local counter, so it survives restarts and a
 * stage interrupted half-way is simply done again: every step tolerates having been done before.
 */
import { demoNow } from './demo-clock';
import { DemoTargets, demoApis, PERIOD_CODE } from './demo-context';
import { DemoStaff } from './demo-staff';
import { Json } from './http';
import { closeRegistration } from './stage-registration';
import { findDemoPeriod, placementReport, screeningAudit, StageContext, sum } from './stage-context';
import { appealsAndFinalize, decideAndAnnounce } from './stage-screening';
import { runInterviews } from './stage-interview';
import { runPlacement } from './stage-placement';
import { runSkb } from './stage-skb';

interface Stage {
  done: string;
  next: string;
  run(c: StageContext): Promise<void>;
}

export const STAGES: Stage[] = [
  { done: 'registration closed', next: 'close registration (the demo clock moves past the deadline; the admin closes the period)', run: closeRegistration },
  {
    done: 'administrative results announced',
    next: 'verifiers decide every case (MS, or TMS with reasons) and the admin announces the results',
    run: decideAndAnnounce,
  },
  {
    done: 'appeals answered, administrative list final',
    next: 'a few TMS applicants appeal, reviewers answer, the appeal window passes and the admin finalizes',
    run: appealsAndFinalize,
  },
  { done: 'SKB results final', next: 'SKB: venue and sessions, seats and exam cards, CAT score import, practical scores, results', run: runSkb },
  { done: 'interviews finalized', next: 'interview: a panel of three, rubrics, blind scoring, calibration, finalized by the chair', run: runInterviews },
  { done: 'placement announced', next: 'placement: ranking, proposal, confirmation and announcement', run: runPlacement },
];

export interface DemoProgress {
  periodId?: string;
  /** How many of STAGES are done (0 to STAGES.length). */
  done: number;
}

/** Reads each stage's outcome from the service that owns it, first to last, stopping at the first not done. */
async function stagesDone(c: StageContext): Promise<number> {
  const admin = await c.staff.as('admin');
  if (c.period.status !== 'closed') return 0;
  const audit = await screeningAudit(c);
  if (!audit.some((e) => e.action === 'RESULTS_ANNOUNCED')) return 1;
  if (!audit.some((e) => e.action === 'PERIOD_FINALIZED')) return 2;
  const report = await placementReport(c);
  if (sum(report, 'reachedPlacement') === 0) return 3;
  const candidates = await c.apis.interview.call('GET', `/admin/candidates?periodId=${c.period.id}`, { token: admin.token });
  const list = candidates.status === 200 ? (candidates.body as Json[]) : [];
  if (list.length === 0 || list.some((x) => !['COMPLETED', 'ABSENT'].includes(x.status))) return 4;
  const placements = await c.apis.placement.call('GET', `/periods/${c.period.id}/placements`, { token: admin.token });
  const placed = placements.status === 200 ? (placements.body as Json[]).find((p) => p.status === 'CONFIRMED') : undefined;
  if (!placed) return 5;
  const outcome = await c.apis.placement.call('GET', `/applications/${placed.applicationId}/outcome`, { token: admin.token });
  return outcome.status === 200 && outcome.body.status !== 'PENDING' ? 6 : 5;
}

async function context(t: DemoTargets): Promise<StageContext | undefined> {
  const apis = demoApis(t);
  const period = await findDemoPeriod(apis);
  return period ? { t, apis, staff: new DemoStaff(t, apis), period } : undefined;
}

export async function demoProgress(t: DemoTargets): Promise<DemoProgress> {
  const c = await context(t);
  return c ? { periodId: c.period.id, done: await stagesDone(c) } : { done: 0 };
}

function sayWhere(t: DemoTargets, done: number): void {
  const offsetDays = (demoNow(t.clockFile).getTime() - Date.now()) / 86_400_000;
  if (offsetDays > 0.001) t.say(`  demo clock: ${offsetDays.toFixed(1)} days ahead of real time (${t.clockFile})`);
  t.say(
    done < STAGES.length
      ? `next 'npm run demo -- advance': ${STAGES[done].next}`
      : 'the demo period is complete: every stage is done, from registration to placement',
  );
}

export async function demoStatus(t: DemoTargets): Promise<DemoProgress> {
  const c = await context(t);
  if (!c) {
    t.say(`demo: no period ${PERIOD_CODE} yet; 'npm start' seeds it`);
    return { done: 0 };
  }
  const done = await stagesDone(c);
  t.say(`demo: period ${PERIOD_CODE} (${c.period.id})`);
  STAGES.forEach((s, i) => t.say(`  [${i < done ? 'x' : ' '}] ${i + 1}. ${s.done}`));
  sayWhere(t, done);
  return { periodId: c.period.id, done };
}

/** Performs the next stage; returns the progress after it. */
export async function advanceDemo(t: DemoTargets): Promise<DemoProgress> {
  const c = await context(t);
  if (!c) throw new Error(`no period ${PERIOD_CODE}: seed it first ('npm start', or 'npm run demo' while the services run)`);
  const done = await stagesDone(c);
  if (done >= STAGES.length) {
    t.say('demo: the period is already complete');
    sayWhere(t, done);
    return { periodId: c.period.id, done };
  }
  t.say(`demo: stage ${done + 1} of ${STAGES.length}: ${STAGES[done].next}`);
  await STAGES[done].run(c);
  t.say(`demo: done: ${STAGES[done].done}`);
  sayWhere(t, done + 1);
  return { periodId: c.period.id, done: done + 1 };
}
