import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { AssignmentDto, DistributionDto, ReassignCaseDto, RegisterVerifierDto, VerifierDto } from './verifiers.dto';
import { VerifiersService } from './verifiers.service';

@ApiTags('verifiers')
@ApiBearerAuth()
@Controller()
@Roles('admin')
export class VerifiersController {
  constructor(private readonly verifiers: VerifiersService) {}

  @Post('periods/:periodId/verifiers')
  @ApiCreatedResponse({ type: VerifierDto })
  register(@CurrentPrincipal() p: Principal, @UuidParam('periodId') periodId: string, @Body() dto: RegisterVerifierDto): Promise<VerifierDto> {
    return this.verifiers.register(p.id, periodId, dto);
  }

  @Get('periods/:periodId/verifiers')
  @ApiOkResponse({ type: [VerifierDto] })
  list(@UuidParam('periodId') periodId: string): Promise<VerifierDto[]> {
    return this.verifiers.list(periodId);
  }

  @Post('periods/:periodId/distribution')
  @HttpCode(200)
  @ApiOkResponse({ type: DistributionDto, description: 'Assigns every unassigned undecided case, balanced' })
  distribute(@CurrentPrincipal() p: Principal, @UuidParam('periodId') periodId: string): Promise<DistributionDto> {
    return this.verifiers.distributeUnassigned(p.id, periodId);
  }

  @Put('cases/:applicationId/assignment')
  @ApiOkResponse({ type: AssignmentDto })
  reassign(@CurrentPrincipal() p: Principal, @UuidParam('applicationId') applicationId: string, @Body() dto: ReassignCaseDto): Promise<AssignmentDto> {
    return this.verifiers.reassign(p.id, applicationId, dto);
  }
}
