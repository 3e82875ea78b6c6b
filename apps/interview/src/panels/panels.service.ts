import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@seleksi/auth';
import { kkDigest } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InterviewConfig } from '../interview.config';
import { PeriodsRepository } from '../periods/periods.repository';
import { Clock } from '../shared/clock';
import { conflict, notFound, unprocessable } from '../shared/errors';
import { CandidatePlacementService } from './candidate-placement.service';
import { AssignFormationDto, CreatePanelDto, FormationAssignedDto, mapPanel, PanelDto } from './panels.dto';
import { PanelsRepository } from './panels.repository';

@Injectable()
export class PanelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly panels: PanelsRepository,
    private readonly periods: PeriodsRepository,
    private readonly placement: CandidatePlacementService,
    private readonly config: InterviewConfig,
    private readonly clock: Clock,
  ) {}

  async create(admin: Principal, dto: CreatePanelDto): Promise<PanelDto> {
    const chairs = dto.members.filter((m) => m.chair).length;
    if (chairs !== 1) throw unprocessable('PANEL_CHAIR_COUNT', `a panel has exactly one chair, got ${chairs}`, 'members');
    const ids = dto.members.map((m) => m.panelistId);
    const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (duplicate >= 0) throw unprocessable('PANELIST_DUPLICATE', 'a panelist appears twice in the panel', `members.${duplicate}.panelistId`);
    return this.dataSource.transaction(async (m) => {
      const period = await this.periods.period(m, dto.periodId);
      if (!period) throw notFound('PERIOD_UNKNOWN', 'no opened period with this id', 'periodId');
      if (dto.members.length < period.minimumPanelSize) {
        throw unprocessable('PANEL_TOO_SMALL', `the period needs at least ${period.minimumPanelSize} panelists per panel`, 'members');
      }
      const panelId = randomUUID();
      await this.panels.create(m, {
        panelId,
        periodId: dto.periodId,
        name: dto.name,
        createdBy: admin.id,
        createdAt: this.clock.now(),
        members: dto.members.map((x) => ({
          panelistId: x.panelistId,
          displayName: x.displayName,
          chair: x.chair,
          kkDigest: kkDigest(x.kkNumber, this.config.KK_DIGEST_KEY),
        })),
      });
      // New members may share a family with candidates already placed, and unplaced candidates may now fit here.
      await this.placement.placePeriod(m, dto.periodId);
      return mapPanel((await this.panels.find(m, panelId))!);
    });
  }

  async list(periodId: string): Promise<PanelDto[]> {
    return (await this.panels.forPeriod(this.dataSource.manager, periodId)).map(mapPanel);
  }

  async assignFormation(panelId: string, dto: AssignFormationDto): Promise<FormationAssignedDto> {
    return this.dataSource.transaction(async (m) => {
      const panel = await this.panels.find(m, panelId, true);
      if (!panel) throw notFound('PANEL_NOT_FOUND', 'no panel with this id', 'panelId');
      const [formation] = await this.periods.formations(m, [dto.formationId]);
      if (!formation) throw notFound('FORMATION_UNKNOWN', 'no published formation with this id', 'formationId');
      if (formation.periodId !== panel.periodId) {
        throw new DomainError('FORMATION_OTHER_PERIOD', 'the formation belongs to another period than the panel', HttpStatus.CONFLICT, 'formationId');
      }
      if (panel.formationIds.includes(dto.formationId)) throw conflict('FORMATION_ALREADY_ASSIGNED', 'the panel already has this formation', 'formationId');
      await this.panels.assignFormation(m, panelId, dto.formationId, this.clock.now());
      const outcome = await this.placement.placePeriod(m, panel.periodId);
      return { panelId, formationId: dto.formationId, moved: outcome.moved.length, unplaced: outcome.unplaced.length };
    });
  }
}
