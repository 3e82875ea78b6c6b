import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@seleksi/auth';
import { DomainError, messageParams } from '@seleksi/messaging';
import { formatLocalDate } from '@seleksi/time';
import { DataSource } from 'typeorm';
import { AllocationRepository } from '../allocation/allocation.repository';
import { applicantWhy } from '../allocation/applicant-why';
import { PeriodRepository } from '../periods/period.repository';
import { RankingRepository, StoredEntry } from '../ranking/ranking.repository';
import { OutcomeDto } from './outcome.dto';

const STAFF = new Set(['placement-officer', 'admin']);

/**
 * What an applicant sees of their placement stage: nothing but PENDING until the announcement, then
 * their status and score explanation. An applicant asking about someone else's application gets the
 * same 404 as for an unknown one.
 */
@Injectable()
export class OutcomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
  ) {}

  async outcome(principal: Principal, applicationId: string): Promise<OutcomeDto> {
    const manager = this.dataSource.manager;
    const staff = principal.roles.some((r) => STAFF.has(r));
    const entry: StoredEntry | null = staff
      ? await this.rankings.entryOfApplication(manager, applicationId)
      : await this.rankings.entriesOfApplicant(manager, principal.id, applicationId);
    if (!entry) throw new DomainError('OUTCOME_NOT_FOUND', 'no placement outcome for this application', HttpStatus.NOT_FOUND, 'applicationId');
    const period = await this.periods.get(manager, entry.periodId);
    const base = { applicationId, periodId: entry.periodId };
    if (!period.announcedAt && !staff) {
      return {
        ...base,
        status: 'PENDING',
        rank: null,
        finalScore: null,
        explanation: null,
        code: 'OUTCOME_PENDING',
        params: {},
        message: 'placement results have not been announced yet',
      };
    }
    const placement = await this.placements.latestOfApplication(manager, entry.periodId, applicationId);
    const scored = { rank: entry.rank, finalScore: entry.finalScore, explanation: entry.explanation };
    if (placement?.status === 'CONFIRMED') {
      return {
        ...base,
        ...scored,
        status: 'PLACED',
        kind: placement.kind,
        placedInFormationId: placement.formationId,
        why: applicantWhy(placement),
        reportingDate: period.reportingDate,
        code: 'OUTCOME_PLACED',
        params: messageParams({
          kind: placement.kind,
          reportingDate: period.reportingDate,
          zone: period.timeZone,
          rank: entry.rank,
          finalScore: entry.finalScore,
        }),
        // reportingDate is an agency-local calendar date; read at UTC midnight it stays that date in every zone (all are ahead of UTC).
        message: `placed; report for duty on ${formatLocalDate(`${period.reportingDate}T00:00:00.000Z`, period.timeZone, 'en')}; you may decline until the day before`,
      };
    }
    if (placement?.status === 'DECLINED') {
      return {
        ...base,
        ...scored,
        status: 'DECLINED',
        kind: placement.kind,
        placedInFormationId: placement.formationId,
        code: 'OUTCOME_DECLINED',
        params: messageParams({ reason: placement.declineReason }),
        message: `you declined this placement: ${placement.declineReason ?? ''}`,
      };
    }
    if (entry.rank === null) {
      const because = entry.explanation.notRankedBecause ?? 'NOT_ELIGIBLE';
      return { ...base, ...scored, status: 'NOT_RANKED', code: 'OUTCOME_NOT_RANKED', params: { because }, message: `not ranked: ${because}` };
    }
    return {
      ...base,
      ...scored,
      status: 'NOT_PLACED',
      code: 'OUTCOME_NOT_PLACED',
      params: messageParams({ rank: entry.rank, finalScore: entry.finalScore }),
      message: `ranked ${entry.rank} in your formation; no seat was available for this rank`,
    };
  }
}
