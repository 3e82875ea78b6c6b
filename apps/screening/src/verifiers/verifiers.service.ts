import { HttpStatus, Injectable } from '@nestjs/common';
import { kkDigest } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { CasesRepository } from '../cases/cases.repository';
import { Clock } from '../common/clock';
import { PeriodsRepository } from '../periods/periods.repository';
import { ScreeningConfig } from '../screening.config';
import { distribute } from './distribution';
import { AssignmentDto, DistributionDto, mapVerifier, ReassignCaseDto, RegisterVerifierDto, VerifierDto } from './verifiers.dto';
import { VerifiersRepository } from './verifiers.repository';

/** Cases handed out per statement when distributing: bounds memory and the parameter arrays. */
const DISTRIBUTION_BATCH = 10_000;

@Injectable()
export class VerifiersService {
  constructor(
    private readonly db: DataSource,
    private readonly config: ScreeningConfig,
    private readonly clock: Clock,
    private readonly verifiers: VerifiersRepository,
    private readonly periods: PeriodsRepository,
    private readonly cases: CasesRepository,
    private readonly audit: AuditRepository,
  ) {}

  private async knownPeriod(manager: EntityManager, periodId: string): Promise<void> {
    if (!(await this.periods.rules(manager, periodId))) {
      throw new DomainError('PERIOD_NOT_FOUND', `period ${periodId} is not known to screening`, HttpStatus.NOT_FOUND, 'periodId');
    }
  }

  register(adminId: string, periodId: string, dto: RegisterVerifierDto): Promise<VerifierDto> {
    return this.db.transaction(async (m) => {
      await this.knownPeriod(m, periodId);
      const at = this.clock.now();
      const digest = kkDigest(dto.kkNumber, this.config.KK_DIGEST_KEY);
      const inserted = await this.verifiers.register(m, periodId, { accountId: dto.accountId, name: dto.name, kkDigest: digest, registeredBy: adminId, at });
      if (!inserted) {
        throw new DomainError('VERIFIER_ALREADY_REGISTERED', `account ${dto.accountId} is already a verifier of this period`, HttpStatus.CONFLICT, 'accountId');
      }
      await this.audit.record(m, at, [
        { actorId: adminId, action: 'VERIFIER_REGISTERED', applicationId: null, periodId, details: { accountId: dto.accountId } },
      ]);
      const row = await this.verifiers.find(m, periodId, dto.accountId);
      return mapVerifier(row!);
    });
  }

  async list(periodId: string): Promise<VerifierDto[]> {
    await this.knownPeriod(this.db.manager, periodId);
    return (await this.verifiers.list(this.db.manager, periodId)).map(mapVerifier);
  }

  /** Hands every unassigned undecided case of the period out, balanced, in batches of one statement each. */
  distributeUnassigned(adminId: string, periodId: string): Promise<DistributionDto> {
    return this.db.transaction(async (m) => {
      await this.knownPeriod(m, periodId);
      const loads = await this.verifiers.loadsForUpdate(m, periodId);
      if (loads.length === 0) throw new DomainError('NO_VERIFIERS', 'the period has no verifiers yet', HttpStatus.CONFLICT, 'periodId');
      let assigned = 0;
      const unassignable: string[] = [];
      const deltas = new Map<string, number>();
      const skip = new Set<string>();
      for (;;) {
        const batch = (await this.cases.unassigned(m, periodId, DISTRIBUTION_BATCH + skip.size)).filter((c) => !skip.has(c.applicationId));
        if (batch.length === 0) break;
        const result = distribute(batch, loads);
        await this.cases.assignMany(m, result.assignments);
        for (const a of result.assignments) {
          deltas.set(a.accountId, (deltas.get(a.accountId) ?? 0) + 1);
          loads.find((l) => l.accountId === a.accountId)!.openCases += 1;
        }
        for (const id of result.unassignable) skip.add(id);
        unassignable.push(...result.unassignable);
        assigned += result.assignments.length;
        if (result.assignments.length === 0) break;
      }
      await this.verifiers.addOpenCases(m, periodId, deltas);
      await this.audit.record(m, this.clock.now(), [
        { actorId: adminId, action: 'CASES_DISTRIBUTED', applicationId: null, periodId, details: { assigned, unassignable: unassignable.length } },
      ]);
      return { assigned, unassignable };
    });
  }

  reassign(adminId: string, applicationId: string, dto: ReassignCaseDto): Promise<AssignmentDto> {
    return this.db.transaction(async (m) => {
      const found = await this.cases.find(m, applicationId, true);
      if (!found) throw new DomainError('CASE_NOT_FOUND', `no screening case for application ${applicationId}`, HttpStatus.NOT_FOUND, 'applicationId');
      if (found.status !== 'PENDING') {
        throw new DomainError('CASE_ALREADY_DECIDED', 'only undecided cases can be reassigned', HttpStatus.CONFLICT, 'applicationId');
      }
      const target = await this.verifiers.find(m, found.period_id, dto.verifierId);
      if (!target) throw new DomainError('VERIFIER_NOT_FOUND', 'that account is not a verifier of the period', HttpStatus.NOT_FOUND, 'verifierId');
      if (found.kk_digest !== null && target.kk_digest === found.kk_digest) {
        throw new DomainError('VERIFIER_SAME_FAMILY', 'the verifier shares a KK number with the applicant', HttpStatus.CONFLICT, 'verifierId');
      }
      const previous = found.assigned_to;
      if (previous !== dto.verifierId) {
        await this.cases.assign(m, applicationId, dto.verifierId);
        const deltas = new Map<string, number>([[dto.verifierId, 1]]);
        if (previous) deltas.set(previous, -1);
        await this.verifiers.addOpenCases(m, found.period_id, deltas);
      }
      await this.audit.record(m, this.clock.now(), [
        {
          actorId: adminId,
          action: 'CASE_REASSIGNED',
          applicationId,
          periodId: found.period_id,
          details: { from: previous, to: dto.verifierId, reason: dto.reason ?? null },
        },
      ]);
      return { applicationId, previousVerifierId: previous, verifierId: dto.verifierId };
    });
  }
}
