import { Injectable, Logger } from '@nestjs/common';
import { ApplicationSubmitted, FormationPublished, PeriodOpened } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { CheckInput, recommend, runChecks } from '../checks/checks';
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
   * Opens the case with its automatic checks and, when the period has verifiers, assigns it: the
   * verifier is taken first so the case is inserted already assigned (three statements per event).
   */
  async applicationSubmitted(manager: EntityManager, submission: ApplicationSubmitted): Promise<void> {
    const reference = await this.referenceDate(manager, submission.periodId);
    const checks = runChecks(checkInputOf(submission, reference));
    const verifier = await this.verifiers.takeLeastLoaded(manager, submission.periodId, submission.applicant.kkDigest);
    const opened = await this.intake.openCase(manager, submission, checks, recommend(checks), verifier);
    if (!opened) {
      // The same application under a new event id (a re-publish): the first case stands.
      if (verifier) await this.verifiers.addOpenCases(manager, submission.periodId, new Map([[verifier, -1]]));
      this.logger.warn(`application ${submission.applicationId} already has a case; submission ignored`);
    }
  }

  /**
   * The batch form: a chunk of submissions in the chunk's transaction, in arrival order. Each still
   * takes the least-loaded verifier in turn (the next case's choice depends on the previous one), so
   * the statements stay per case; what the chunk saves is a transaction and an inbox insert per event.
   */
  async applicationsSubmitted(manager: EntityManager, submissions: ApplicationSubmitted[]): Promise<void> {
    for (const submission of submissions) await this.applicationSubmitted(manager, submission);
  }
}
