import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { FormationDto, FormationResponse, QuotaChangeDto } from './formations.dto';
import { FormationsService } from './formations.service';

@ApiTags('formations')
@Controller()
export class FormationsController {
  constructor(private readonly formations: FormationsService) {}

  @Public()
  @Get('periods/:periodId/formations')
  @ApiOperation({ summary: 'Formations of an open or closed period' })
  @ApiOkResponse({ type: [FormationResponse] })
  listPublished(@Param('periodId', UuidParam('periodId')) periodId: string): Promise<FormationResponse[]> {
    return this.formations.listOfPeriod(periodId, ['open', 'closed']);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Get('admin/periods/:periodId/formations')
  @ApiOkResponse({ type: [FormationResponse] })
  listAll(@Param('periodId', UuidParam('periodId')) periodId: string): Promise<FormationResponse[]> {
    return this.formations.listOfPeriod(periodId, ['draft', 'open', 'closed']);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Post('admin/periods/:periodId/formations')
  @ApiOperation({ summary: 'Add a formation to a draft period' })
  @ApiOkResponse({ type: FormationResponse })
  add(@Param('periodId', UuidParam('periodId')) periodId: string, @Body() dto: FormationDto): Promise<FormationResponse> {
    return this.formations.add(periodId, dto);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Put('admin/formations/:formationId')
  @ApiOperation({ summary: "Replace a draft period's formation (409 REQUIREMENTS_FROZEN once the period is open)" })
  @ApiOkResponse({ type: FormationResponse })
  replace(@Param('formationId', UuidParam('formationId')) formationId: string, @Body() dto: FormationDto): Promise<FormationResponse> {
    return this.formations.replace(formationId, dto);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Post('admin/formations/:formationId/quota')
  @ApiOperation({ summary: 'Change a quota, with a reason; audited, and FormationQuotaChanged once the period is open (409 PERIOD_CLOSED once it is closed)' })
  @ApiOkResponse({ type: FormationResponse })
  changeQuota(
    @Param('formationId', UuidParam('formationId')) formationId: string,
    @Body() dto: QuotaChangeDto,
    @CurrentPrincipal() admin: Principal,
  ): Promise<FormationResponse> {
    return this.formations.changeQuota(formationId, dto, admin.id);
  }
}
