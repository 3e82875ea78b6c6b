import { Injectable, Logger } from '@nestjs/common';
import { ApplicationSubmitted, FormationPublished, PeriodOpened } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { CheckInput, recommend, runChecks } from '../checks/checks';
import { distribute } from '../verifiers/distribution';
import { VerifiersRepository } from '../verifiers/verifiers.repository';
import { IntakeRepository } from './intake.repository';

export function checkInputOf(submission: ApplicationSubmitted, ageReferenceDate: string | null): CheckInput {
  return {
    ruleVersion: submission.ruleVersion,
    ageReferenceDate,
    dateOfBirth: submission.applicant.dateOfBirth,
    education: submission.education,
    documentTypes: submission.documents.map((d) => d.type),
    nikWarnings: submission.nikWarnings,
    requirements: submission.requirements,
  };
}

/** Everything here runs in the consumed event's inbox transaction, so it happens exactly once. */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');
  /** Periods are frozen when they open, so a reference date once read never changes (one query less per case). */
  private readonly referenceDates = new Map<string, string>();

  constructor(
    private readonly intake: IntakeRepository,
    private readonly verifiers: VerifiersRepository,
  ) {}

  /**
   * A period heard after some of its applications (different partition keys, so no order between
   * them): their age checks, left undecided, run now.
   */
  async periodOpened(manager: EntityManager, period: PeriodOpened, openedAt: string): Promise<void> {
    await this.intake.upsertPeriod(manager, period, openedAt);
    const waiting = await this.intake.casesAwaitingPeriod(manager, period.periodId);
    const updates = waiting.map(({ application_id, submission }) => {
      const checks = runChecks(checkInputOf(submission, period.ageReferenceDate));
      return { applicationId: application_id, checks, recommendation: recommend(checks) };
    });
    await this.intake.updateChecks(manager, updates);
    if (updates.length > 0) this.logger.log(`period ${period.periodId}: re-ran checks of ${updates.length} cases opened before it`);
  }

  formationPublished(manager: EntityManager, formation: FormationPublished): Promise<void> {
    return this.intake.upsertFormation(manager, formation);
  }

  private async referenceDate(manager: EntityManager, periodId: string): Promise<string | null> {
    const known = this.referenceDates.get(periodId);
    if (known) return known;
    const read = await this.intake.ageReferenceDate(manager, periodId);
    if (read) this.referenceDates.set(periodId, read);
    return read;
  }

  /**
   * Opens each case with its automatic checks and, when the period has verifiers, assigns it. The
   * batch form: a chunk of submissions in the chunk's transaction, in arrival order. The period's
   * verifiers are locked once, in account order (chunks of several partitions queue here instead of
   * deadlocking over verifier rows taken one by one), each case in turn goes to the least-loaded
   * verifier outside the applicant's family (distribute(), as the admin's distribution does), and the
   * verifiers' open-case counts move in one statement.
   */
  async applicationsSubmitted(manager: EntityManager, submissions: ApplicationSubmitted[]): Promise<void> {
    const byPeriod = new Map<string, ApplicationSubmitted[]>();
    for (const s of submissions) {
      const list = byPeriod.get(s.periodId);
      if (list) list.push(s);
      else byPeriod.set(s.periodId, [s]);
    }
    for (const periodId of [...byPeriod.keys()].sort()) {
      const list = byPeriod.get(periodId)!;
      const reference = await this.referenceDate(manager, periodId);
      const loads = await this.verifiers.loadsForUpdate(manager, periodId);
      const { assignments } = distribute(
        list.map((s) => ({ applicationId: s.applicationId, kkDigest: s.applicant.kkDigest })),
        loads,
      );
      const verifierOf = new Map(assignments.map((a) => [a.applicationId, a.accountId]));
      const deltas = new Map<string, number>();
      for (const submission of list) {
        const checks = runChecks(checkInputOf(submission, reference));
        const verifier = verifierOf.get(submission.applicationId) ?? null;
        // Only the first case of an application opens (a re-publish under a new event id is ignored).
        verifierOf.delete(submission.applicationId);
        if (await this.intake.openCase(manager, submission, checks, recommend(checks), verifier)) {
          if (verifier) deltas.set(verifier, (deltas.get(verifier) ?? 0) + 1);
        } else {
          this.logger.warn(`application ${submission.applicationId} already has a case; submission ignored`);
        }
      }
      if (deltas.size > 0) await this.verifiers.addOpenCases(manager, periodId, deltas);
    }
  }
}
