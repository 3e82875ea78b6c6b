import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { AppealDto, AssignReviewerDto, FileAppealDto, OverdueQueryDto, ResolveAppealDto, StaffAppealDto } from './appeals.dto';
import { AppealsService } from './appeals.service';
import { FileAppeal } from './usecases/file-appeal/file-appeal.usecase';
import { ResolveAppeal } from './usecases/resolve-appeal/resolve-appeal.usecase';

@ApiTags('appeals')
@ApiBearerAuth()
@Controller()
export class AppealsController {
  constructor(
    private readonly appeals: AppealsService,
    private readonly fileAppeal: FileAppeal,
    private readonly resolveAppeal: ResolveAppeal,
  ) {}

  @Post('applications/:applicationId/appeal')
  @Roles('applicant')
  @ApiCreatedResponse({ type: AppealDto, description: 'Files the one appeal (sanggah) of a TMS application' })
  file(@CurrentPrincipal() p: Principal, @UuidParam('applicationId') applicationId: string, @Body() dto: FileAppealDto): Promise<AppealDto> {
    return this.fileAppeal.execute({ applicantId: p.id, applicationId, text: dto.text });
  }

  @Get('applications/:applicationId/appeal')
  @Roles('applicant')
  @ApiOkResponse({ type: AppealDto })
  own(@CurrentPrincipal() p: Principal, @UuidParam('applicationId') applicationId: string): Promise<AppealDto> {
    return this.appeals.ofApplicant(p.id, applicationId);
  }

  @Get('appeals/assigned')
  @Roles('verifier')
  @ApiOkResponse({ type: [StaffAppealDto], description: 'Open appeals the caller must answer, soonest deadline first' })
  assigned(@CurrentPrincipal() p: Principal): Promise<StaffAppealDto[]> {
    return this.appeals.assignedTo(p.id);
  }

  @Get('appeals/overdue')
  @Roles('admin')
  @ApiOkResponse({ type: [StaffAppealDto], description: 'Open appeals past their answer deadline' })
  overdue(@Query() query: OverdueQueryDto): Promise<StaffAppealDto[]> {
    return this.appeals.overdue(query.periodId);
  }

  @Put('appeals/:appealId/reviewer')
  @Roles('admin')
  @ApiOkResponse({ type: StaffAppealDto, description: 'Gives an open appeal a (new) reviewer; audited' })
  assignReviewer(@CurrentPrincipal() p: Principal, @UuidParam('appealId') appealId: string, @Body() dto: AssignReviewerDto): Promise<StaffAppealDto> {
    return this.appeals.assignReviewer(p.id, appealId, dto.verifierId);
  }

  @Post('appeals/:appealId/resolution')
  @HttpCode(200)
  @Roles('verifier')
  @ApiOkResponse({ type: StaffAppealDto })
  resolve(@CurrentPrincipal() p: Principal, @UuidParam('appealId') appealId: string, @Body() dto: ResolveAppealDto): Promise<StaffAppealDto> {
    return this.resolveAppeal.execute({ reviewerId: p.id, appealId, ...dto });
  }
}
