import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../shared/uuid-param';
import { PeriodQueryDto } from '../shared/period-query.dto';
import { AssignFormationDto, CreatePanelDto, FormationAssignedDto, PanelDto } from './panels.dto';
import { PanelsService } from './panels.service';

@ApiTags('panels')
@ApiBearerAuth()
@Controller('panels')
export class PanelsController {
  constructor(private readonly panels: PanelsService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: PanelDto })
  create(@Body() dto: CreatePanelDto, @CurrentPrincipal() p: Principal): Promise<PanelDto> {
    return this.panels.create(p, dto);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: PanelDto, isArray: true })
  list(@Query() q: PeriodQueryDto): Promise<PanelDto[]> {
    return this.panels.list(q.periodId);
  }

  @Post(':panelId/formations')
  @Roles('admin')
  @ApiCreatedResponse({ type: FormationAssignedDto })
  assignFormation(@UuidParam('panelId') panelId: string, @Body() dto: AssignFormationDto): Promise<FormationAssignedDto> {
    return this.panels.assignFormation(panelId, dto);
  }
}
