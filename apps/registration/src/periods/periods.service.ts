import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AgencyTimeZone, PlacementRules } from '@seleksi/contracts';
import { DomainError, Outbox } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { formatLocalTime } from '@seleksi/time';
import { formationPublishedPayload } from '../formations/formation';
import { FormationsRepository } from '../formations/formations.repository';
import { Period, periodOpenedPayload, periodRuleProblems, PeriodStatus } from './period';
import { DEFAULT_AGE_RANGE, DEFAULT_DOCUMENTS, PERIOD_DEFAULTS } from './period-defaults';
import { CreatePeriodDto, PeriodDefaultsResponse, PeriodResponse } from './periods.dto';
import { PeriodsRepository } from './periods.repository';

export function periodNotFound(id: string): DomainError {
  return new DomainError('PERIOD_NOT_FOUND', `no period ${id}`, HttpStatus.NOT_FOUND, 'periodId');
}

export function mapPeriod(p: Period): PeriodResponse {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    agencyName: p.agencyName,
    timeZone: p.timeZone,
    status: p.status,
    registrationOpensAt: p.registrationOpensAt.toISOString(),
    registrationClosesAt: p.registrationClosesAt.toISOString(),
    registrationClosesLocal: formatLocalTime(p.registrationClosesAt, p.timeZone, 'en'),
    ageReferenceDate: p.ageReferenceDate,
    appealFilingDays: p.appealFilingDays,
    appealAnsweringDays: p.appealAnsweringDays,
    ruleVersion: p.ruleVersion,
    ...p.rules,
  };
}

function codeTaken(code: string): DomainError {
  return new DomainError('PERIOD_CODE_TAKEN', `a period with code ${code} exists`, HttpStatus.CONFLICT, 'code');
}

/** A draft period from a create/edit body, unspecified rules taking the defaults; 400 naming the first broken rule. */
function checkedPeriod(id: string, dto: CreatePeriodDto): Period {
  // Only the fields given override a default (a DTO instance may carry undefined ones).
  const given = Object.fromEntries(Object.entries(dto.placement).filter(([, v]) => v !== undefined));
  const placement = { ...PERIOD_DEFAULTS.placementRules, ...given } as PlacementRules;
  const period: Period = {
    id,
    code: dto.code,
    name: dto.name,
    agencyName: dto.agencyName,
    timeZone: dto.timeZone as AgencyTimeZone,
    registrationOpensAt: new Date(dto.registrationOpensAt),
    registrationClosesAt: new Date(dto.registrationClosesAt),
    ageReferenceDate: dto.ageReferenceDate,
    appealFilingDays: dto.appealFilingDays ?? PERIOD_DEFAULTS.appealFilingDays,
    appealAnsweringDays: dto.appealAnsweringDays ?? PERIOD_DEFAULTS.appealAnsweringDays,
    ruleVersion: dto.ruleVersion,
    rules: {
      stageWeights: dto.stageWeights ?? PERIOD_DEFAULTS.stageWeights,
      tieBreakChain: dto.tieBreakChain ?? PERIOD_DEFAULTS.tieBreakChain,
      skb: dto.skb ?? PERIOD_DEFAULTS.skb,
      interview: dto.interview ?? PERIOD_DEFAULTS.interview,
      placement,
    },
    status: 'draft',
  };
  const problems = periodRuleProblems(period);
  if (problems.length > 0) {
    throw new DomainError(problems[0].code, problems.map((p) => `${p.field}: ${p.message}`).join('; '), HttpStatus.BAD_REQUEST, problems[0].field, {
      errors: problems,
    });
  }
  return period;
}

@Injectable()
export class PeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsRepository,
    private readonly formations: FormationsRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreatePeriodDto, adminId: string): Promise<PeriodResponse> {
    const period = checkedPeriod(randomUUID(), dto);
    const inserted = await this.periods.insert(this.dataSource.manager, period, adminId);
    if (!inserted) throw codeTaken(dto.code);
    return mapPeriod(period);
  }

  /** Replaces a draft's settings (the same body as create; rules left out take the defaults again). 409 PERIOD_NOT_DRAFT once opened. */
  async update(id: string, dto: CreatePeriodDto): Promise<PeriodResponse> {
    const period = checkedPeriod(id, dto);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.periods.find(manager, id, { lock: true });
      if (!existing) throw periodNotFound(id);
      if (existing.status !== 'draft') {
        throw new DomainError('PERIOD_NOT_DRAFT', `period ${existing.code} is ${existing.status}; only a draft can be edited`, HttpStatus.CONFLICT);
      }
      if (!(await this.periods.update(manager, period))) throw codeTaken(dto.code);
      return mapPeriod(period);
    });
  }

  defaults(): PeriodDefaultsResponse {
    return {
      appealFilingDays: PERIOD_DEFAULTS.appealFilingDays,
      appealAnsweringDays: PERIOD_DEFAULTS.appealAnsweringDays,
      stageWeights: PERIOD_DEFAULTS.stageWeights,
      tieBreakChain: PERIOD_DEFAULTS.tieBreakChain,
      skb: PERIOD_DEFAULTS.skb,
      interview: PERIOD_DEFAULTS.interview,
      placement: PERIOD_DEFAULTS.placementRules,
      documents: DEFAULT_DOCUMENTS,
      ...DEFAULT_AGE_RANGE,
    };
  }

  async get(id: string, visibleStatuses: PeriodStatus[]): Promise<PeriodResponse> {
    const period = await this.periods.find(this.dataSource.manager, id);
    if (!period || !visibleStatuses.includes(period.status)) throw periodNotFound(id);
    return mapPeriod(period);
  }

  async list(statuses: PeriodStatus[]): Promise<PeriodResponse[]> {
    return (await this.periods.list(this.dataSource.manager, statuses)).map(mapPeriod);
  }

  /** draft → open: requirements freeze, and the period's rules and formations are published together. */
  async open(id: string): Promise<PeriodResponse> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.find(manager, id, { lock: true });
      if (!period) throw periodNotFound(id);
      if (period.status !== 'draft') {
        throw new DomainError('PERIOD_NOT_DRAFT', `period ${period.code} is ${period.status}; only a draft can be opened`, HttpStatus.CONFLICT);
      }
      const formations = await this.formations.listOfPeriod(manager, id);
      if (formations.length === 0) {
        throw new DomainError('PERIOD_HAS_NO_FORMATIONS', `period ${period.code} has no formations to publish`, HttpStatus.CONFLICT);
      }
      await this.periods.setStatus(manager, id, 'open', this.clock.now());
      await this.outbox.enqueue(manager, 'PeriodOpened', periodOpenedPayload(period));
      await this.outbox.enqueueMany(
        manager,
        'FormationPublished',
        formations.map((f) => formationPublishedPayload(f, period.ruleVersion)),
      );
      return mapPeriod({ ...period, status: 'open' });
    });
  }

  /** open → closed: no submission is taken after this, whatever the clock says. */
  async close(id: string): Promise<PeriodResponse> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.find(manager, id, { lock: true });
      if (!period) throw periodNotFound(id);
      if (period.status !== 'open') {
        throw new DomainError('PERIOD_NOT_OPEN', `period ${period.code} is ${period.status}; only an open period can be closed`, HttpStatus.CONFLICT);
      }
      const now = this.clock.now();
      await this.periods.setStatus(manager, id, 'closed', now);
      // The period row is locked and now closed, so no submission can slip in between the count and the commit.
      const byFormation = await this.periods.submittedByFormation(manager, id);
      await this.outbox.enqueue(manager, 'PeriodClosed', {
        periodId: id,
        ruleVersion: period.ruleVersion,
        closedAt: now.toISOString(),
        submittedApplications: byFormation.reduce((sum, f) => sum + f.count, 0),
        byFormation,
      });
      return mapPeriod({ ...period, status: 'closed' });
    });
  }
}
