import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { FormationRequirements } from '@seleksi/contracts';
import { DomainError, Outbox } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_AGE_RANGE, DEFAULT_DOCUMENTS } from '../periods/period-defaults';
import { PeriodStatus } from '../periods/period';
import { periodNotFound } from '../periods/periods.service';
import { PeriodsRepository } from '../periods/periods.repository';
import { Formation } from './formation';
import { FormationDto, FormationResponse, QuotaChangeDto } from './formations.dto';
import { FormationsRepository } from './formations.repository';

function formationNotFound(id: string): DomainError {
  return new DomainError('FORMATION_NOT_FOUND', `no formation ${id}`, HttpStatus.NOT_FOUND, 'formationId');
}

export function mapFormation(f: Formation): FormationResponse {
  return { ...f };
}

function requirementsOf(dto: FormationDto): FormationRequirements {
  const r = dto.requirements;
  const requirements: FormationRequirements = {
    educationLevels: r.educationLevels as FormationRequirements['educationLevels'],
    acceptedMajors: r.acceptedMajors.map((m) => m.trim()),
    minimumGpa: r.minimumGpa,
    minimumAge: r.minimumAge ?? DEFAULT_AGE_RANGE.minimumAge,
    maximumAge: r.maximumAge ?? DEFAULT_AGE_RANGE.maximumAge,
    documents: r.documents ?? DEFAULT_DOCUMENTS,
  };
  if (requirements.maximumAge < requirements.minimumAge) {
    throw new DomainError('AGE_RANGE_INVALID', 'requirements.maximumAge must not be below minimumAge', HttpStatus.BAD_REQUEST, 'requirements.maximumAge');
  }
  const types = requirements.documents.map((d) => d.type);
  if (new Set(types).size !== types.length) {
    throw new DomainError('DOCUMENT_TYPE_DUPLICATE', 'each document type may be required once', HttpStatus.BAD_REQUEST, 'requirements.documents');
  }
  return requirements;
}

@Injectable()
export class FormationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsRepository,
    private readonly formations: FormationsRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  async add(periodId: string, dto: FormationDto): Promise<FormationResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.draftPeriod(manager, periodId);
      const formation: Formation = { id: randomUUID(), periodId, ...dto, requirements: requirementsOf(dto) };
      if (!(await this.formations.insert(manager, formation))) throw codeTaken(dto.code);
      return mapFormation(formation);
    });
  }

  /** Only while the period is a draft: once open, requirements are frozen for everyone who applied. */
  async replace(formationId: string, dto: FormationDto): Promise<FormationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.formations.find(manager, formationId, { lock: true });
      if (!existing) throw formationNotFound(formationId);
      await this.draftPeriod(manager, existing.periodId);
      const formation: Formation = { ...existing, ...dto, requirements: requirementsOf(dto) };
      const others = await this.formations.listOfPeriod(manager, existing.periodId);
      if (others.some((f) => f.code === dto.code && f.id !== formationId)) throw codeTaken(dto.code);
      await this.formations.replace(manager, formation);
      return mapFormation(formation);
    });
  }

  /**
   * A quota may change at any time before the period closes; every change is recorded with who and
   * why. Once closed, the stages that cut by quota (skb's 3 × quota, placement) may already have
   * acted on the old number, so the change is refused rather than applied by some stages only.
   */
  async changeQuota(formationId: string, dto: QuotaChangeDto, adminId: string): Promise<FormationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const formation = await this.formations.find(manager, formationId, { lock: true });
      if (!formation) throw formationNotFound(formationId);
      const period = await this.periods.find(manager, formation.periodId);
      if (!period) throw periodNotFound(formation.periodId);
      if (period.status === 'closed') {
        throw new DomainError('PERIOD_CLOSED', `period ${period.code} is closed; its quotas can no longer change`, HttpStatus.CONFLICT, 'formationId');
      }
      if (dto.quota === formation.quota) return mapFormation(formation);
      await this.formations.changeQuota(manager, formationId, formation.quota, dto.quota, dto.reason, adminId);
      if (period.status !== 'draft') {
        await this.outbox.enqueue(manager, 'FormationQuotaChanged', {
          periodId: period.id,
          ruleVersion: period.ruleVersion,
          formationId,
          previousQuota: formation.quota,
          quota: dto.quota,
          reason: dto.reason,
          changedBy: adminId,
        });
      }
      return mapFormation({ ...formation, quota: dto.quota });
    });
  }

  async listOfPeriod(periodId: string, visibleStatuses: PeriodStatus[]): Promise<FormationResponse[]> {
    const period = await this.periods.find(this.dataSource.manager, periodId);
    if (!period || !visibleStatuses.includes(period.status)) throw periodNotFound(periodId);
    return (await this.formations.listOfPeriod(this.dataSource.manager, periodId)).map(mapFormation);
  }

  quotaHistory(formationId: string) {
    return this.formations.quotaHistory(this.dataSource.manager, formationId);
  }

  private async draftPeriod(manager: EntityManager, periodId: string): Promise<void> {
    // Locks the period so opening it cannot interleave with a change to its formations.
    const period = await this.periods.find(manager, periodId, { lock: true });
    if (!period) throw periodNotFound(periodId);
    if (period.status !== 'draft') {
      throw new DomainError(
        'REQUIREMENTS_FROZEN',
        `period ${period.code} is ${period.status}: formations and their requirements are frozen (only the quota may change)`,
        HttpStatus.CONFLICT,
      );
    }
  }
}

function codeTaken(code: string): DomainError {
  return new DomainError('FORMATION_CODE_TAKEN', `the period already has a formation with code ${code}`, HttpStatus.CONFLICT, 'code');
}
