import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { DeclinePlacement } from '../allocation/usecases/decline-placement.usecase';
import { ApplicationParams, DeclineRequestDto, DeclineResponseDto, OutcomeDto } from './outcome.dto';
import { OutcomeService } from './outcome.service';

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('applications/:applicationId')
export class OutcomeController {
  constructor(
    private readonly outcomes: OutcomeService,
    private readonly decline: DeclinePlacement,
  ) {}

  @Get('outcome')
  @Roles('applicant', 'placement-officer', 'admin')
  @ApiOkResponse({ type: OutcomeDto })
  outcome(@Param() params: ApplicationParams, @CurrentPrincipal() p: Principal): Promise<OutcomeDto> {
    return this.outcomes.outcome(p, params.applicationId);
  }

  @Post('decline')
  @HttpCode(HttpStatus.OK)
  @Roles('applicant')
  @ApiOkResponse({ type: DeclineResponseDto })
  async declinePlacement(@Param() params: ApplicationParams, @Body() body: DeclineRequestDto, @CurrentPrincipal() p: Principal): Promise<DeclineResponseDto> {
    const r = await this.decline.execute({ applicantId: p.id, applicationId: params.applicationId, reason: body.reason });
    return { applicationId: params.applicationId, declinedAt: (r.declined.declinedAt ?? new Date()).toISOString(), replacements: r.replacements.length };
  }
}
