import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../shared/uuid-param';
import { CandidateAdminDto, CandidateDetailDto, CandidateQueryDto } from './candidates.dto';
import { CandidatesService } from './candidates.service';

@ApiTags('candidates')
@ApiBearerAuth()
@Controller('admin/candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: CandidateAdminDto, isArray: true })
  list(@Query() q: CandidateQueryDto, @CurrentPrincipal() p: Principal): Promise<CandidateAdminDto[]> {
    return this.candidates.list(p, q.periodId, q.status);
  }

  @Get(':applicationId')
  @Roles('admin')
  @ApiOkResponse({ type: CandidateDetailDto })
  detail(@UuidParam('applicationId') applicationId: string, @CurrentPrincipal() p: Principal): Promise<CandidateDetailDto> {
    return this.candidates.detail(p, applicationId);
  }
}
