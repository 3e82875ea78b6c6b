import { Injectable } from '@nestjs/common';
import { Principal } from '@seleksi/auth';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PeriodRules, PeriodsRepository } from '../periods/periods.repository';
import { Clock } from '../shared/clock';
import { conflict, notFound, unprocessable } from '../shared/errors';
import { rubricProblem } from './rubric-rules';
import { CreatePositionRubricDto, CreateRubricDto, mapRubric, RubricDto } from './rubrics.dto';
import { RubricOwner, RubricsRepository } from './rubrics.repository';

@Injectable()
export class RubricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rubrics: RubricsRepository,
    private readonly periods: PeriodsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Every edit is a new version of the formation's rubric. Once any candidate of the formation has a
   * sheet the formation's rubric is frozen: all its candidates are scored on the same criteria.
   */
  async publishForFormation(admin: Principal, formationId: string, dto: CreateRubricDto): Promise<RubricDto> {
    return this.dataSource.transaction(async (m) => {
      const [formation] = await this.periods.formations(m, [formationId]);
      if (!formation) throw notFound('FORMATION_UNKNOWN', 'no published formation with this id', 'formationId');
      const period = await this.periods.period(m, formation.periodId);
      if (!period) throw notFound('PERIOD_UNKNOWN', "the formation's period has not been opened", 'formationId');
      const latest = await this.rubrics.latest(m, { formationId }, true);
      if (await this.rubrics.formationScored(m, formationId)) {
        throw conflict('RUBRIC_FROZEN', "the formation's candidates are being scored; its rubric can no longer change", 'formationId');
      }
      return this.publish(m, admin, period, { formationId }, formation.code, latest?.version ?? 0, dto);
    });
  }

  /** A rubric for every formation of the period with this position that has none of its own. */
  async publishForPosition(admin: Principal, periodId: string, dto: CreatePositionRubricDto): Promise<RubricDto> {
    return this.dataSource.transaction(async (m) => {
      const period = await this.periods.period(m, periodId);
      if (!period) throw notFound('PERIOD_UNKNOWN', 'no opened period with this id', 'periodId');
      const owner = { periodId, position: dto.position };
      const latest = await this.rubrics.latest(m, owner, true);
      if (latest?.frozen) throw conflict('RUBRIC_FROZEN', `rubric ${latest.label} is in use by score sheets and can no longer change`, 'position');
      return this.publish(m, admin, period, owner, dto.position, latest?.version ?? 0, dto);
    });
  }

  async current(formationId: string): Promise<RubricDto> {
    const rubric = await this.rubrics.effective(this.dataSource.manager, formationId);
    if (!rubric) throw notFound('RUBRIC_NOT_FOUND', 'neither the formation nor its position has a rubric yet', 'formationId');
    return mapRubric(rubric);
  }

  private async publish(
    m: EntityManager,
    admin: Principal,
    period: PeriodRules,
    owner: RubricOwner,
    labelPrefix: string,
    previousVersion: number,
    dto: CreateRubricDto,
  ): Promise<RubricDto> {
    const problem = rubricProblem(dto.criteria, period.scaleMin, period.scaleMax);
    if (problem) throw unprocessable(problem.code, problem.message, problem.field);
    const version = previousVersion + 1;
    const row = {
      rubricId: randomUUID(),
      formationId: 'formationId' in owner ? owner.formationId : null,
      position: 'position' in owner ? owner.position : null,
      version,
      label: `${labelPrefix}.v${version}`,
      criteria: dto.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight, anchors: [...c.anchors].sort((a, b) => a.level - b.level) })),
    };
    await this.rubrics.add(m, { ...row, periodId: period.periodId, createdBy: admin.id, createdAt: this.clock.now() });
    return mapRubric({ ...row, frozen: false });
  }
}
