import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../shared/uuid-param';
import { CreatePositionRubricDto, CreateRubricDto, RubricDto } from './rubrics.dto';
import { RubricsService } from './rubrics.service';

@ApiTags('rubrics')
@ApiBearerAuth()
@Controller()
export class RubricsController {
  constructor(private readonly rubrics: RubricsService) {}

  /** A new version of the formation's rubric; 409 RUBRIC_FROZEN once its candidates are being scored. */
  @Post('formations/:formationId/rubrics')
  @Roles('admin')
  @ApiCreatedResponse({ type: RubricDto })
  publishForFormation(@UuidParam('formationId') formationId: string, @Body() dto: CreateRubricDto, @CurrentPrincipal() p: Principal): Promise<RubricDto> {
    return this.rubrics.publishForFormation(p, formationId, dto);
  }

  /** A new version of a position's rubric in the period; 409 RUBRIC_FROZEN once a sheet uses its current version. */
  @Post('periods/:periodId/position-rubrics')
  @Roles('admin')
  @ApiCreatedResponse({ type: RubricDto })
  publishForPosition(@UuidParam('periodId') periodId: string, @Body() dto: CreatePositionRubricDto, @CurrentPrincipal() p: Principal): Promise<RubricDto> {
    return this.rubrics.publishForPosition(p, periodId, dto);
  }

  /** The rubric that scores the formation's candidates (its own, else its position's). */
  @Get('formations/:formationId/rubrics/current')
  @Roles('admin')
  @ApiOkResponse({ type: RubricDto })
  current(@UuidParam('formationId') formationId: string): Promise<RubricDto> {
    return this.rubrics.current(formationId);
  }
}
